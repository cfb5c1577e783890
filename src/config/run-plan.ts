/**
 * The run plan: everything one `run` needs, merged from the environment, the config file and the flags
 * (precedence: environment < config file < flags) and validated once, in the main process, before any suite
 * starts. The plan is immutable (deep-frozen) and holds no secret: tokens stay in SNYK_TOKEN and
 * SNYK_APIWEB_TOKEN. The suites receive it through vitest's `provide`/`inject` (src/config/provided-plan.ts)
 * and build their tenant configuration, check context and results from it.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../model/errors.ts';
import { DEFAULT_FAIL_ON, type FailOn } from '../model/fail-on.ts';
import { DEFAULT_RATE_LIMITS, DEFAULT_REST_VERSION, type ApiFamily } from '../model/operations.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../model/report-formats.ts';
import { parseRestVersion } from '../model/rest-version.ts';
import { envFromConfig, type ToolConfig } from './config-file.ts';
import { chooseSeed } from './seed.ts';
import type { TenantCoordinates } from './tenant-config.ts';
import { readTenantCoordinates } from './tenant-env.ts';

export type TenantKind = 'mock' | 'live';
export type SuiteName = 'contract' | 'audit';

/** The embedded mock tenant of a `--tenant mock` run. */
export interface MockSettings {
  seed?: number;
  users?: number;
  provisions?: number;
  members?: number;
  rateLimit?: number;
  drift?: string;
  /** Answer the doc-silent cases as real servers are reported to (src/mock/realistic.ts). */
  realistic?: boolean;
}

/** The tenant of a run: which kind, and where it is (for the embedded mock: where it listens). */
export interface TenantPlan extends TenantCoordinates {
  kind: TenantKind;
}

export interface RunPlan {
  readonly tenant: Readonly<TenantPlan>;
  readonly suites: readonly SuiteName[];
  readonly seed: number;
  /** Generated cases per property. */
  readonly numRuns: number;
  /** The moment the run started and judges time against (ISO 8601): every rule and check uses the same. */
  readonly now: string;
  /** Absolute directory of the reports. */
  readonly outDir: string;
  /** Whether checks may write: always on the embedded mock (it is ours), on a live tenant with --allow-writes. */
  readonly allowWrites: boolean;
  readonly failOn: FailOn;
  /** Audit policy file (absolute); absent: the built-in defaults. */
  readonly policyPath?: string;
  /** results.json of an earlier run (absolute), for the finding diff. */
  readonly previousPath?: string;
  /** Last-seen state file kept between nightly runs (absolute). */
  readonly statePath?: string;
  /**
   * Requests per minute each suite worker may send per API. Suites run in parallel workers, each with its own
   * client, so every worker gets its share of the key's limit.
   */
  readonly rateLimits: Readonly<Record<ApiFamily, number>>;
  /** Contract check ids to run (all when absent) and to leave out. */
  readonly checks: { readonly only?: readonly string[]; readonly exclude?: readonly string[] };
  /** vitest shard: this run is shard `index` of `count`. */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly mock?: Readonly<MockSettings>;
  /** Domain of the reserved test addresses (SNYK_TEST_EMAIL_DOMAIN; default example.com, RFC 2606). */
  readonly reservedDomain?: string;
  /** `--strict`: assumed (undocumented) contract assertions fail instead of warning. */
  readonly strict: boolean;
  /** `--format`: report formats beyond the default set. */
  readonly formats: readonly ExportFormat[];
}

/** What the command line asked for, parsed to types; undefined: not given (the config file or a default decides). */
export interface RunFlags {
  tenant?: TenantKind;
  suite?: 'contract' | 'audit' | 'all';
  out?: string;
  allowWrites?: boolean;
  policy?: string;
  previous?: string;
  state?: string;
  failOn?: FailOn;
  seed?: number;
  numRuns?: number;
  apiVersion?: string;
  checks?: readonly string[];
  excludeChecks?: readonly string[];
  /** `I/N`. */
  shard?: string;
  mock?: MockSettings;
  strict?: boolean;
  formats?: readonly string[];
}

export interface PlanSources {
  flags: RunFlags;
  config?: ToolConfig;
  env: NodeJS.ProcessEnv;
  /** The contract check ids there are (the registry's), to refuse an unknown `--checks` id. */
  checkIds: readonly string[];
  /** Default: the current time. */
  now?: Date;
}

/** Where the embedded mock listens, once started. */
export interface MockTenantCoordinates {
  url: string;
  orgId: string;
  groupId: string;
  testUserId: string;
}

export const DEFAULT_NUM_RUNS = 25;
/** Suite files run in at most this many workers at once (vitest.suites.config.ts maxWorkers). */
export const SUITE_WORKERS = 2;

/** Which tenant a run targets (flags < config file; default: the embedded mock). */
export function plannedTenantKind(sources: Pick<PlanSources, 'flags' | 'config'>): TenantKind {
  return sources.flags.tenant ?? sources.config?.tenant ?? 'mock';
}

/**
 * Merges and validates a run's settings into its plan. `mockTenant` is where the embedded mock listens (a
 * `--tenant mock` run starts it first); a live tenant's coordinates come from the environment and the config
 * file. A mistake is a ConfigError naming the setting (exit 2).
 */
export function createRunPlan(sources: PlanSources, mockTenant?: MockTenantCoordinates): RunPlan {
  const { flags, config, env } = sources;
  const kind = plannedTenantKind(sources);
  if (kind === 'live' && flags.mock && Object.values(flags.mock).some((v) => v !== undefined)) {
    throw new ConfigError('CONFIG_MOCK_ONLY', '--drift, --mock-users, --mock-seed and --mock-realistic apply to --tenant mock only');
  }
  const restVersion = flags.apiVersion ?? config?.apiVersion;
  if (restVersion !== undefined && !parseRestVersion(restVersion)) {
    const where = flags.apiVersion !== undefined ? '--api-version' : 'apiVersion (config file)';
    throw new ConfigError(
      'CONFIG_INVALID_VERSION',
      `${where} must be a date YYYY-MM-DD, optionally with ~beta (got ${JSON.stringify(restVersion.slice(0, 24))})`,
      { variable: where },
    );
  }
  const tenant = tenantPlan(kind, sources, restVersion, mockTenant);

  const only = flags.checks;
  const exclude = flags.excludeChecks;
  for (const id of [...(only ?? []), ...(exclude ?? [])]) {
    if (!sources.checkIds.includes(id)) {
      throw new ConfigError('CONFIG_UNKNOWN_CHECK', `unknown check '${id}' (checks: ${sources.checkIds.join(', ')})`);
    }
  }
  const formats = (flags.formats ?? []).map((f) => {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) {
      throw new ConfigError('CONFIG_UNKNOWN_FORMAT', `unknown report format '${f}' (formats: ${EXPORT_FORMATS.join(', ')})`);
    }
    return f as ExportFormat;
  });
  const suite = flags.suite ?? config?.suite ?? 'all';
  const path = (value: string | undefined): string | undefined => (value === undefined ? undefined : resolve(value));
  const policyPath = path(flags.policy ?? config?.policy);
  const previousPath = path(flags.previous ?? config?.previous);
  const statePath = path(flags.state ?? config?.state);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const reservedDomain = readReservedDomain(env);
  const plan: RunPlan = {
    tenant,
    suites: suite === 'all' ? ['contract', 'audit'] : [suite],
    seed: chooseSeed(flags.seed, env),
    numRuns: flags.numRuns ?? config?.numRuns ?? DEFAULT_NUM_RUNS,
    now: (sources.now ?? new Date()).toISOString(),
    outDir: resolve(flags.out ?? config?.out ?? 'reports'),
    // The embedded mock is ours: writes there touch nobody's tenant.
    allowWrites: kind === 'mock' || flags.allowWrites === true,
    failOn: flags.failOn ?? config?.failOn ?? DEFAULT_FAIL_ON,
    ...(policyPath !== undefined ? { policyPath } : {}),
    ...(previousPath !== undefined ? { previousPath } : {}),
    ...(statePath !== undefined ? { statePath } : {}),
    rateLimits: workerRateLimits(kind, flags.mock?.rateLimit, config?.rateLimits),
    checks: { ...(only ? { only: [...only] } : {}), ...(exclude ? { exclude: [...exclude] } : {}) },
    ...(shard ? { shard } : {}),
    ...(kind === 'mock' ? { mock: definedOnly(flags.mock ?? {}) } : {}),
    ...(reservedDomain !== undefined ? { reservedDomain } : {}),
    strict: flags.strict ?? config?.strict ?? false,
    formats: [...new Set([...(config?.formats ?? []), ...formats])],
  };
  return deepFreeze(plan);
}

/** A new plan with some settings changed (a `compare` run per version), validated and frozen like the first. */
export function withPlan(plan: RunPlan, patch: { restVersion?: string; outDir?: string; suites?: readonly SuiteName[]; now?: string }): RunPlan {
  if (patch.restVersion !== undefined && !parseRestVersion(patch.restVersion)) {
    throw new ConfigError('CONFIG_INVALID_VERSION', `not a REST version: ${JSON.stringify(patch.restVersion.slice(0, 24))}`);
  }
  const copy = structuredClone(plan) as { -readonly [K in keyof RunPlan]: RunPlan[K] } & { tenant: TenantPlan };
  if (patch.restVersion !== undefined) copy.tenant.restVersion = patch.restVersion;
  if (patch.outDir !== undefined) copy.outDir = resolve(patch.outDir);
  if (patch.suites !== undefined) copy.suites = [...patch.suites];
  if (patch.now !== undefined) copy.now = patch.now;
  return deepFreeze(copy);
}

/** Freezes a plan received from elsewhere (vitest's inject hands the workers a copy). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function tenantPlan(
  kind: TenantKind,
  sources: PlanSources,
  restVersion: string | undefined,
  mockTenant: MockTenantCoordinates | undefined,
): TenantPlan {
  if (kind === 'mock') {
    if (!mockTenant) throw new ConfigError('CONFIG_MOCK_NOT_STARTED', 'a mock run is planned once its mock tenant listens');
    // The embedded mock is its own tenant: the environment's tenant variables name a live one.
    return {
      kind,
      snykApiUrl: mockTenant.url,
      apiwebUrl: mockTenant.url,
      snykAuthScheme: 'token',
      restVersion: restVersion ?? DEFAULT_REST_VERSION,
      orgIds: [mockTenant.orgId],
      groupId: mockTenant.groupId,
      testUserId: mockTenant.testUserId,
    };
  }
  const env = envFromConfig(sources.config, sources.env);
  return { kind, ...readTenantCoordinates(restVersion === undefined ? env : { ...env, SNYK_API_VERSION: restVersion }) };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function parseShard(text: string): { index: number; count: number } {
  const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text);
  if (!m) throw new ConfigError('CONFIG_INVALID_SHARD', `--shard takes I/N (for example 1/2), not '${text}'`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/**
 * Each worker's share of the tenant's rate limits. Live: the documented limits (or the configured ones) split
 * between the workers, so together they stay under the key's limit. The embedded mock has no limit unless
 * one is asked for, so pacing would only slow the run down.
 */
function workerRateLimits(
  kind: TenantKind,
  mockLimit: number | undefined,
  configured: Partial<Record<ApiFamily, number>> | undefined,
): Record<ApiFamily, number> {
  if (kind === 'mock') {
    const limit = mockLimit ?? 1_000_000;
    return { v1: limit / SUITE_WORKERS, rest: limit / SUITE_WORKERS, apiweb: limit / SUITE_WORKERS };
  }
  const limits = { ...DEFAULT_RATE_LIMITS, ...configured };
  return {
    v1: Math.max(1, Math.floor(limits.v1 / SUITE_WORKERS)),
    rest: Math.max(1, Math.floor(limits.rest / SUITE_WORKERS)),
    apiweb: Math.max(1, Math.floor(limits.apiweb / SUITE_WORKERS)),
  };
}

/**
 * `SNYK_TEST_EMAIL_DOMAIN`: the domain of the reserved test addresses, for tenants that only provision
 * addresses of their SSO domain. Anything but a plain host name is ignored.
 */
function readReservedDomain(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.SNYK_TEST_EMAIL_DOMAIN?.trim().toLowerCase();
  return value && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(value) ? value : undefined;
}
