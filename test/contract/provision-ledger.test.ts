import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReservedEmail, ProvisionLedger, reservedEmail, reservedRunId, sweepLeftovers } from '../../src/contract/provision-ledger.ts';
import { startMockHarness, type MockHarness } from './helpers/mock-context.ts';

describe('reserved test addresses', () => {
  it('should be recognisable by pattern and carry their run id', () => {
    const email = reservedEmail('abc123', 7);
    expect(email).toBe('snyk-tenant-check+abc123-7@example.com');
    expect(reservedRunId(email)).toBe('abc123');
    expect(isReservedEmail(email, 'example.com')).toBe(true);
    expect(isReservedEmail(email, 'corp.example')).toBe(false);
    expect(isReservedEmail('jane.doe@example.com')).toBe(false);
  });

  it('should hand out fresh addresses per ledger', () => {
    const ledger = new ProvisionLedger({ runId: 'r1', domain: 'tests.example' });
    expect(ledger.nextEmail()).toBe('snyk-tenant-check+r1-1@tests.example');
    expect(ledger.nextEmail()).toBe('snyk-tenant-check+r1-2@tests.example');
  });
});

describe('the provision ledger against a tenant', () => {
  let h: MockHarness;
  const post = (email: string) =>
    h.client.send({ operation: 'POST /v1/org/{orgId}/provision', api: 'v1', method: 'POST', path: `/v1/org/${h.mock.orgId}/provision`, body: { email, role: 'COLLABORATOR' } });

  beforeAll(async () => {
    h = await startMockHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  it('should delete every provision it recorded and then find no residue', async () => {
    const ledger = new ProvisionLedger({ runId: 'cleanup1' });
    for (let i = 0; i < 3; i++) {
      const email = ledger.nextEmail();
      ledger.record(email);
      expect((await post(email)).status).toBe(200);
    }
    expect(await ledger.residue(h.client, h.mock.orgId)).toHaveLength(3);
    const report = await ledger.cleanup(h.client, h.mock.orgId);
    expect(report.deleted).toHaveLength(3);
    expect(report.failed).toEqual([]);
    expect(await ledger.residue(h.client, h.mock.orgId)).toEqual([]);
  });

  it("should sweep another run's leftovers by pattern and leave the current run's and real users' alone", async () => {
    const killed = new ProvisionLedger({ runId: 'killedrun' });
    const current = new ProvisionLedger({ runId: 'currentrun' });
    const left = killed.nextEmail();
    const mine = current.nextEmail();
    await post(left);
    await post(mine);
    await post('new.hire@example.org');
    const report = await sweepLeftovers(h.client, h.mock.orgId, { currentRunId: 'currentrun', graceMs: 0 });
    expect(report.deleted).toEqual([left]);
    const list = await h.client.send({ operation: 'GET /v1/org/{orgId}/provision', api: 'v1', method: 'GET', path: `/v1/org/${h.mock.orgId}/provision` });
    const emails = (list.json as { email: string }[]).map((e) => e.email);
    expect(emails).toContain(mine);
    expect(emails).toContain('new.hire@example.org');
    expect(emails).not.toContain(left);
  });

  it('should keep young leftovers within the grace period (a concurrent run)', async () => {
    const other = new ProvisionLedger({ runId: 'concurrent' });
    const email = other.nextEmail();
    await post(email);
    const report = await sweepLeftovers(h.client, h.mock.orgId, { currentRunId: 'me', graceMs: 60 * 60_000 });
    expect(report.deleted).not.toContain(email);
  });
});
