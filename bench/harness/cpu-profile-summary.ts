/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and lists where the time went: self time per function
 * (file:function:line) and per file, as a share of all samples, idle and GC shown separately.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './paths.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  where: string;
  selfMs: number;
  selfPct: number;
}

export interface ProfileSummary {
  totalMs: number;
  idlePct: number;
  gcPct: number;
  functions: HotSpot[];
  files: HotSpot[];
}

function shortUrl(url: string): string {
  if (!url) return '(native)';
  let path = url;
  try {
    if (url.startsWith('file:')) path = fileURLToPath(url);
  } catch {
    // keep as is
  }
  const rel = relative(ROOT, path);
  return rel.startsWith('..') ? path : rel;
}

export async function summariseProfile(file: string, top = 25): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attributing it to sample i matches DevTools closely enough.
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + Math.max(0, deltas[i] ?? 0));
  }
  const totalUs = [...selfUs.values()].reduce((s, v) => s + v, 0) || 1;
  const fn = new Map<string, number>();
  const files = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') {
      idle += us;
      continue;
    }
    if (name === '(garbage collector)') gc += us;
    const where = `${shortUrl(node.callFrame.url)}:${name}:${node.callFrame.lineNumber + 1}`;
    fn.set(where, (fn.get(where) ?? 0) + us);
    const f = shortUrl(node.callFrame.url);
    files.set(f, (files.get(f) ?? 0) + us);
  }
  const spots = (m: Map<string, number>): HotSpot[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, selfMs: Math.round(us / 1000), selfPct: Math.round((us / totalUs) * 1000) / 10 }));
  return {
    totalMs: Math.round(totalUs / 1000),
    idlePct: Math.round((idle / totalUs) * 1000) / 10,
    gcPct: Math.round((gc / totalUs) * 1000) / 10,
    functions: spots(fn),
    files: spots(files),
  };
}
