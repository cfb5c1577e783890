/**
 * Issue 4's acceptance: against a tenant that rate-limits hard (429 + Retry-After), an audit still reads
 * every user and its findings are exact — the same as against the same tenant without a limit.
 *
 * The mock counts its one-minute window on `performance.now()`; the mock and the client share one virtual
 * clock (as in test/client/mock-tenant.test.ts), so the 429s are real but their waits cost no wall time.
 */
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import { readTenantConfig } from '../../src/config/tenant-env.ts';
import { defaultPolicy } from '../../src/audit/policy.ts';
import { runAudit } from '../../src/audit/run-audit.ts';
import { startMockTenant, type MockTenant } from '../../src/mock/server.ts';
import { virtualClock, type VirtualClock } from '../client/virtual-clock.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
let clock: VirtualClock;
const mocks: MockTenant[] = [];

beforeEach(() => {
  clock = virtualClock();
  const origin = clock.now();
  vi.spyOn(performance, 'now').mockImplementation(() => clock.now() - origin);
});
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
  vi.restoreAllMocks();
});

async function audit(rateLimit: number | undefined) {
  const mock = await startMockTenant({ seed: 21, users: 400, members: 30, provisions: 12, now: NOW, ...(rateLimit ? { rateLimit } : {}) });
  mocks.push(mock);
  const tenant = readTenantConfig({
    SNYK_API_URL: mock.url,
    SNYK_APIWEB_URL: mock.url,
    SNYK_TOKEN: mock.snykToken,
    SNYK_APIWEB_TOKEN: mock.apiwebToken,
    SNYK_ORG_ID: mock.orgId,
    SNYK_GROUP_ID: mock.groupId,
  });
  // snyk-member-inactive searches each member's audit logs (user_id filter): ~50 requests at 3 a minute queue
  // for a quarter of an hour, longer than the default retry budget; on the virtual clock the wait is free.
  const client = createTenantClient(tenant, { now: clock.now, sleep: clock.sleep, concurrency: 4, retryBudgetMs: 60 * 60_000 });
  try {
    const result = await runAudit({ client, tenant, policy: defaultPolicy(), now: NOW });
    return { result, stats: client.stats() };
  } finally {
    await client.close();
  }
}

const verdicts = (findings: { ruleId: string; outcome: string; fingerprint?: string }[]) =>
  findings.map((f) => `${f.ruleId} ${f.outcome} ${f.fingerprint}`).sort();

describe('an audit under a hard rate limit', () => {
  it('should read every user and find exactly what it finds without the limit', async () => {
    const free = await audit(undefined);
    // 3 requests a minute: the audit's requests must wait out many 429 windows.
    const limited = await audit(3);
    expect(limited.stats.rateLimited).toBeGreaterThan(0);
    expect(limited.result.stats.inventory?.apiwebUsers).toBe(400);
    expect(limited.result.warnings.filter((w) => w.code.startsWith('SOURCE_'))).toEqual([]);
    expect(free.result.findings.length).toBeGreaterThan(20);
    expect(verdicts(limited.result.findings)).toEqual(verdicts(free.result.findings));
  });
});
