import { describe, expect, it } from 'vitest';
import { createRunPlan, withPlan, type PlanSources } from '../../src/config/run-plan.ts';
import { tenantConfigFor } from '../../src/config/tenant-env.ts';

const A = 'fd8dc42c-47b5-44b1-ae44-369c46a94c13';
const B = '0b3a4d2e-6f1c-4a55-9d7e-2c8b1e0f4a21';
const SNYK_TOKEN = 'plan-test-snyk-token-value-0001';
const SNYK_APIWEB_TOKEN = 'plan-test-apiweb-token-value-0002';

const live = (env: NodeJS.ProcessEnv, flags: PlanSources['flags'] = {}, config?: PlanSources['config']) =>
  createRunPlan({ flags: { tenant: 'live', ...flags }, env: { SNYK_TOKEN, SNYK_APIWEB_TOKEN, ...env }, checkIds: ['not_a_server_error'], ...(config ? { config } : {}) });

describe('the run plan', () => {
  it('should take SNYK_ORG_ID and every SNYK_ORG_IDS id when both are set, SNYK_ORG_ID first', () => {
    const plan = live({ SNYK_ORG_ID: A, SNYK_ORG_IDS: `${B},${A}` });
    expect(plan.tenant.orgIds).toEqual([A, B]);
    // What the suites build from it (the contract checks per org, the audit's tenant) covers the same orgs.
    expect(tenantConfigFor(plan.tenant, {}).orgIds).toEqual([A, B]);
  });

  it('should be deep-frozen and hold no token', () => {
    const plan = live({ SNYK_ORG_ID: A });
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.tenant)).toBe(true);
    expect(Object.isFrozen(plan.tenant.orgIds)).toBe(true);
    expect(() => {
      (plan.tenant.orgIds as string[]).push(B);
    }).toThrow();
    const text = JSON.stringify(plan);
    expect(text).not.toContain(SNYK_TOKEN);
    expect(text).not.toContain(SNYK_APIWEB_TOKEN);
    expect(tenantConfigFor(plan.tenant, { SNYK_TOKEN }).snykToken).toBe(SNYK_TOKEN);
  });

  it('should merge environment < config file < flags', () => {
    const env = { SNYK_API_VERSION: '2024-01-04', SNYK_API_URL: 'https://api.us.snyk.io' };
    expect(live(env).tenant.restVersion).toBe('2024-01-04');
    expect(live(env, {}, { apiVersion: '2024-05-08', snykApiUrl: 'https://api.eu.snyk.io' }).tenant).toMatchObject({
      restVersion: '2024-05-08',
      snykApiUrl: 'https://api.eu.snyk.io',
    });
    expect(live(env, { apiVersion: '2024-10-15~beta', numRuns: 3 }, { apiVersion: '2024-05-08', numRuns: 9 })).toMatchObject({
      tenant: { restVersion: '2024-10-15~beta' },
      numRuns: 3,
    });
  });

  it('should refuse a version, a check id, a shard or a report format it does not know, naming the setting', () => {
    expect(() => live({}, { apiVersion: '2024-02-30' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID_VERSION', message: expect.stringContaining('--api-version') }));
    expect(() => live({ SNYK_API_VERSION: 'latest' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID_VERSION', message: expect.stringContaining('SNYK_API_VERSION') }));
    expect(() => live({}, { checks: ['no_such_check'] })).toThrow(expect.objectContaining({ code: 'CONFIG_UNKNOWN_CHECK' }));
    expect(() => live({}, { shard: '0/2' })).toThrow(expect.objectContaining({ message: expect.stringContaining('--shard takes I/N') }));
    expect(() => live({}, { formats: ['pdf'] })).toThrow(expect.objectContaining({ code: 'CONFIG_UNKNOWN_FORMAT' }));
  });

  it('should default --strict off and no extra formats, and take both from the flags or the config file', () => {
    expect(live({})).toMatchObject({ strict: false, formats: [] });
    expect(live({}, { strict: true, formats: ['oscal'] })).toMatchObject({ strict: true, formats: ['oscal'] });
    expect(live({}, {}, { strict: true, formats: ['ocsf'] })).toMatchObject({ strict: true, formats: ['ocsf'] });
  });

  it('should plan the embedded mock with its own coordinates, writes allowed, whatever the environment names', () => {
    const mock = { url: 'http://127.0.0.1:4000', orgId: A, groupId: B, testUserId: B };
    const plan = createRunPlan({ flags: {}, env: { SNYK_ORG_IDS: B, SNYK_API_URL: 'https://api.eu.snyk.io' }, checkIds: [] }, mock);
    expect(plan.tenant).toMatchObject({ kind: 'mock', snykApiUrl: mock.url, orgIds: [A], groupId: B });
    expect(plan.allowWrites).toBe(true);
    expect(withPlan(plan, { restVersion: '2024-08-25' }).tenant.restVersion).toBe('2024-08-25');
    expect(plan.tenant.restVersion).toBe('2024-10-15');
  });
});
