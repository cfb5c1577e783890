/**
 * One run of snyk-tenant-check: pick the tenant (embedded mock or live) and make the run plan, hand the plan
 * to the suites, run them with vitest, turn the results into the results model, write every report, decide
 * the exit code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Vitest } from 'vitest/node';
import { openVitest } from './vitest-session.ts';
import { releaseMemory } from './release-memory.ts';
import { ResultsReporter, type CollectedResults } from '../../reporters/vitest-results-reporter.ts';
import { writeReports } from '../../reporters/write-reports.ts';
import type { PlanSources, RunPlan } from '../config/run-plan.ts';
import { PROVIDED_PLAN_KEY } from '../config/provided-plan.ts';
import type { RunResults } from '../model/results.ts';
import { CHECKS } from '../contract/registry.ts';
import { loadPolicy } from '../audit/policy.ts';
import { readPreviousResults } from '../audit/diff.ts';
import { buildRunResults, emptyCollected } from './build-results.ts';
import { prepareTenant } from './prepare-tenant.ts';
import { ProgressReporter } from './progress-reporter.ts';

/** vite's cache: not in the package (it may be read-only) and not in the reports (CI uploads them). */
export const VITE_CACHE_DIR = join(tmpdir(), 'snyk-tenant-check', 'vite-cache');

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What a run is made of: the settings to plan it from, where its progress lines go, how to stop it. */
export interface RunSources extends Omit<PlanSources, 'checkIds'> {
  /** Progress lines (the CLI prints them; TTY or plain). */
  log?: (line: string) => void;
  /** Aborting ends the run early; what is done is written, marked partial. */
  signal?: AbortSignal;
}

export interface RunOutcome {
  plan: RunPlan;
  results: RunResults;
  exitCode: 0 | 1 | 3;
  files: string[];
}

export async function runSuites(sources: RunSources): Promise<RunOutcome> {
  const log = sources.log ?? (() => {});
  const tenant = await prepareTenant({ ...sources, checkIds: CHECKS.map((c) => c.id) }, { needApiweb: true, log });
  const { plan } = tenant;
  log(`seed: ${plan.seed} (replay with --seed ${plan.seed})`);
  if (plan.failOn === 'new' && !plan.previousPath) {
    log('note: --fail-on new without --previous treats every failing finding as new');
  }
  // A bad policy or --previous file is a configuration error (exit 2): find it before any suite starts,
  // not inside a worker where it would only make the run incomplete.
  if (plan.suites.includes('audit')) {
    try {
      if (plan.policyPath) await loadPolicy(plan.policyPath);
      if (plan.previousPath) await readPreviousResults(plan.previousPath);
    } catch (error) {
      await tenant.close();
      throw error;
    }
  }

  let collected: CollectedResults | undefined;
  let vitest: Vitest | undefined;
  let interrupted = false;
  const onAbort = () => {
    interrupted = true;
    void vitest?.cancelCurrentRun('keyboard-input');
  };
  sources.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await mkdir(plan.outDir, { recursive: true });
    const reporters: unknown[] = [
      new ResultsReporter({ onResults: (r) => void (collected = r) }),
      new ProgressReporter(log),
    ];
    if (plan.shard) {
      const { index, count } = plan.shard;
      reporters.push(['blob', { outputFile: join(plan.outDir, 'blob', `blob-${index}-${count}.json`) }]);
    }
    const session = await openVitest(
      {
        root: PACKAGE_ROOT,
        config: join(PACKAGE_ROOT, 'vitest.suites.config.ts'),
        watch: false,
        reporters: reporters as never,
        ...(plan.shard ? { shard: `${plan.shard.index}/${plan.shard.count}` } : {}),
        passWithNoTests: true,
        // The workers' tokens: set in their environment by vitest, never in the plan nor in this process's env.
        env: tenant.workerEnv,
      },
      { cacheDir: VITE_CACHE_DIR },
    );
    vitest = session.vitest;
    vitest.provide(PROVIDED_PLAN_KEY, plan);
    if (interrupted) await vitest.cancelCurrentRun('keyboard-input');
    await session.run(plan.suites.map((s) => `suites/${s}/`));
    // Closed: its state (every task and its meta) need not outlive the run.
    vitest = undefined;
  } finally {
    sources.signal?.removeEventListener('abort', onAbort);
    await tenant.close();
    // vitest sets process.exitCode for its own CLI; ours is decided below.
    process.exitCode = undefined;
  }

  if (plan.shard) {
    // `merge` restores the run information from the shard's plan (no secret in it).
    const { index, count } = plan.shard;
    await mkdir(join(plan.outDir, 'blob'), { recursive: true });
    await writeFile(join(plan.outDir, 'blob', `run-info-${index}-${count}.json`), JSON.stringify(plan));
  }
  const { results, exitCode } = buildRunResults(collected ?? emptyCollected('the suites produced no results'), plan, {
    interrupted,
  });
  // Only a large run needs the collections (a few hundred findings fit the budget many times over).
  const large = results.findings.length + results.checks.length > 10_000;
  if (large) releaseMemory();
  const files = await writeReports(results, plan.outDir, { exports: plan.formats, ...(large ? { afterEach: releaseMemory } : {}) });
  return { plan, results, exitCode, files };
}

