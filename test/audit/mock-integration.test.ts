/**
 * The audit end to end through the real tenant client on the mock tenant (a real HTTP server on loopback):
 * every rule has a failing and a clean subject there; the core rules' failures equal an independent oracle
 * over the raw pages; unreadable sources make rules unknown with warnings; a fixed provision is resolved in
 * the next run's diff; the last-seen state is written and read back.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULES } from '../../src/audit/catalog.ts';
import { parsePolicy } from '../../src/audit/policy.ts';
import { runAudit, type AuditRunResult } from '../../src/audit/run-audit.ts';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import type { TenantClient } from '../../src/client/types.ts';
import { readTenantConfig } from '../../src/config/tenant-env.ts';
import type { TenantConfig } from '../../src/config/tenant-config.ts';
import { startMockTenant, type MockTenant } from '../../src/mock/server.ts';
import { coreOracle, failingKeys } from './oracle.ts';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const SEED = 7;
const POLICY = parsePolicy('allowedDomains: [acme-corp.example.com]\n', 'policy.yaml');

let mock: MockTenant;
let dir: string;
const clients: TenantClient[] = [];

function config(overrides: Record<string, string | undefined> = {}): TenantConfig {
  return readTenantConfig({
    SNYK_API_URL: mock.url,
    SNYK_APIWEB_URL: mock.url,
    SNYK_TOKEN: mock.snykToken,
    SNYK_APIWEB_TOKEN: mock.apiwebToken,
    SNYK_ORG_ID: mock.orgId,
    SNYK_GROUP_ID: mock.groupId,
    ...overrides,
  });
}

function client(tenant: TenantConfig): TenantClient {
  const c = createTenantClient(tenant);
  clients.push(c);
  return c;
}

async function audit(overrides: Record<string, string | undefined> = {}, extra: Partial<Parameters<typeof runAudit>[0]> = {}): Promise<AuditRunResult> {
  const tenant = config(overrides);
  return runAudit({ client: client(tenant), tenant, policy: POLICY, now: NOW, ...extra });
}

beforeAll(async () => {
  console.log(`mock seed: ${SEED}`);
  mock = await startMockTenant({ seed: SEED, now: NOW, users: 300, env: {} });
  dir = await mkdtemp(join(tmpdir(), 'stc-audit-it-'));
});

afterAll(async () => {
  for (const c of clients) await c.close();
  await mock?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('audit on the mock tenant', () => {
  let result: AuditRunResult;
  beforeAll(async () => {
    result = await audit();
  });

  test.each(RULES.map((r) => r.id))('%s should have at least one failing and one clean subject', (id) => {
    const rule = result.rules.find((r) => r.id === id);
    expect(rule?.outcome).toBe('fail');
    const counts = rule?.counts ?? { evaluated: 0, fail: 0, exempt: 0, unknown: 0 };
    expect(counts.fail).toBeGreaterThan(0);
    if (id !== 'too-many-billing-admins') expect(counts.evaluated - counts.fail - counts.unknown - counts.exempt).toBeGreaterThan(0);
    // The controls and title travel once, in the rule's result; a finding does not copy them.
    expect(rule?.controls?.length).toBeGreaterThan(0);
    for (const f of result.findingsByRule.get(id) ?? []) {
      expect(f.evidence.source).toMatch(/^(GET|POST|DELETE|PATCH) \//);
      expect(Number.isNaN(Date.parse(f.evidence.fetchedAt))).toBe(false);
      expect(f.controls).toBeUndefined();
      expect(f.title).toBeUndefined();
    }
  });

  test('too-many-billing-admins should pass the account under a higher limit', async () => {
    const tenant = config();
    const relaxed = await runAudit({ client: client(tenant), tenant, policy: parsePolicy('thresholds: { maxBillingAdmins: 50 }\n', 'p.yaml'), now: NOW });
    expect(relaxed.rules.find((r) => r.id === 'too-many-billing-admins')?.outcome).toBe('pass');
  });

  test('should fail exactly what an independent oracle over the raw pages fails for the core rules', async () => {
    const raw = client(config());
    const users: Record<string, unknown>[] = [];
    for await (const page of raw.apiwebPages(undefined, { length: 100 })) users.push(...((page.json as { results: Record<string, unknown>[] }).results));
    const prov = await raw.send({ operation: 'GET /v1/org/{orgId}/provision', api: 'v1', method: 'GET', path: `/v1/org/${mock.orgId}/provision` });
    const provisions = (prov.json as Record<string, unknown>[]).map((p) => ({ ...p, orgId: mock.orgId }));
    expect(users).toHaveLength(300);
    const expected = coreOracle(users, provisions, NOW.getTime());
    for (const [rule, keys] of Object.entries(expected)) {
      expect(keys.length, `${rule} has planted violations`).toBeGreaterThan(0);
      expect(failingKeys(result.findingsByRule.get(rule) ?? []), rule).toEqual(keys);
    }
  });

  test('should read each source with the minimum number of pages', () => {
    expect(result.stats.inventory).toMatchObject({ apiwebUsers: 300 });
    expect(result.stats.requests?.['requests.apiweb']).toBe(3);
    expect(result.warnings.filter((w) => w.code.startsWith('SOURCE_'))).toEqual([]);
  });

  test('should publish statistics for the summary', () => {
    const { mfa, lastLoginHistogram, provisionAges } = result.stats;
    expect((mfa?.enabled ?? 0) + (mfa?.disabled ?? 0)).toBe(result.stats.inventory?.apiwebActiveHumans);
    expect(lastLoginHistogram?.reduce((n, b) => n + b.count, 0)).toBe(result.stats.inventory?.apiwebActiveHumans);
    expect(provisionAges?.reduce((n, b) => n + b.count, 0)).toBe(result.stats.inventory?.pendingProvisions);
  });
});

describe('unreadable sources on the mock tenant', () => {
  test('should make the API & Web rules unknown, with a warning, when the API & Web token is refused', async () => {
    const r = await audit({ SNYK_APIWEB_TOKEN: 'not-the-right-token' });
    for (const id of ['mfa-disabled', 'inactive-account', 'deactivated-with-roles', 'privileged-without-mfa', 'api-user-privileged', 'too-many-billing-admins']) {
      expect(r.rules.find((x) => x.id === id)?.outcome, id).toBe('unknown');
      expect(r.findingsByRule.get(id), id).toEqual([]);
    }
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'SOURCE_UNAVAILABLE', operation: 'GET /users/', message: expect.stringContaining('401') }));
    expect(r.rules.find((x) => x.id === 'stale-provision')?.outcome).toBe('fail');
    expect(JSON.stringify(r)).not.toContain('not-the-right-token');
  });

  test('should make the Snyk rules unknown without sending a request when SNYK_TOKEN is not set', async () => {
    const r = await audit({ SNYK_TOKEN: undefined });
    for (const id of ['stale-provision', 'pending-admin-provision', 'snyk-member-inactive']) expect(r.rules.find((x) => x.id === id)?.outcome, id).toBe('unknown');
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'SOURCE_UNAVAILABLE', message: expect.stringContaining('SNYK_TOKEN is not set') }));
    expect(r.stats.requests?.['requests.rest']).toBe(0);
    expect(r.stats.requests?.['requests.v1']).toBe(0);
  });

  test('should keep findings but turn clean members unknown when one org cannot be read', async () => {
    const r = await audit({ SNYK_ORG_IDS: `${mock.orgId},00000000-0000-4000-8000-000000000000` });
    expect(r.warnings.map((w) => w.code)).toContain('SOURCE_PARTIAL');
    const inactive = r.rules.find((x) => x.id === 'snyk-member-inactive');
    expect(inactive?.counts.fail).toBe(0);
    expect(inactive?.counts.unknown).toBeGreaterThan(0);
    expect(r.rules.find((x) => x.id === 'stale-provision')?.outcome).toBe('fail');
  });
});

describe('documented-contract deviations on the mock tenant (drift catalog)', () => {
  afterAll(() => mock.setDrift(undefined));

  test('should turn mfa-disabled unknown, never pass, when mfa_enabled is missing', async () => {
    mock.setDrift('users-missing-mfa-enabled');
    const r = await audit();
    const findings = r.findingsByRule.get('mfa-disabled') ?? [];
    expect(r.rules.find((x) => x.id === 'mfa-disabled')?.outcome).toBe('unknown');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.outcome === 'unknown')).toBe(true);
  });

  test('should not call a user without last_login inactive, but unknown', async () => {
    mock.setDrift(undefined);
    const before = await audit();
    const never = (before.findingsByRule.get('inactive-account') ?? []).filter((f) => f.evidence.fields && (f.evidence.fields as Record<string, unknown>).last_login === null);
    expect(never.length).toBeGreaterThan(0);
    mock.setDrift('users-null-last-login-omitted');
    const r = await audit();
    const byId = new Map((r.findingsByRule.get('inactive-account') ?? []).map((f) => [f.subject.id, f.outcome]));
    for (const f of never) expect(byId.get(f.subject.id)).toBe('unknown');
  });

  test('should turn stale-provision unknown when created is missing', async () => {
    mock.setDrift('provision-list-missing-created');
    const r = await audit();
    expect(r.rules.find((x) => x.id === 'stale-provision')?.outcome).toBe('unknown');
    expect((r.findingsByRule.get('stale-provision') ?? []).every((f) => f.outcome === 'unknown')).toBe(true);
  });

  test('should warn that the user list is incomplete when count announces more users than the pages hold', async () => {
    mock.setDrift('users-count-off-by-one');
    const r = await audit();
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'SOURCE_PARTIAL', operation: 'GET /users/', message: expect.stringContaining('announced count 301') }));
  });
});

describe('runs over time on the mock tenant', () => {
  test('should mark a deleted stale provision resolved against the previous run and keep the rest persisting', async () => {
    const first = await audit();
    const stale = (first.findingsByRule.get('stale-provision') ?? []).find((f) => f.outcome === 'fail');
    expect(stale?.subject.email).toBeDefined();
    const writer = client(config());
    const del = await writer.send({ operation: 'DELETE /v1/org/{orgId}/provision', api: 'v1', method: 'DELETE', path: `/v1/org/${mock.orgId}/provision`, query: { email: stale?.subject.email } });
    expect(del.status).toBe(200);
    const second = await audit({}, { previous: { runId: 'first', findings: first.findings } });
    expect(second.diff).toMatchObject({ previousRunId: 'first', new: 0, resolved: 1, exemptionExpired: 0 });
    expect(second.diff?.resolvedFindings?.[0]?.fingerprint).toBe(stale?.fingerprint);
    expect(second.findings.filter((f) => f.outcome === 'fail').every((f) => f.status === 'persisting')).toBe(true);
  });

  test('should write the last-seen state and carry its audit-log window into the next run', async () => {
    const statePath = join(dir, 'state.json');
    await audit({}, { statePath });
    const state = JSON.parse(await readFile(statePath, 'utf8')) as { auditLog?: { since: string }; identities: Record<string, unknown> };
    expect(state.auditLog?.since).toBe(new Date(NOW.getTime() - 90 * 86_400_000).toISOString());
    expect(Object.keys(state.identities).some((k) => k.startsWith('snyk-user:'))).toBe(true);
    expect(Object.keys(state.identities).some((k) => k.startsWith('apiweb-user:'))).toBe(true);
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const tenant = config();
    await runAudit({ client: client(tenant), tenant, policy: POLICY, now: later, statePath });
    const after = JSON.parse(await readFile(statePath, 'utf8')) as { auditLog?: { since: string; until: string } };
    expect(after.auditLog).toEqual({ since: state.auditLog?.since, until: later.toISOString(), orgIds: [mock.orgId] });
  });
});
