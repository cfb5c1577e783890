/**
 * One run of snyk-tenant-check: pick the tenant (embedded mock or live), hand the run context to the suites,
 * run them with vitest, turn the results into the results model, write every report, decide the exit code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Vitest } from 'vitest/node';
import { openVitest } from './vitest-session.ts';
import { releaseMemory } from './release-memory.ts';
import { ResultsReporter, type CollectedResults } from '../../reporters/vitest-results-reporter.ts';
import { writeReports, type ExportFormat } from '../../reporters/write-reports.ts';
import { encodeRunContext, RUN_CONTEXT_ENV, type FailOn, type RunContext, type SuiteName } from '../config/run-context.ts';
import type { RunResults } from '../model/results.ts';
import { chooseSeed } from './seed.ts';
import { CHECKS } from '../contract/registry.ts';
import { ConfigError } from '../model/errors.ts';
import { DEFAULT_RATE_LIMITS } from '../client/tenant-client.ts';
import { loadPolicy } from '../audit/policy.ts';
import { readPreviousResults } from '../audit/diff.ts';
import { buildRunResults, emptyCollected, type RunInfoBase } from './build-results.ts';
import { prepareTenant, type PreparedTenant, type MockSettings } from './prepare-tenant.ts';
import { ProgressReporter } from './progress-reporter.ts';

/** vite's cache: not in the package (it may be read-only) and not in the reports (CI uploads them). */
export const VITE_CACHE_DIR = join(tmpdir(), 'snyk-tenant-check', 'vite-cache');

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunOptions {
  tenant: 'mock' | 'live';
  suites: SuiteName[];
  /** Absolute or cwd-relative directory for the reports. */
  outDir: string;
  /** Extra outputs besides the five reports (`--format ocsf,oscal`); none by default. */
  formats?: ExportFormat[];
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
  /** Contract checks to run only / to leave out, by id. */
  checks?: { only?: string[]; exclude?: string[] };
  /** Requests per minute per API key on a live tenant (default: the documented limits). */
  rateLimits?: Partial<Record<'v1' | 'rest' | 'apiweb', number>>;
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

export { EXPORT_FORMATS, type ExportFormat } from '../../reporters/write-reports.ts';

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

/** Suite files run in at most this many workers at once (vitest.suites.config.ts maxWorkers). */
export const SUITE_WORKERS = 2;

/**
 * Each worker's share of the tenant's rate limits. Live: the documented limits (or the configured ones) split
 * between the workers, so together they stay under the key's limit. The embedded mock has no limit unless
 * one is asked for, so pacing would only slow the run down.
 */
function workerRateLimits(options: RunOptions): RunContext['rateLimits'] {
  if (options.tenant === 'mock') {
    const limit = options.mock?.rateLimit ?? 1_000_000;
    return { v1: limit / SUITE_WORKERS, rest: limit / SUITE_WORKERS, apiweb: limit / SUITE_WORKERS };
  }
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  return {
    v1: Math.max(1, Math.floor(limits.v1 / SUITE_WORKERS)),
    rest: Math.max(1, Math.floor(limits.rest / SUITE_WORKERS)),
    apiweb: Math.max(1, Math.floor(limits.apiweb / SUITE_WORKERS)),
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

  for (const id of [...(options.checks?.only ?? []), ...(options.checks?.exclude ?? [])]) {
    if (!CHECKS.some((c) => c.id === id)) {
      throw new ConfigError('CONFIG_UNKNOWN_CHECK', `unknown check '${id}' (checks: ${CHECKS.map((c) => c.id).join(', ')})`);
    }
  }

  // A bad policy or --previous file is a configuration error (exit 2): find it before any suite starts,
  // not inside a worker where it would only make the run incomplete.
  if (options.suites.includes('audit')) {
    if (options.policyPath) await loadPolicy(resolve(options.policyPath));
    if (options.previousPath) await readPreviousResults(resolve(options.previousPath));
  }

  const tenant: PreparedTenant = await prepareTenant({
    kind: options.tenant,
    env,
    ...(options.mock ? { mock: options.mock } : {}),
    apiVersion: options.apiVersion,
    needApiweb: true,
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
    rateLimits: workerRateLimits(options),
    ...(options.checks ? { checks: options.checks } : {}),
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
    const session = await openVitest(
      {
        root: PACKAGE_ROOT,
        config: join(PACKAGE_ROOT, 'vitest.suites.config.ts'),
        watch: false,
        reporters: reporters as never,
        shard: options.shard,
        passWithNoTests: true,
      },
      { cacheDir: VITE_CACHE_DIR },
    );
    vitest = session.vitest;
    if (interrupted) await vitest.cancelCurrentRun('keyboard-input');
    await session.run(options.suites.map((s) => `suites/${s}/`));
    // Closed: its state (every task and its meta) need not outlive the run.
    vitest = undefined;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    restoreEnv();
    await tenant.close();
    // vitest sets process.exitCode for its own CLI; ours is decided below.
    process.exitCode = undefined;
  }

  const base: RunInfoBase = {
    startedAt: startedAt.toISOString(),
    tenant: options.tenant,
    suites: options.suites,
    seed,
    numRuns,
    apiVersion: tenant.apiVersion,
    allowWrites: context.allowWrites,
    failOn: options.failOn,
    ...(options.policyPath ? { policy: options.policyPath } : {}),
    ...(options.previousPath ? { previous: options.previousPath } : {}),
    orgIds: tenant.orgIds,
    ...(tenant.groupId ? { groupId: tenant.groupId } : {}),
    targets: tenant.targets,
    ...(options.shard ? { shards: Number(options.shard.split('/')[1]) } : {}),
  };
  if (options.shard) {
    const [index, count] = options.shard.split('/');
    await mkdir(join(outDir, 'blob'), { recursive: true });
    await writeFile(join(outDir, 'blob', `run-info-${index}-${count}.json`), JSON.stringify(base));
  }
  const { results, exitCode } = buildRunResults(collected ?? emptyCollected('the suites produced no results'), base, {
    interrupted,
  });
  // Only a large run needs the collections (a few hundred findings fit the budget many times over).
  const large = results.findings.length + results.checks.length > 10_000;
  if (large) releaseMemory();
  const files = await writeReports(results, outDir, { exports: options.formats ?? [], ...(large ? { afterEach: releaseMemory } : {}) });
  return { results, exitCode, files };
}

