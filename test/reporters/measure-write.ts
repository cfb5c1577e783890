/**
 * Measures writeReports on a 100k-user tenant's audit (≈57k findings, as the seeded mock produces): wall time
 * and peak RSS of writing all five reports (and the `--format` exports named in --formats: ocsf, oscal) and
 * manifest.json, above the input's own footprint. A runnable script, not a test
 * (no timing assertions in unit tests; vitest only collects *.test.ts):
 *
 *   node bin/tsx.mjs test/reporters/measure-write.ts [--findings 57000] [--seed 20250301]
 *        [--shape lean|full] [--formats junit,html,json,csv,markdown,ocsf,oscal] [--module path/to/write-reports.ts]
 *        [--per-format] [--profile FILE.cpuprofile] [--keep DIR] [--json]
 *
 * --shape lean (default): findings without `controls`/`title`, resolved from results.rules[] (what the audit
 *   engine emits); full: every finding carries its own copy of its rule's controls and title (the older shape).
 * --module: another write-reports.ts to measure side by side, e.g. an older version of reporters/:
 *   `mkdir -p /tmp/prev && git archive <commit> reporters | tar -x -C /tmp/prev && echo '{"type":"module"}' >
 *   /tmp/prev/package.json && for d in src schemas node_modules; do ln -s "$PWD/$d" /tmp/prev/$d; done`, then
 *   `--module /tmp/prev/reporters/write-reports.ts`. Alternate the two in separate runs on a noisy machine.
 * --per-format: afterwards, the time of each report on its own (same process, warm, so no per-format peak).
 * --release: a full collection after each report, as a large run does (src/run/release-memory.ts).
 * --profile: a V8 CPU profile of the measured writeReports call only (not of building the input).
 *
 * The input: a child process builds the fixture (test/reporters/results-builder.ts largeResults) and writes it
 * as JSON to a temporary file; this process reads and parses it, as the main process of a run gets findings
 * (parsed from vitest task.meta): flat strings, no shared objects, and no garbage of the builder inflating RSS.
 * Peak RSS: after the input is parsed and collected (gc), its RSS is the baseline; then the kernel's high-water
 * mark is reset (`/proc/self/clear_refs` 5, Linux) so process.resourceUsage().maxRSS is the peak while writing.
 * Without that reset (not Linux) the peak includes loading the input, and the output says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RunResults } from '../../src/model/results.ts';
import type { ReportFormat, WriteReportsOptions } from '../../reporters/write-reports.ts';
import type { ExportFormat } from '../../src/model/report-formats.ts';
import { largeResults, withoutRuleCopies, withRuleCopies } from './results-builder.ts';

type WriteReports = (results: RunResults, outDir: string, options?: WriteReportsOptions) => Promise<string[]>;

const USAGE =
  'usage: measure-write.ts [--findings N] [--seed N] [--shape lean|full] [--formats a,b] [--module FILE] [--per-format] [--release] [--profile FILE] [--keep DIR] [--json]';

const { values: args } = parseArgs({
  options: {
    findings: { type: 'string', default: '57000' },
    seed: { type: 'string', default: '20250301' },
    shape: { type: 'string', default: 'lean' },
    formats: { type: 'string' },
    module: { type: 'string' },
    'per-format': { type: 'boolean', default: false },
    release: { type: 'boolean', default: false },
    profile: { type: 'string' },
    keep: { type: 'string' },
    json: { type: 'boolean', default: false },
    /** Internal: build the input and write it to this file (the child process). */
    emit: { type: 'string' },
  },
});

function buildInput(findings: number, seed: number, shape: string): RunResults {
  const results = largeResults({ seed, findings });
  return shape === 'lean' ? withoutRuleCopies(results) : withRuleCopies(results);
}

const seed = Number(args.seed);
const count = Number(args.findings);
if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed) || !['lean', 'full'].includes(args.shape)) {
  console.error(USAGE);
  process.exit(2);
}

if (args.emit !== undefined) {
  writeFileSync(args.emit, JSON.stringify(buildInput(count, seed, args.shape)));
  process.exit(0);
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const work = mkdtempSync(join(tmpdir(), 'stc-measure-write-'));
try {
  const inputFile = join(work, 'input.json');
  const tsx = fileURLToPath(new URL('../../bin/tsx.mjs', import.meta.url));
  const child = spawnSync(
    process.execPath,
    [tsx, fileURLToPath(import.meta.url), '--emit', inputFile, '--findings', String(count), '--seed', String(seed), '--shape', args.shape],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`building the input failed (exit ${child.status ?? child.signal})`);

  const modulePath = args.module === undefined ? new URL('../../reporters/write-reports.ts', import.meta.url).href : pathToFileURL(resolve(args.module)).href;
  const { writeReports } = (await import(modulePath)) as { writeReports: WriteReports };
  // --formats names reports and exports alike; the exports go to writeReports' `exports`.
  const named = args.formats?.split(',');
  const EXPORTS: readonly string[] = ['ocsf', 'oscal'];
  const formats = named?.filter((f) => !EXPORTS.includes(f)) as ReportFormat[] | undefined;
  const exports = (named?.filter((f) => EXPORTS.includes(f)) ?? []) as ExportFormat[];
  const options: WriteReportsOptions = {
    ...(formats === undefined || (formats.length === 0 && exports.length === 0) ? {} : { formats }),
    exports,
    ...(args.release ? { afterEach: () => gc() } : {}),
  };

  const results = JSON.parse(readFileSync(inputFile, 'utf8')) as RunResults;
  gc();
  gc();
  const baseline = process.memoryUsage();
  const peakReset = resetPeak();
  const outDir = args.keep ?? join(work, 'out');

  let session: Session | undefined;
  if (args.profile !== undefined) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const t0 = performance.now();
  await writeReports(results, outDir, options);
  const wallMs = performance.now() - t0;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  if (session && args.profile !== undefined) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(args.profile, JSON.stringify(profile));
    session.disconnect();
  }

  const files = Object.fromEntries(readdirSync(outDir).map((f) => [f, statSync(join(outDir, f)).size]));
  const perFormat: Record<string, number> = {};
  if (args['per-format']) {
    for (const format of formats ?? (['junit', 'html', 'json', 'csv', 'markdown'] as const)) {
      gc();
      const t = performance.now();
      await writeReports(results, outDir, { formats: [format] });
      perFormat[format] = Math.round(performance.now() - t);
    }
    for (const format of exports) {
      gc();
      const t = performance.now();
      await writeReports(results, outDir, { formats: [], exports: [format] });
      perFormat[format] = Math.round(performance.now() - t);
    }
  }

  const figures = {
    module: args.module ?? 'reporters/write-reports.ts',
    findings: results.findings.length,
    shape: args.shape,
    seed,
    wallMs: Math.round(wallMs),
    inputRssMb: Math.round(baseline.rss / MB),
    inputHeapUsedMb: Math.round(baseline.heapUsed / MB),
    peakRssMb: Math.round(peakMb),
    peakAboveInputMb: Math.round(peakMb - baseline.rss / MB),
    peakIsWriteOnly: peakReset,
    files,
    ...(args['per-format'] ? { perFormatMs: perFormat } : {}),
    node: process.version,
  };
  if (args.json) {
    console.log(JSON.stringify(figures));
  } else {
    console.log(`writeReports: ${figures.findings} findings (${figures.shape} shape, seed ${seed}), module ${figures.module}`);
    console.log(
      `  wall ${figures.wallMs} ms; peak RSS ${figures.peakRssMb} MB = input ${figures.inputRssMb} MB (heap used ${figures.inputHeapUsedMb} MB) + ${figures.peakAboveInputMb} MB` +
        (peakReset ? '' : ' (upper bound: the peak could not be reset, it includes loading the input)'),
    );
    for (const [file, size] of Object.entries(files)) console.log(`  ${file.padEnd(30)} ${(size / 1e6).toFixed(2)} MB`);
    if (args['per-format']) console.log(`  per format, warm (ms): ${Object.entries(perFormat).map(([f, ms]) => `${f} ${ms}`).join(', ')}`);
  }
} finally {
  if (args.keep === undefined) rmSync(work, { recursive: true, force: true });
  else rmSync(join(work, 'input.json'), { force: true });
}
