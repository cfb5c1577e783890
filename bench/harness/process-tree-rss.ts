/**
 * Peak memory of a process and all its descendants, sampled from /proc every 50 ms (GNU time may be missing
 * on a fresh machine, and it sees only one process). Reports the largest single-process RSS and the largest
 * sum over the tree at one instant: a run that forks vitest workers is as big as its whole tree.
 */
import { readFileSync, readdirSync } from 'node:fs';

export interface RssPeak {
  /** Largest VmRSS of any one process of the tree, in kB. */
  maxProcessKb: number;
  /** Largest sum of VmRSS over the tree at one sample, in kB. */
  maxTreeKb: number;
  /** Most processes seen in the tree at once. */
  maxProcesses: number;
  samples: number;
}

function readRssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Children through /proc/<pid>/task/<tid>/children (every thread may fork); undefined when unsupported. */
function childrenOf(pid: number): number[] | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tids) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && tid === String(pid)) return undefined;
      continue;
    }
    for (const s of text.split(' ')) if (s.trim()) out.push(Number(s));
  }
  return out;
}

/** Fallback: one scan of /proc/*\/stat for the parent of every process. */
function descendantsByScan(root: number): number[] {
  const parent = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const list = parent.get(ppid) ?? [];
      list.push(Number(name));
      parent.set(ppid, list);
    } catch {
      // exited while scanning
    }
  }
  const out: number[] = [root];
  for (let i = 0; i < out.length; i++) out.push(...(parent.get(out[i]!) ?? []));
  return out;
}

export function processTree(root: number): number[] {
  const out: number[] = [root];
  for (let i = 0; i < out.length && out.length < 10_000; i++) {
    const kids = childrenOf(out[i]!);
    if (kids === undefined) return descendantsByScan(root);
    out.push(...kids);
  }
  return out;
}

export interface RssSampler {
  stop(): RssPeak;
}

export function sampleTreeRss(root: number, intervalMs = 50): RssSampler {
  const peak: RssPeak = { maxProcessKb: 0, maxTreeKb: 0, maxProcesses: 0, samples: 0 };
  const sample = () => {
    const pids = processTree(root);
    let sum = 0;
    for (const pid of pids) {
      const kb = readRssKb(pid);
      sum += kb;
      if (kb > peak.maxProcessKb) peak.maxProcessKb = kb;
    }
    if (sum > peak.maxTreeKb) peak.maxTreeKb = sum;
    if (pids.length > peak.maxProcesses) peak.maxProcesses = pids.length;
    peak.samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { ...peak };
    },
  };
}
