/**
 * The run context: what `snyk-tenant-check run` tells the suites it starts, through the environment variable
 * SNYK_TENANT_CHECK_CONTEXT (a JSON object). It never holds a secret: tokens stay in their own variables.
 */
export type SuiteName = 'contract' | 'audit';
import type { FailOn } from '../model/fail-on.ts';
export type { FailOn };

export interface RunContext {
  tenant: 'mock' | 'live';
  suites: SuiteName[];
  seed: number;
  numRuns: number;
  allowWrites: boolean;
  failOn: FailOn;
  outDir: string;
  /** Policy file (YAML/JSON) for the audit; undefined = built-in defaults. */
  policyPath?: string;
  /** A results.json of an earlier run, for the finding diff. */
  previousPath?: string;
  /** Last-seen state file kept between nightly runs. */
  statePath?: string;
  /** The moment the run judges time against (ISO 8601), so every rule uses the same "now". */
  now: string;
  /** REST API version override for this run (compare runs each version). */
  apiVersion?: string;
  /**
   * Requests per minute each suite worker may send per API. Suites run in parallel workers, each with its
   * own client, so the run hands every worker its share of the tenant's limit.
   */
  rateLimits?: Partial<Record<'v1' | 'rest' | 'apiweb', number>>;
  /** Contract check ids to run (all when absent) and to leave out (`--checks`, `--exclude-checks`). */
  checks?: { only?: string[]; exclude?: string[] };
}

export const RUN_CONTEXT_ENV = 'SNYK_TENANT_CHECK_CONTEXT';

export function encodeRunContext(ctx: RunContext): string {
  return JSON.stringify(ctx);
}

/** Reads the run context; outside a run (a developer running a suite file by hand) a default mock context. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const raw = env[RUN_CONTEXT_ENV];
  if (!raw) {
    return {
      tenant: 'live',
      suites: ['contract', 'audit'],
      seed: 1,
      numRuns: 25,
      allowWrites: false,
      failOn: 'high',
      outDir: 'reports',
      now: new Date().toISOString(),
    };
  }
  return JSON.parse(raw) as RunContext;
}
