/**
 * Figure 6 (issue 9): wall time of the contract suite and of `npm start` on the default embedded mock.
 * `npm start` is `run --fail-on never` (package.json); it is run as that command with `--out` in a temporary
 * directory so that a bench never overwrites the user's reports/.
 */
import { join } from 'node:path';
import type { Bench, BenchContext, BenchResult } from '../harness/bench.ts';
import { figure, round } from '../harness/figure.ts';
import { describeFailure, runCli } from '../harness/cli-process.ts';

function summaryOf(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => /^(checks:|findings:|partial run:|exit code)/.test(l))
    .join('; ');
}

function suiteBench(options: {
  name: string;
  title: string;
  args: (out: string) => string[];
  goalS: number;
  what: string;
}): Bench {
  return {
    name: options.name,
    title: options.title,
    timeoutMs: () => 240_000,
    async run(ctx: BenchContext): Promise<BenchResult> {
      const out = join(ctx.tmpDir, options.name);
      const args = options.args(out);
      ctx.log(`${options.name}: snyk-tenant-check ${args.join(' ')}`);
      const run = await runCli(args, { timeoutMs: 180_000, sampleRss: true });
      if (run.timedOut || (run.code !== 0 && run.code !== 1)) throw new Error(`${options.what} failed: ${describeFailure(run)}`);
      return {
        figures: [
          figure(`${options.name}.wallS`, round(run.wallMs / 1000, 2), 's', {
            goal: { op: '<=', target: options.goalS },
            note: summaryOf(run.stdout) || `exit ${run.code}`,
          }),
          figure(`${options.name}.peakTreeRssMb`, round(run.rss!.maxTreeKb / 1024, 1), 'MB', {
            note: `${run.rss!.maxProcesses} processes at most`,
          }),
        ],
        params: { args: args.map((a) => (a === out ? '<tmp>' : a)) },
      };
    },
  };
}

export const contractSuite = suiteBench({
  name: 'contract-suite',
  title: 'contract suite on the default mock',
  args: (out) => ['run', '--suite', 'contract', '--out', out],
  goalS: 30,
  what: 'run --suite contract',
});

export const npmStart = suiteBench({
  name: 'npm-start',
  title: '`npm start` (run --fail-on never) on the default mock',
  args: (out) => ['run', '--fail-on', 'never', '--out', out],
  goalS: 20,
  what: 'run --fail-on never',
});
