/**
 * One run of snyk-tenant-check: pick the tenant (embedded mock or live), hand the run context to the suites,
 * run them with vitest, turn the results into the results model, write every report, decide the exit code.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest, type Vitest } from 'vitest/node';
import { ResultsReporter, type CollectedResults } from '../../reporters/vitest-results-reporter.ts';
import { writeReports } from '../../reporters/write-reports.ts';
import { encodeRunContext, RUN_CONTEXT_ENV, type FailOn, type RunContext, type SuiteName } from '../config/run-context.ts';
import { RESULTS_SCHEMA_VERSION, type RunResults } from '../model/results.ts';
import { chooseSeed } from './seed.ts';
import { exitCodeFor } from './exit-code.ts';
import { summarise } from './summarise.ts';
import { prepareTenant, type PreparedTenant, type MockSettings } from './prepare-tenant.ts';
import { ProgressReporter } from './progress-reporter.ts';
import { TOOL_VERSION } from './tool-version.ts';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunOptions {
  tenant: 'mock' | 'live';
  suites: SuiteName[];
  /** Absolute or cwd-relative directory for the reports. */
  outDir: string;
  allowWrites: boolean;
  failOn: FailOn;
  policyPath?: string;
  previousPath?: string;
  statePath?: string;
  seed?: number;
  numRuns?: number;
  apiVersion?: string;
  /** vitest shard `i/n`; the shard's blob report goes to `<outDir>/blob/`. */
  shard?: string;
  mock?: MockSettings;
  env?: NodeJS.ProcessEnv;
  /** Progress lines (the CLI prints them; TTY or plain). */
  log?: (line: string) => void;
  /** Aborting ends the run early; what is done is written, marked partial. */
  signal?: AbortSignal;
}

export interface RunOutcome {
  results: RunResults;
  exitCode: 0 | 1 | 3;
  files: string[];
}

export const DEFAULT_NUM_RUNS = 25;

/** Sets environment variables for the vitest workers (forks inherit process.env) and restores them after. */
function withEnv(vars: Record<string, string | undefined>): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(vars)) {
    saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

export async function runSuites(options: RunOptions): Promise<RunOutcome> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const startedAt = new Date();
  const outDir = resolve(options.outDir);
  const seed = chooseSeed(options.seed, env);
  const numRuns = options.numRuns ?? DEFAULT_NUM_RUNS;
  log(`seed: ${seed} (replay with --seed ${seed})`);

  const tenant: PreparedTenant = await prepareTenant({
    kind: options.tenant,
    env,
    mock: { ...options.mock, seed: options.mock?.seed },
    apiVersion: options.apiVersion,
    needApiweb: options.suites.includes('audit'),
    log,
  });

  const context: RunContext = {
    tenant: options.tenant,
    suites: options.suites,
    seed,
    numRuns,
    // The embedded mock is ours: writes there touch nobody's tenant.
    allowWrites: options.tenant === 'mock' ? true : options.allowWrites,
    failOn: options.failOn,
    outDir,
    policyPath: options.policyPath && resolve(options.policyPath),
    previousPath: options.previousPath && resolve(options.previousPath),
    statePath: options.statePath && resolve(options.statePath),
    now: startedAt.toISOString(),
    apiVersion: options.apiVersion,
  };

  let collected: CollectedResults | undefined;
  const restoreEnv = withEnv({ ...tenant.workerEnv, [RUN_CONTEXT_ENV]: encodeRunContext(context) });
  let vitest: Vitest | undefined;
  let interrupted = false;
  const onAbort = () => {
    interrupted = true;
    void vitest?.cancelCurrentRun('keyboard-input');
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await mkdir(outDir, { recursive: true });
    const reporters: unknown[] = [
      new ResultsReporter({ onResults: (r) => void (collected = r) }),
      new ProgressReporter(log),
    ];
    if (options.shard) {
      const [index, count] = options.shard.split('/');
      reporters.push(['blob', { outputFile: join(outDir, 'blob', `blob-${index}-${count}.json`) }]);
    }
    vitest = await startVitest(
      'test',
      options.suites.map((s) => `suites/${s}/`),
      {
        root: PACKAGE_ROOT,
        config: join(PACKAGE_ROOT, 'vitest.suites.config.ts'),
        watch: false,
        reporters: reporters as never,
        shard: options.shard,
        passWithNoTests: true,
      },
      // The package may be installed read-only: keep vite's cache out of it.
      { cacheDir: join(outDir, '.cache') },
    );
    await vitest.close();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    restoreEnv();
    await tenant.close();
    // vitest sets process.exitCode for its own CLI; ours is decided below.
    process.exitCode = undefined;
  }

  const finishedAt = new Date();
  const got: CollectedResults = collected ?? {
    checks: [],
    findings: [],
    rules: [],
    warnings: [],
    runErrors: ['the suites produced no results'],
    reason: 'interrupted',
  };
  const partial = interrupted || got.reason === 'interrupted' || got.runErrors.length > 0;
  const exitCode = exitCodeFor({ checks: got.checks, findings: got.findings, failOn: options.failOn, incomplete: partial });
  const results: RunResults = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'snyk-tenant-check', version: TOOL_VERSION },
    run: {
      id: randomUUID(),
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      tenant: options.tenant,
      suites: options.suites,
      seed,
      numRuns,
      apiVersion: tenant.apiVersion,
      allowWrites: context.allowWrites,
      failOn: options.failOn,
      ...(got.policy ?? options.policyPath ? { policy: got.policy ?? options.policyPath } : {}),
      ...(options.previousPath ? { previous: options.previousPath } : {}),
      orgIds: tenant.orgIds,
      ...(tenant.groupId ? { groupId: tenant.groupId } : {}),
      targets: tenant.targets,
      partial,
      ...(partial
        ? { partialReason: interrupted ? 'interrupted' : got.runErrors.join('; ').slice(0, 2000) || 'incomplete' }
        : {}),
      ...(options.shard ? { shards: Number(options.shard.split('/')[1]) } : {}),
      exitCode,
    },
    summary: summarise(got.checks, got.findings),
    checks: got.checks,
    findings: got.findings,
    rules: got.rules,
    warnings: [
      ...got.warnings,
      ...got.runErrors.map((message) => ({ code: 'RUN_ERROR', message })),
    ],
    ...(got.stats ? { stats: got.stats } : {}),
    ...(got.diff ? { diff: got.diff } : {}),
  };
  const files = await writeReports(results, outDir);
  return { results, exitCode, files };
}

