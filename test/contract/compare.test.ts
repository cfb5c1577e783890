import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/contract/compare.ts';
import { readTenantConfig } from '../../src/config/tenant-env.ts';
import { startMockHarness, type MockHarness } from './helpers/mock-context.ts';

describe('compareVersions', () => {
  let h: MockHarness;

  beforeAll(async () => {
    h = await startMockHarness({
      // A lifecycle change between the versions: the 2024-04-22 /self release is reported deprecated.
      restLifecycle: [{ operation: 'GET /rest/self', deprecation: '2024-10-01T00:00:00Z', sunset: '2025-04-01' }],
    });
  });

  afterAll(async () => {
    await h.close();
  });

  const config = () =>
    readTenantConfig({ SNYK_API_URL: h.mock.url, SNYK_TOKEN: h.mock.snykToken, SNYK_ORG_ID: h.mock.orgId, SNYK_GROUP_ID: h.mock.groupId });

  it('should report no difference between a version and itself', async () => {
    const result = await compareVersions(h.client, config(), '2024-10-15', '2024-10-15', { operations: ['GET /rest/orgs/{org_id}/memberships', 'GET /rest/orgs/{org_id}/audit_logs/search'] });
    expect(result.operations.flatMap((o) => o.differences)).toEqual([]);
    expect(result.operations[0]!.from?.served).toBe('2024-08-25');
  });

  it('should report an operation that appears between the versions with its served versions', async () => {
    const result = await compareVersions(h.client, config(), '2024-06-01', '2024-10-15', { operations: ['GET /rest/orgs/{org_id}/memberships'] });
    const op = result.operations[0]!;
    expect(op.from?.status).toBe(404);
    expect(op.to).toMatchObject({ status: 200, served: '2024-08-25', lifecycleStage: 'ga' });
    expect(op.differences.map((d) => d.kind)).toEqual(expect.arrayContaining(['status', 'lifecycle']));
  });

  it('should report lifecycle stage, deprecation and sunset when they change', async () => {
    const result = await compareVersions(h.client, config(), '2023-01-01~experimental', '2024-10-15', { operations: ['GET /rest/self'] });
    const op = result.operations[0]!;
    expect(op.to).toMatchObject({ served: '2024-04-22', deprecation: '2024-10-01T00:00:00Z', sunset: '2025-04-01' });
    const messages = op.differences.filter((d) => d.kind === 'lifecycle').map((d) => d.message);
    expect(messages.join('\n')).toContain('served version: 2022-09-14~experimental → 2024-04-22');
  });

  it('should accept a client factory per version', async () => {
    const seen: string[] = [];
    const result = await compareVersions(
      (version) => {
        seen.push(version);
        return h.client;
      },
      config(),
      '2024-10-15',
      '2024-10-15',
      { operations: ['GET /rest/self'] },
    );
    expect(seen).toEqual(['2024-10-15', '2024-10-15']);
    expect(result.operations).toHaveLength(1);
  });
});
