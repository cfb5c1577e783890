/**
 * Profiles the end-to-end audit (issue 9: "profile, fix the hot paths"): a mock tenant in another process,
 * `run --tenant live --suite audit` with the V8 CPU profiler on in every Node process of the run (the CLI
 * process and vitest's worker, through a `--require` preload, the equivalent of `node --cpu-prof`), then the top self-time functions and files of each profile.
 *
 *   node bin/tsx.mjs bench/profile-audit.ts [--users 100000] [--dir DIR] [--top 25]
 *
 * Profiles stay in DIR (default: a new temporary directory) for Chrome DevTools or speedscope.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startMockProcess } from './harness/mock-process.ts';
import { cleanEnv, describeFailure, runCli } from './harness/cli-process.ts';
import { killAllTrackedNow, stopAllTracked } from './harness/child-processes.ts';
import { summariseProfile } from './harness/cpu-profile-summary.ts';
import { round, toMb } from './harness/figure.ts';
import { BENCH_DIR } from './harness/paths.ts';

const PRELOAD = join(BENCH_DIR, 'harness', 'cpu-prof-preload.cjs');

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { users: { type: 'string' }, dir: { type: 'string' }, top: { type: 'string' } },
});
const users = Number(values.users ?? 100_000);
const top = Number(values.top ?? 25);
const dir = values.dir ? resolve(values.dir) : await mkdtemp(join(tmpdir(), 'snyk-tenant-check-profile-'));
process.on('exit', killAllTrackedNow);

const mock = await startMockProcess({ users, members: Math.round(users * 0.05), provisions: Math.round(users * 0.02) });
try {
  // Node 20 refuses --cpu-prof in NODE_OPTIONS and vitest's fork does not inherit the parent's flags: a
  // preload starts the profiler in every Node process of the run instead.
  const run = await runCli(['run', '--tenant', 'live', '--suite', 'audit', '--out', join(dir, 'out')], {
    env: cleanEnv({ ...mock.liveEnv(), NODE_OPTIONS: `--require ${PRELOAD}`, BENCH_CPU_PROF_DIR: dir }),
    timeoutMs: 300_000,
    sampleRss: true,
  });
  if (run.code !== 0 && run.code !== 1) throw new Error(`the profiled run failed: ${describeFailure(run)}`);
  console.log(`profiled audit of ${users} users: ${round(run.wallMs / 1000, 2)} s wall (profiling adds overhead), peak process ${toMb(run.rss!.maxProcessKb)} MB, tree ${toMb(run.rss!.maxTreeKb)} MB`);
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort()) {
    const s = await summariseProfile(join(dir, file), top);
    console.log(`\n${file}: ${s.totalMs} ms sampled, idle ${s.idlePct}%, GC ${s.gcPct}%`);
    console.log('  self time by function:');
    for (const h of s.functions) console.log(`    ${String(h.selfPct).padStart(5)}%  ${String(h.selfMs).padStart(6)} ms  ${h.where}`);
    console.log('  self time by file:');
    for (const h of s.files.slice(0, 12)) console.log(`    ${String(h.selfPct).padStart(5)}%  ${String(h.selfMs).padStart(6)} ms  ${h.where}`);
  }
  console.log(`\nprofiles: ${dir}`);
} finally {
  await mock.stop();
  await stopAllTracked();
}
