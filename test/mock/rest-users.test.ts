import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../../src/mock/server.ts';
import { allRest, BETA, conforms, GA, send, start } from './helpers.ts';

const PATCH = 'PATCH /rest/groups/{group_id}/users/{id}';
const removal = (id: string, membership: unknown = null) => ({
  data: { type: 'user', id, attributes: { membership } },
});

describe('REST self, org user and group user removal', () => {
  let t: MockTenant;
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());

  it('should describe the token owner consistently in /self and the org user endpoint', async () => {
    const self = await send(t, `/rest/self?version=${GA}`);
    expect(conforms('GET /rest/self', 200, self.json)).toEqual([]);
    expect(self.json.data).toMatchObject({ type: 'user', id: t.selfUserId });
    expect(self.json.data.attributes.default_org_context).toBe(t.orgId);
    const user = await send(t, `/rest/orgs/${t.orgId}/users/${self.json.data.id}?version=${BETA}`);
    expect(user.status).toBe(200);
    expect(conforms('GET /rest/orgs/{org_id}/users/{id}', 200, user.json)).toEqual([]);
    for (const key of ['name', 'email', 'username'])
      expect(user.json.data.attributes[key]).toBe(self.json.data.attributes[key]);
    expect(user.json.data.attributes.membership.strategy).toBe('direct');
  });

  it('should answer 404 for someone outside the org and 400 for a malformed id', async () => {
    const a = await send(t, `/rest/orgs/${t.orgId}/users/00000000-0000-4000-8000-000000000000?version=${BETA}`);
    expect(a.status).toBe(404);
    expect(conforms('GET /rest/orgs/{org_id}/users/{id}', 404, a.json)).toEqual([]);
    expect((await send(t, `/rest/orgs/${t.orgId}/users/nope?version=${BETA}`)).status).toBe(400);
  });

  it('should refuse a PATCH that is not application/vnd.api+json, not membership null, or malformed', async () => {
    const path = `/rest/groups/${t.groupId}/users/${t.testUserId}?version=${BETA}`;
    const cases: [unknown, string][] = [
      [removal(t.testUserId), 'application/json'],
      [removal(t.testUserId, { role: 'admin' }), 'application/vnd.api+json'],
      [{ data: { type: 'user', id: t.testUserId, attributes: {} } }, 'application/vnd.api+json'],
      [{ data: { type: 'user', attributes: { membership: null } } }, 'application/vnd.api+json'],
      [removal('00000000-0000-4000-8000-000000000000'), 'application/vnd.api+json'],
      [{ data: { ...removal(t.testUserId).data, extra: 1 } }, 'application/vnd.api+json'],
    ];
    for (const [body, contentType] of cases) {
      const a = await send(t, path, { method: 'PATCH', body, contentType });
      expect(a.status, JSON.stringify(body)).toBe(400);
      expect(conforms(PATCH, 400, a.json)).toEqual([]);
      expect(a.headers['snyk-version-served']).toBe('2022-10-06~beta');
    }
    expect(
      (await send(t, path, { method: 'PATCH', rawBody: '{', contentType: 'application/vnd.api+json' })).status,
    ).toBe(400);
  });

  it('should remove the user from the group and its orgs with 204, then answer 404', async () => {
    const path = `/rest/groups/${t.groupId}/users/${t.testUserId}?version=${BETA}`;
    const inGroup = async () =>
      (await allRest(t, `/rest/groups/${t.groupId}/memberships?version=${GA}&limit=100&user_id=${t.testUserId}`)).items
        .length;
    const inOrg = async () =>
      (await allRest(t, `/rest/orgs/${t.orgId}/memberships?version=${GA}&limit=100&user_id=${t.testUserId}`)).items
        .length;
    expect(await inGroup()).toBe(1);
    expect(await inOrg()).toBe(1);
    const a = await send(t, path, {
      method: 'PATCH',
      body: removal(t.testUserId),
      contentType: 'application/vnd.api+json',
    });
    expect(a.status).toBe(204);
    expect(a.text).toBe('');
    expect(a.headers['snyk-version-served']).toBe('2022-10-06~beta');
    expect(await inGroup()).toBe(0);
    expect(await inOrg()).toBe(0);
    expect((await send(t, `/rest/orgs/${t.orgId}/users/${t.testUserId}?version=${BETA}`)).status).toBe(404);
    const again = await send(t, path, {
      method: 'PATCH',
      body: removal(t.testUserId),
      contentType: 'application/vnd.api+json',
    });
    expect(again.status).toBe(404);
    expect(conforms(PATCH, 404, again.json)).toEqual([]);
  });

  it('should answer 404 for an unknown group', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const a = await send(t, `/rest/groups/${id}/users/${t.selfUserId}?version=${BETA}`, {
      method: 'PATCH',
      body: removal(t.selfUserId),
      contentType: 'application/vnd.api+json',
    });
    expect(a.status).toBe(404);
  });
});
