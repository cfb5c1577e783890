/**
 * What every check receives: the client, the tenant configuration, the run's settings (seed, runs, writes),
 * the provision ledger, and per-context memoisation so that response checks that judge the same generated
 * GET requests share one HTTP exchange each (a live tenant's rate limit is the budget, research §8).
 */
import type { ApiResponse, RequestSpec, TenantClient } from '../client/types.ts';
import type { TenantConfig } from '../config/tenant-config.ts';
import type { TenantKind } from '../config/run-plan.ts';
import { ProvisionLedger } from './provision-ledger.ts';

/** A suite builds these from the run plan; `compare` and the tests give their own. */
export interface CheckContextOptions {
  client: TenantClient;
  config: TenantConfig;
  tenant: TenantKind;
  seed: number;
  /** Generated cases per property. */
  numRuns: number;
  /** Whether checks may write (the plan's: always on the embedded mock, on a live tenant with --allow-writes). */
  allowWrites: boolean;
  /** `--strict`: an assumed assertion's failure fails its check instead of warning (settle-verdict.ts). Default off. */
  strict?: boolean;
  /** The run's moment (ISO 8601). */
  now: string;
  /** The REST version to request (compare: each version in turn); default the configuration's. */
  restVersion?: string;
  ledger?: ProvisionLedger;
  /** Domain of reserved test addresses (default example.com). */
  reservedDomain?: string;
}

export interface CheckContext {
  readonly client: TenantClient;
  readonly config: TenantConfig;
  readonly seed: number;
  readonly numRuns: number;
  /** Writes are allowed on the mock tenant (it is ours) and on a live one with --allow-writes. */
  readonly allowWrites: boolean;
  /** `--strict`: a failure of an assumed assertion fails the check instead of warning (settle-verdict.ts). */
  readonly strict: boolean;
  readonly tenant: 'mock' | 'live';
  /** The REST version the run requests. */
  readonly restVersion: string;
  readonly ledger: ProvisionLedger;
  readonly orgId: string | undefined;
  readonly groupId: string | undefined;
  readonly testUserId: string | undefined;
  /** "now" for date judgements: the run's moment, so every check uses the same one. */
  readonly now: Date;
  /**
   * Sends a request; GET requests are memoised per context (same request → same exchange) unless `fresh`
   * (stateful checks read state after their own writes).
   */
  send(request: RequestSpec, options?: { fresh?: boolean }): Promise<ApiResponse>;
  /** Memoises any async computation per context under `key` (discovery, shared scenarios). */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Memoises a synchronous value per context (fixed windows, generated emails). */
  memoSync<T>(key: string, compute: () => T): T;
}

function requestKey(request: RequestSpec): string {
  return JSON.stringify([
    request.method,
    request.api,
    request.path,
    request.query ?? null,
    request.version === undefined ? '(default)' : request.version,
    request.auth ?? 'default',
    request.headers ?? null,
    request.contentType ?? null,
    request.rawBody ?? null,
    request.body ?? null,
  ]);
}

export function createCheckContext(options: CheckContextOptions): CheckContext {
  const { client, config } = options;
  const getMemo = new Map<string, Promise<ApiResponse>>();
  const memo = new Map<string, Promise<unknown>>();
  const memoSync = new Map<string, unknown>();
  const now = new Date(options.now);
  return {
    client,
    config,
    seed: options.seed,
    numRuns: Math.max(1, options.numRuns),
    allowWrites: options.allowWrites,
    strict: options.strict === true,
    tenant: options.tenant,
    restVersion: options.restVersion ?? config.restVersion,
    ledger: options.ledger ?? new ProvisionLedger({ domain: options.reservedDomain }),
    orgId: config.orgIds[0],
    groupId: config.groupId,
    testUserId: config.testUserId,
    now: Number.isNaN(now.getTime()) ? new Date() : now,
    send(request, sendOptions) {
      // Contract checks judge the tenant's first answer: a retried 5xx would hide the deviation.
      const spec: RequestSpec = { retry: false, ...request };
      if (spec.method !== 'GET' || sendOptions?.fresh) return client.send(spec);
      const key = requestKey(spec);
      let pending = getMemo.get(key);
      if (!pending) {
        pending = client.send(spec);
        // A failed request is not memoised: a later check may try again.
        pending.catch(() => getMemo.delete(key));
        getMemo.set(key, pending);
      }
      return pending;
    },
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let pending = memo.get(key) as Promise<T> | undefined;
      if (!pending) {
        pending = compute();
        pending.catch(() => memo.delete(key));
        memo.set(key, pending);
      }
      return pending;
    },
    memoSync<T>(key: string, compute: () => T): T {
      if (!memoSync.has(key)) memoSync.set(key, compute());
      return memoSync.get(key) as T;
    },
  };
}
