/** `bench/run.ts [--only NAME[,NAME]] [--quick] [--out FILE]`. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEFAULT_RESULTS } from './paths.ts';

export interface BenchArgs {
  only?: string[];
  quick: boolean;
  out: string;
  help: boolean;
}

export const BENCH_HELP = `Usage: npm run bench -- [--only NAME[,NAME]] [--quick] [--out FILE]

Runs the benchmarks of issue 9 and prints a table; writes every figure to bench/results/latest.json.
  --only NAMES   run only these benches (comma-separated)
  --quick        smaller sizes and shorter loops: a smoke run, not figures to quote
  --out FILE     where the JSON goes (default: bench/results/latest.json)
  -h, --help     this help
`;

export function parseBenchArgs(argv: string[], known: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', multiple: true },
      quick: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const only = values.only?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const name of only ?? []) {
    if (!known.includes(name)) throw new Error(`unknown bench '${name}' (known: ${known.join(', ')})`);
  }
  return {
    ...(only?.length ? { only } : {}),
    quick: Boolean(values.quick),
    out: resolve(values.out ?? DEFAULT_RESULTS),
    help: Boolean(values.help),
  };
}
