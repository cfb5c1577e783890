/**
 * `merge`: combines the blob reports of sharded runs (`run --shard i/n`, each writing `<out>/blob/`) into one
 * set of reports, through vitest's own `--merge-reports`, so the results model is built exactly as in an
 * unsharded run.
 */
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openVitest } from './vitest-session.ts';
import { ResultsReporter, type CollectedResults } from '../../reporters/vitest-results-reporter.ts';
import { writeReports } from '../../reporters/write-reports.ts';
import type { ExportFormat } from '../model/report-formats.ts';
import { ConfigError } from '../model/errors.ts';
import type { RunResults } from '../model/results.ts';
import { buildRunResults, emptyCollected } from './build-results.ts';
import { withPlan, type RunPlan } from '../config/run-plan.ts';
import { PACKAGE_ROOT, VITE_CACHE_DIR } from './run-suites.ts';

export async function mergeShards(options: { blobDir: string; outDir: string; formats?: ExportFormat[] }): Promise<{
  results: RunResults;
  exitCode: 0 | 1 | 3;
  files: string[];
}> {
  const blobDir = resolve(options.blobDir);
  const entries = await readdir(blobDir).catch((error: unknown) => {
    throw new ConfigError('CONFIG_BLOBS_UNREADABLE', `cannot read the blob directory ${blobDir}`, { cause: error });
  });
  // Each shard left its run plan beside its blob (run-info-I-N.json).
  const plans: RunPlan[] = [];
  for (const name of entries.filter((n) => /^run-info-.*\.json$/.test(n)).sort()) {
    plans.push(JSON.parse(await readFile(join(blobDir, name), 'utf8')) as RunPlan);
  }
  if (!entries.some((n) => n.startsWith('blob-')) || plans.length === 0) {
    throw new ConfigError('CONFIG_BLOBS_MISSING', `no shard reports in ${blobDir} (expected blob-*.json and run-info-*.json from 'run --shard')`);
  }
  const first = plans[0]!;
  const plan = withPlan(first, {
    now: plans.map((p) => p.now).sort()[0] ?? first.now,
    suites: [...new Set(plans.flatMap((p) => p.suites))],
  });
  // vitest reads every file of the directory as a blob: hand it only the blobs, not our run-info files.
  const blobsOnly = await mkdtemp(join(tmpdir(), 'stc-merge-'));
  for (const name of entries.filter((n) => /^blob-.*\.json$/.test(n))) await copyFile(join(blobDir, name), join(blobsOnly, name));
  let collected: CollectedResults | undefined;
  const session = await openVitest(
    {
      root: PACKAGE_ROOT,
      config: join(PACKAGE_ROOT, 'vitest.suites.config.ts'),
      watch: false,
      mergeReports: blobsOnly,
      reporters: [new ResultsReporter({ onResults: (r) => void (collected = r) })] as never,
    },
    { cacheDir: VITE_CACHE_DIR },
  );
  await session.run([]);
  await rm(blobsOnly, { recursive: true, force: true });
  process.exitCode = undefined;
  const { results, exitCode } = buildRunResults(collected ?? emptyCollected('the shard reports held no results'), plan, {
    interrupted: false,
    shards: plans.length,
  });
  // The shards' own --format unless `merge --format` says otherwise.
  const files = await writeReports(results, resolve(options.outDir), { exports: options.formats ?? [...plan.formats] });
  return { results, exitCode, files };
}
