import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../../src/mock/server.ts';
import { allRest, conforms, GA, send, start } from './helpers.ts';

const ORG_OP = 'GET /rest/orgs/{org_id}/memberships';
const GROUP_OP = 'GET /rest/groups/{group_id}/memberships';

const email = (m: any): string => m.relationships.user.data.attributes.email;
const sortedBy = (values: string[], dir: 1 | -1) =>
  values.every(
    (v, i) =>
      i === 0 ||
      dir *
        (values[i - 1]!.toLowerCase() < v.toLowerCase()
          ? -1
          : values[i - 1]!.toLowerCase() > v.toLowerCase()
            ? 1
            : 0) <=
        0,
  );

describe('REST memberships', () => {
  let t: MockTenant;
  let orgPath: string;
  let groupPath: string;
  beforeAll(async () => {
    t = await start({ members: 75 });
    orgPath = `/rest/orgs/${t.orgId}/memberships?version=${GA}`;
    groupPath = `/rest/groups/${t.groupId}/memberships?version=${GA}`;
  });
  afterAll(() => t.close());

  it('should page through every membership exactly once, with next absent on the last page', async () => {
    for (const [op, path] of [
      [ORG_OP, orgPath],
      [GROUP_OP, groupPath],
    ] as const) {
      const first = await send(t, `${path}&limit=10`);
      expect(first.status).toBe(200);
      expect(conforms(op, 200, first.json)).toEqual([]);
      expect(first.json.data).toHaveLength(10);
      expect(first.json.links.next).toMatch(/^\/rest\/.*[?&]starting_after=v1\./);
      expect(first.json.links.prev).toBeUndefined();
      const { items, pages } = await allRest(t, `${path}&limit=10`);
      const ids = items.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      const big = await send(t, `${path}&limit=100`);
      expect(big.json.links.next).toBeUndefined();
      expect(new Set(big.json.data.map((m: any) => m.id))).toEqual(new Set(ids));
      expect(pages).toBe(Math.ceil(ids.length / 10));
    }
  });

  it('should return the previous page for ending_before', async () => {
    const p1 = await send(t, `${orgPath}&limit=10`);
    const p2 = await send(t, p1.json.links.next);
    expect(p2.json.links.prev).toBeDefined();
    const back = await send(t, p2.json.links.prev);
    expect(back.json.data.map((m: any) => m.id)).toEqual(p1.json.data.map((m: any) => m.id));
  });

  it('should refuse limits outside 10..100 or not multiples of 10, bad cursors and both cursors with 400', async () => {
    for (const q of [
      'limit=5',
      'limit=25',
      'limit=110',
      'limit=0',
      'limit=abc',
      'starting_after=garbage',
      'ending_before=v1.e30',
      'starting_after=v1.e30&ending_before=v1.e30',
      'sort_by=nope',
      'sort_order=asc',
      'sort_by=role_name',
    ]) {
      const a = await send(t, `${orgPath}&${q}`);
      expect(a.status, q).toBe(400);
      expect(conforms(ORG_OP, 400, a.json)).toEqual([]);
    }
    expect((await send(t, `${groupPath}&sort_by=role`)).status).toBe(400);
    expect((await send(t, `${groupPath}&sort_by=role_name`)).status).toBe(200);
    for (const limit of [10, 50, 100]) expect((await send(t, `${orgPath}&limit=${limit}`)).status).toBe(200);
  });

  it('should sort ascending by default for orgs and descending for groups', async () => {
    const org = (await allRest(t, `${orgPath}&sort_by=email&limit=100`)).items.map(email);
    expect(sortedBy(org, 1)).toBe(true);
    const group = (await allRest(t, `${groupPath}&sort_by=email&limit=100`)).items.map(email);
    expect(sortedBy(group, -1)).toBe(true);
    const groupAsc = (await allRest(t, `${groupPath}&sort_by=email&sort_order=ASC&limit=100`)).items.map(email);
    expect(sortedBy(groupAsc, 1)).toBe(true);
    const created = (await allRest(t, `${groupPath}&limit=100`)).items.map((m) => m.attributes.created_at as string);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('should filter by email, user_id, username and role_name', async () => {
    const all = (await allRest(t, `${orgPath}&limit=100`)).items;
    const sample = all[3];
    const user = sample.relationships.user.data;
    const byEmail = await send(t, `${orgPath}&email=${encodeURIComponent(user.attributes.email.toUpperCase())}`);
    expect(byEmail.json.data.map((m: any) => m.id)).toEqual([sample.id]);
    const byId = await send(t, `${orgPath}&user_id=${user.id}`);
    expect(byId.json.data.map((m: any) => m.id)).toEqual([sample.id]);
    const byName = await send(t, `${orgPath}&username=${encodeURIComponent(user.attributes.username)}`);
    expect(byName.json.data.map((m: any) => m.id)).toEqual([sample.id]);
    const role = sample.relationships.role.data.attributes.name as string;
    const byRole = (await allRest(t, `${orgPath}&limit=100&role_name=${encodeURIComponent(role)}`)).items;
    expect(byRole.length).toBe(all.filter((m) => m.relationships.role.data.attributes.name === role).length);
    expect(byRole.length).toBeLessThan(all.length);
    expect((await send(t, `${orgPath}&email=nobody@nowhere.example`)).json.data).toEqual([]);
  });

  it('should carry group_membership_count when asked and org memberships with external addresses', async () => {
    const a = await send(t, `${groupPath}&include_group_membership_count=true`);
    expect(conforms(GROUP_OP, 200, a.json)).toEqual([]);
    expect(a.json.data[0].meta.group_membership_count).toBeGreaterThan(10);
    const all = (await allRest(t, `${orgPath}&limit=100`)).items.map(email);
    expect(all.some((e) => !e.endsWith('@acme-corp.example.com'))).toBe(true);
    expect(all.some((e) => e.endsWith('@acme-corp.example.com'))).toBe(true);
  });

  it('should answer 404 for an unknown org or group', async () => {
    const a = await send(t, `/rest/orgs/00000000-0000-4000-8000-000000000000/memberships?version=${GA}`);
    expect(a.status).toBe(404);
    expect(conforms(ORG_OP, 404, a.json)).toEqual([]);
  });
});
