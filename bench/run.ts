/**
 * `npm run bench`: the benchmarks of issue 9. Prints the machine and a table of every figure with its goal,
 * and writes the same as JSON (bench/results/latest.json unless --out). Each comparison is measured side by
 * side in this one run. Exit 0 when every selected bench ran (a missed goal is a figure, not a crash),
 * 1 when a bench failed, 2 on a usage error.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BENCHES } from './benches/index.ts';
import { BENCH_HELP, parseBenchArgs, type BenchArgs } from './harness/bench-args.ts';
import { machineInfo } from './harness/machine-info.ts';
import { runBenches } from './harness/run-benches.ts';
import type { BenchOutcome } from './harness/figure.ts';
import { formatMachine, formatTable } from './harness/format-table.ts';
import { killAllTrackedNow, stopAllTracked } from './harness/child-processes.ts';

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2), BENCHES.map((b) => b.name));
} catch (error) {
  console.error(`bench: ${(error as Error).message}\n\n${BENCH_HELP}`);
  process.exit(2);
}
if (args.help) {
  console.log(BENCH_HELP);
  process.exit(0);
}

// Every child dies with the harness, whatever ends it.
process.on('exit', killAllTrackedNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}: stopping every child process`);
    void stopAllTracked().finally(() => process.exit(130));
  });
}

const selected = args.only ? BENCHES.filter((b) => args.only!.includes(b.name)) : BENCHES;
const machine = machineInfo();
const tmpDir = await mkdtemp(join(tmpdir(), 'snyk-tenant-check-bench-'));
const startedAt = new Date().toISOString();
console.log(formatMachine(machine));
console.log(`benches: ${selected.map((b) => b.name).join(', ')}${args.quick ? ' (quick: smoke sizes, not figures to quote)' : ''}`);

let outcomes: BenchOutcome[];
try {
  outcomes = await runBenches(selected, {
    quick: args.quick,
    tmpDir,
    shared: new Map(),
    log: (line) => console.error(line),
  });
} finally {
  await stopAllTracked();
  await rm(tmpDir, { recursive: true, force: true });
}

const report = {
  schema: 'snyk-tenant-check-bench/1',
  startedAt,
  finishedAt: new Date().toISOString(),
  quick: args.quick,
  machine,
  benches: outcomes,
  figures: Object.fromEntries(outcomes.flatMap((o) => o.figures.map((f) => [f.name, f]))),
};
await mkdir(dirname(args.out), { recursive: true });
await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);

console.log('');
console.log(formatTable(outcomes));
console.log('');
const missed = outcomes.flatMap((o) => o.figures).filter((f) => f.met === false);
console.log(`goals: ${outcomes.flatMap((o) => o.figures).filter((f) => f.met === true).length} met, ${missed.length} missed${missed.length ? ` (${missed.map((f) => f.name).join(', ')})` : ''}`);
console.log(`json: ${args.out}`);
process.exitCode = outcomes.some((o) => o.status === 'error') ? 1 : 0;
