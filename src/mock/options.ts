/**
 * The mock tenant's options and their resolution: explicit option, else the environment INTERFACE.md names
 * (`SNYK_TOKEN`, `SNYK_APIWEB_TOKEN`, `SNYK_ORG_ID`, `SNYK_GROUP_ID`), else a value derived from the seed.
 */
import type { OperationName } from '../model/operations.ts';
import { TenantClock } from './clock.ts';
import { isDriftName } from './drifts.ts';
import type { FaultOptions } from './faults.ts';
import { MockError } from './mock-error.ts';
import { Rng } from './random.ts';

/** Forces `deprecation`/`sunset` on REST responses, e.g. to show `compare` a difference between versions. */
export interface RestLifecycleOverride {
  /** Only this REST operation; default: every REST operation. */
  operation?: OperationName;
  /** Only when this release is served (`2024-08-25`, `2021-09-13~beta`); default: any. */
  served?: string;
  /** `deprecation` header value (spec: date-time). Sets the lifecycle stage to `deprecated`. */
  deprecation?: string;
  /** `sunset` header value (spec description: `YYYY-MM-DD`). */
  sunset?: string;
}

export interface MockOptions {
  /** 0 = any free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Seed of every generated value; default 1. */
  seed?: number;
  /** API & Web users; default 250. */
  users?: number;
  /** Pending provisions; default 20. */
  provisions?: number;
  /** Snyk group members; default 60 (at least 1: the token's owner). */
  members?: number;
  /** Requests per minute per API key; past it 429 with `Retry-After`. Default: unlimited. */
  rateLimit?: number;
  /** Name of a catalogued drift (drifts.ts) to serve. */
  drift?: string;
  faults?: FaultOptions;
  /** The tenant's clock, frozen at this instant; default: the real time. */
  now?: Date;
  snykToken?: string;
  apiwebToken?: string;
  orgId?: string;
  groupId?: string;
  /** Names, emails and labels carrying markup, XML-invalid characters and formula prefixes (still schema-valid). */
  hostile?: boolean;
  /** Extra `deprecation`/`sunset` headers on REST responses. */
  restLifecycle?: readonly RestLifecycleOverride[];
  /** Answer the doc-silent cases as real servers are reported to (realistic.ts). */
  realistic?: boolean;
  /** Where the env defaults come from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  users: number;
  provisions: number;
  members: number;
  rateLimit: number | undefined;
  drift: string | undefined;
  faults: FaultOptions | undefined;
  clock: TenantClock;
  snykToken: string;
  apiwebToken: string;
  orgId: string;
  groupId: string;
  selfUserId: string;
  hostile: boolean;
  restLifecycle: readonly RestLifecycleOverride[];
  realistic: boolean;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_USERS = 250;
export const DEFAULT_PROVISIONS = 20;
export const DEFAULT_MEMBERS = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function count(value: number | undefined, fallback: number, name: string, min = 0): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > 10_000_000) {
    throw new MockError('MOCK_INVALID_OPTION', `${name} must be an integer between ${min} and 10000000`);
  }
  return v;
}

function uuidOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!UUID.test(value)) throw new MockError('MOCK_INVALID_OPTION', `${name} must be a UUID`);
  return value;
}

export function resolveOptions(options: MockOptions = {}): ResolvedOptions {
  const env = options.env ?? process.env;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new MockError('MOCK_INVALID_OPTION', 'seed must be an integer');
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MockError('MOCK_INVALID_OPTION', 'port must be an integer between 0 and 65535');
  }
  if (options.drift !== undefined && !isDriftName(options.drift)) {
    throw new MockError('MOCK_UNKNOWN_DRIFT', `unknown drift "${options.drift}"`);
  }
  if (options.now !== undefined && Number.isNaN(options.now.getTime())) {
    throw new MockError('MOCK_INVALID_OPTION', 'now must be a valid date');
  }
  if (options.rateLimit !== undefined && (!Number.isInteger(options.rateLimit) || options.rateLimit < 1)) {
    throw new MockError('MOCK_INVALID_OPTION', 'rateLimit must be a positive integer');
  }
  // Derived ids and secrets come from their own stream, so changing --users does not change them.
  const ids = new Rng(seed, 'ids');
  const derived = {
    groupId: ids.uuid(),
    orgId: ids.uuid(),
    selfUserId: ids.uuid(),
    snykToken: ids.uuid(),
    apiwebToken: `mock${ids.hex(36)}`,
  };
  return {
    port,
    host: options.host ?? '127.0.0.1',
    seed,
    users: count(options.users, DEFAULT_USERS, 'users'),
    provisions: count(options.provisions, DEFAULT_PROVISIONS, 'provisions'),
    members: count(options.members, DEFAULT_MEMBERS, 'members', 1),
    rateLimit: options.rateLimit,
    drift: options.drift,
    faults: options.faults,
    clock: new TenantClock(options.now),
    snykToken: options.snykToken || env.SNYK_TOKEN || derived.snykToken,
    apiwebToken: options.apiwebToken || env.SNYK_APIWEB_TOKEN || derived.apiwebToken,
    orgId: uuidOption(options.orgId, 'orgId') ?? uuidOption(env.SNYK_ORG_ID, 'SNYK_ORG_ID') ?? derived.orgId,
    groupId:
      uuidOption(options.groupId, 'groupId') ?? uuidOption(env.SNYK_GROUP_ID, 'SNYK_GROUP_ID') ?? derived.groupId,
    selfUserId: derived.selfUserId,
    hostile: options.hostile === true,
    restLifecycle: options.restLifecycle ?? [],
    realistic: options.realistic === true,
  };
}
