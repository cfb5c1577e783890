import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { liveEnvFor, startMockProcess, type MockProcess } from './start-mock-process.ts';

describe('a run over several organizations (SNYK_ORG_IDS)', () => {
  let mock: MockProcess;
  beforeAll(async () => {
    mock = await startMockProcess(['--seed', '9', '--users', '200']);
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it('should check every org-scoped operation and audit every org, with results per org', async () => {
    expect(mock.orgIds.length).toBeGreaterThanOrEqual(2);
    const [first, second] = mock.orgIds as [string, string];
    const out = await mkdtemp(join(tmpdir(), 'stc-multi-org-'));
    const r = await runCli(['run', '--tenant', 'live', '--out', out, '--fail-on', 'never', '--num-runs', '5'], {
      env: liveEnvFor(mock, { SNYK_ORG_IDS: `${first},${second}` }),
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.run.orgIds).toEqual([first, second]);
    for (const org of [first, second]) {
      const checks = results.checks.filter((c: { operation: string; orgId?: string }) => c.operation === 'GET /rest/orgs/{org_id}/memberships' && c.orgId === org);
      expect(checks.length, org).toBeGreaterThan(3);
      expect(checks.every((c: { outcome: string }) => c.outcome !== 'failed'), org).toBe(true);
    }
    // Operations that are not org-scoped are checked once.
    const self = results.checks.filter((c: { id: string; operation: string }) => c.id === 'not_a_server_error' && c.operation === 'GET /rest/self');
    expect(self).toHaveLength(1);
    const provisionOrgs = new Set(
      results.findings.filter((f: { subject: { kind: string } }) => f.subject.kind === 'pending-provision').map((f: { subject: { orgId?: string } }) => f.subject.orgId),
    );
    expect([...provisionOrgs].sort()).toEqual([first, second].sort());
  }, 150_000);

  it('should cover the same orgs in the contract checks and the audit when SNYK_ORG_ID and SNYK_ORG_IDS are both set', async () => {
    const [first, second] = mock.orgIds as [string, string];
    const out = await mkdtemp(join(tmpdir(), 'stc-two-org-vars-'));
    const r = await runCli(
      ['run', '--tenant', 'live', '--out', out, '--fail-on', 'never', '--num-runs', '2', '--checks', 'not_a_server_error'],
      { env: liveEnvFor(mock, { SNYK_ORG_ID: first, SNYK_ORG_IDS: second }) },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.run.orgIds).toEqual([first, second]);
    const checkedOrgs = new Set(results.checks.map((c: { orgId?: string }) => c.orgId).filter(Boolean));
    const auditedOrgs = new Set(
      results.findings.filter((f: { subject: { kind: string } }) => f.subject.kind === 'pending-provision').map((f: { subject: { orgId?: string } }) => f.subject.orgId),
    );
    expect([...checkedOrgs].sort()).toEqual([first, second].sort());
    expect([...auditedOrgs].sort()).toEqual([...checkedOrgs].sort());
  }, 150_000);
});
