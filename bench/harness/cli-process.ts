/**
 * Runs the real command line (`bin/snyk-tenant-check.mjs`) in a child process, as a user or a nightly job
 * would, with a clean environment, a hard time limit, wall time and (optionally) peak tree RSS.
 */
import { BIN, ROOT } from './paths.ts';
import { spawnTracked, waitOrStop } from './child-processes.ts';
import { sampleTreeRss, type RssPeak } from './process-tree-rss.ts';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  wallMs: number;
  rss?: RssPeak;
  stdout: string;
  stderr: string;
}

/** The environment without the developer's SNYK_* variables or a vitest/Node option that would skew timing. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('SNYK_') && !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'CI') env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export async function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs: number; sampleRss?: boolean; nodeArgs?: string[] },
): Promise<CliRun> {
  const started = performance.now();
  const tracked = spawnTracked(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: ROOT,
    env: options.env ?? cleanEnv(),
  });
  const sampler = options.sampleRss ? sampleTreeRss(tracked.pid) : undefined;
  const result = await waitOrStop(tracked, options.timeoutMs);
  const wallMs = performance.now() - started;
  const rss = sampler?.stop();
  return { ...result, wallMs, ...(rss ? { rss } : {}), stdout: tracked.stdout(), stderr: tracked.stderr() };
}

/** One line of a failed run for the report: exit, time-out, and the last stderr line. */
export function describeFailure(run: CliRun): string {
  const last = run.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
  const how = run.timedOut ? 'timed out' : run.signal ? `killed by ${run.signal}` : `exit ${run.code}`;
  return `${how}${last ? `: ${last}` : ''}`;
}
