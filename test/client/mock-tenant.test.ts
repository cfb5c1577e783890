/**
 * The client against the project's mock tenant (src/mock) with its rate limit and faults switched on.
 *
 * The mock counts its one-minute rate window on `performance.now()` (src/mock/rate-limiter.ts); these tests
 * drive that clock and the client's from one virtual clock, so a 60 s Retry-After costs no wall time while
 * the server, the sockets and the 429s stay real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { performance } from 'node:perf_hooks';
import { startMockTenant, type MockTenant } from '../../src/mock/server.ts';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import type { ClientOptions, TenantClient } from '../../src/client/types.ts';
import { readTenantConfig } from '../../src/config/tenant-env.ts';
import { virtualClock, type VirtualClock } from './virtual-clock.ts';

let mock: MockTenant | undefined;
let client: TenantClient | undefined;
let clock: VirtualClock;

beforeEach(() => {
  clock = virtualClock();
  const origin = clock.now();
  vi.spyOn(performance, 'now').mockImplementation(() => clock.now() - origin);
});
afterEach(async () => {
  await client?.close();
  await mock?.close();
  client = undefined;
  mock = undefined;
  vi.restoreAllMocks();
});

function clientFor(m: MockTenant, options: ClientOptions = {}): TenantClient {
  const config = readTenantConfig({
    SNYK_API_URL: m.url,
    SNYK_APIWEB_URL: m.url,
    SNYK_TOKEN: m.snykToken,
    SNYK_APIWEB_TOKEN: m.apiwebToken,
    SNYK_ORG_ID: m.orgId,
  });
  return createTenantClient(config, { now: clock.now, sleep: clock.sleep, ...options });
}

async function readAllUsers(c: TenantClient): Promise<{ ids: string[]; count: number | undefined }> {
  const ids: string[] = [];
  let count: number | undefined;
  for await (const page of c.apiwebPages({}, { length: 10 })) {
    const body = page.json as { count: number; results: { id: string }[] };
    count ??= body.count;
    ids.push(...body.results.map((u) => u.id));
  }
  return { ids, count };
}

describe('against the mock tenant', () => {
  it('should read every user exactly once under a hard rate limit with 429 + Retry-After', async () => {
    mock = await startMockTenant({ seed: 7, users: 300, rateLimit: 12 });
    // The client's API & Web budget (600/min) is far above the tenant's 12/min: it learns from the 429s.
    client = clientFor(mock, { concurrency: 4 });
    const { ids, count } = await readAllUsers(client);
    expect(count).toBe(300);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    const stats = client.stats();
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(stats.requests).toBe(30 + stats.rateLimited);
    expect(clock.waits.some((ms) => ms >= 1000)).toBe(true);
  });

  it('should read every user with zero 429 when the client knows the limit', async () => {
    mock = await startMockTenant({ seed: 7, users: 300, rateLimit: 12 });
    client = clientFor(mock, { concurrency: 4, rateLimits: { apiweb: 12 } });
    const { ids } = await readAllUsers(client);
    expect(new Set(ids).size).toBe(300);
    expect(client.stats()).toMatchObject({ requests: 30, rateLimited: 0 });
  });

  it('should read every user exactly once through 5xx, resets and truncated bodies', async () => {
    mock = await startMockTenant({
      seed: 11,
      users: 200,
      faults: { errorRate: 0.15, resetRate: 0.05, truncateRate: 0.1, wrongContentTypeRate: 0.05, seed: 3 },
    });
    // One page at a time keeps the mock's fault sequence (drawn per request number) the same on every run.
    client = clientFor(mock, { concurrency: 1 });
    const { ids } = await readAllUsers(client);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(client.stats().retries).toBeGreaterThan(0);
  });

  it('should page REST memberships to the end with the GA version', async () => {
    mock = await startMockTenant({ seed: 7, members: 45 });
    client = clientFor(mock);
    const ids: string[] = [];
    for await (const page of client.restPages({
      operation: 'GET /rest/groups/{group_id}/memberships',
      api: 'rest',
      method: 'GET',
      path: `/rest/groups/${mock.groupId}/memberships`,
      query: { limit: 10 },
    })) {
      ids.push(...(page.json as { data: { id: string }[] }).data.map((d) => d.id));
    }
    expect(ids.length).toBeGreaterThanOrEqual(45);
    expect(new Set(ids).size).toBe(ids.length);
    expect(client.warnings()).toEqual([]);
  });
});
