import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../../src/mock/server.ts';
import { allRest, conforms, GA, NOW, send, start } from './helpers.ts';

const OP = 'GET /rest/orgs/{org_id}/audit_logs/search';
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const FROM_90 = iso(NOW.getTime() - 90 * DAY);

describe('REST audit-log search', () => {
  let t: MockTenant;
  let org: string;
  let group: string;
  beforeAll(async () => {
    t = await start();
    org = `/rest/orgs/${t.orgId}/audit_logs/search?version=${GA}`;
    group = `/rest/groups/${t.groupId}/audit_logs/search?version=${GA}`;
  });
  afterAll(() => t.close());

  it('should default to events since the start of yesterday, newest first', async () => {
    const a = await send(t, org);
    expect(a.status).toBe(200);
    expect(conforms(OP, 200, a.json)).toEqual([]);
    const created = a.json.data.items.map((i: any) => Date.parse(i.created));
    expect(created.length).toBeGreaterThan(0);
    expect(Math.min(...created)).toBeGreaterThanOrEqual(Date.parse('2025-05-31T00:00:00Z'));
    expect([...created].sort((x: number, y: number) => y - x)).toEqual(created);
  });

  it('should hold only the last 90 days, with org_id and created on items and no user_id (not in the spec item schema)', async () => {
    const { items } = await allRest(t, `${org}&from=2024-01-01T00:00:00Z&size=100`);
    expect(items.length).toBeGreaterThan(100);
    for (const i of items) {
      expect(Date.parse(i.created)).toBeGreaterThanOrEqual(Date.parse(FROM_90));
      expect(i.org_id).toBe(t.orgId);
      expect(i.event).not.toBe('api.access');
    }
    expect(items.filter((i) => 'user_id' in i)).toEqual([]);
    expect(items.some((i) => i.created < iso(NOW.getTime() - 60 * DAY))).toBe(true);
    expect(new Set(items.map((i) => `${i.created}|${i.event}|${JSON.stringify(i.content)}`)).size).toBe(
      items.length,
    );
  });

  it('should page with size and cursor in both orders without losing or repeating items', async () => {
    const q = `&from=${FROM_90}`;
    const all = (await allRest(t, `${org}${q}&size=100`)).items.map((i) => JSON.stringify(i));
    const small = await allRest(t, `${org}${q}&size=7`);
    expect(small.items.map((i) => JSON.stringify(i))).toEqual(all);
    expect(small.pages).toBe(Math.ceil(all.length / 7));
    const asc = (await allRest(t, `${org}${q}&size=9&sort_order=ASC`)).items.map((i) => JSON.stringify(i));
    expect(asc).toEqual([...all].reverse());
  });

  it('should apply from (inclusive), to (exclusive), user_id, events and exclude_events', async () => {
    const from = iso(NOW.getTime() - 30 * DAY);
    const to = iso(NOW.getTime() - 10 * DAY);
    const windowed = (await allRest(t, `${org}&from=${from}&to=${to}`)).items;
    expect(windowed.length).toBeGreaterThan(0);
    expect(windowed.every((i) => i.created >= from && i.created < to)).toBe(true);
    // The items name no user: the filter is checked as a strict, non-empty subset of the unfiltered search.
    const everyone = new Set((await allRest(t, `${org}&from=${FROM_90}`)).items.map((i) => JSON.stringify(i)));
    const mine = (await allRest(t, `${org}&from=${FROM_90}&user_id=${t.selfUserId}`)).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(everyone.size);
    expect(mine.every((i) => everyone.has(JSON.stringify(i)))).toBe(true);
    const events = (await allRest(t, `${org}&from=${FROM_90}&events=org.project.add&events=org.target.create`)).items;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((i) => ['org.project.add', 'org.target.create'].includes(i.event))).toBe(true);
    const excluded = (await allRest(t, `${org}&from=${FROM_90}&exclude_events=org.project.add`)).items;
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.some((i) => i.event === 'org.project.add')).toBe(false);
    const api = (await allRest(t, `${org}&from=${FROM_90}&events=api.access`)).items;
    expect(api.length).toBeGreaterThan(0);
  });

  it('should refuse bad size, dates, sort_order, ids, cursors and events with exclude_events', async () => {
    for (const q of [
      'size=0',
      'size=101',
      'size=x',
      'from=2025-01-01',
      'to=yesterday',
      'sort_order=up',
      'user_id=abc',
      'project_id=1',
      'cursor=nope',
      'events=org.user.add&exclude_events=api.access',
      `from=${iso(NOW.getTime() - DAY)}&to=${iso(NOW.getTime() - 2 * DAY)}`,
    ]) {
      const a = await send(t, `${org}&${q}`);
      expect(a.status, q).toBe(400);
      expect(conforms(OP, 400, a.json)).toEqual([]);
    }
  });

  it('should show group and org events to the group search', async () => {
    const { items } = await allRest(t, `${group}&from=${FROM_90}`);
    expect(items.some((i) => i.group_id === t.groupId)).toBe(true);
    expect(items.some((i) => i.org_id === t.orgId)).toBe(true);
    expect(conforms('GET /rest/groups/{group_id}/audit_logs/search', 200, (await send(t, group)).json)).toEqual([]);
  });

  it('should leave some org members without any event in the retention window', async () => {
    const members = (await allRest(t, `/rest/orgs/${t.orgId}/memberships?version=${GA}&limit=100`)).items;
    const silent: unknown[] = [];
    for (const m of members) {
      const id = m.relationships.user.data.id;
      const own = await send(t, `${org}&from=${FROM_90}&user_id=${id}&size=1`);
      const api = await send(t, `${org}&from=${FROM_90}&user_id=${id}&size=1&events=api.access`);
      if (own.json.data.items.length === 0 && api.json.data.items.length === 0) silent.push(m);
    }
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.length).toBeLessThan(members.length);
  });

  it('should log provisioning and its removal as audit events', async () => {
    const email = 'audited@acme-corp.example.com';
    await send(t, `/v1/org/${t.orgId}/provision`, { method: 'POST', body: { email, role: 'COLLABORATOR' } });
    await send(t, `/v1/org/${t.orgId}/provision?email=${email}`, { method: 'DELETE' });
    const a = await send(
      t,
      `${org}&events=org.user.provision.create&events=org.user.provision.delete&from=${iso(NOW.getTime() - DAY)}`,
    );
    expect(a.json.data.items.map((i: any) => i.event).sort()).toEqual([
      'org.user.provision.create',
      'org.user.provision.delete',
    ]);
  });
});
