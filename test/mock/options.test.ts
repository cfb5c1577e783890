import { describe, expect, it } from 'vitest';
import { startMockTenant } from '../../src/mock/server.ts';
import { GA, NOW, send, start } from './helpers.ts';

describe('mock options', () => {
  it('should take tokens and ids from the environment when no option is given', async () => {
    const env = {
      SNYK_TOKEN: 'env-token-1',
      SNYK_APIWEB_TOKEN: 'env-key-2',
      SNYK_ORG_ID: '11111111-2222-4333-8444-555555555555',
      SNYK_GROUP_ID: '66666666-7777-4888-9999-000000000000',
    };
    const t = await startMockTenant({ now: NOW, env });
    try {
      expect(t).toMatchObject({
        snykToken: env.SNYK_TOKEN,
        apiwebToken: env.SNYK_APIWEB_TOKEN,
        orgId: env.SNYK_ORG_ID,
        groupId: env.SNYK_GROUP_ID,
      });
      expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await send(t, `/rest/orgs/${env.SNYK_ORG_ID}/memberships?version=${GA}`)).status).toBe(200);
      expect(
        (await send(t, `/v1/org/${env.SNYK_ORG_ID}/provision`, { auth: { raw: 'token env-token-1' } })).status,
      ).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('should prefer explicit options and derive the rest from the seed', async () => {
    const t = await start({ snykToken: 'opt-token' });
    try {
      expect(t.snykToken).toBe('opt-token');
      expect(t.apiwebToken).toMatch(/^mock[0-9a-f]{36}$/);
      expect(t.selfUserId).not.toBe(t.testUserId);
    } finally {
      await t.close();
    }
  });

  it('should refuse unknown drifts and invalid options with coded errors', async () => {
    await expect(start({ drift: 'no-such-drift' })).rejects.toMatchObject({ code: 'MOCK_UNKNOWN_DRIFT' });
    await expect(start({ orgId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'MOCK_INVALID_OPTION' });
    await expect(start({ users: -1 })).rejects.toMatchObject({ code: 'MOCK_INVALID_OPTION' });
    const t = await start();
    try {
      expect(() => t.setDrift('nope')).toThrow(expect.objectContaining({ code: 'MOCK_UNKNOWN_DRIFT' }));
    } finally {
      await t.close();
    }
  });
});
