import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../../src/mock/server.ts';
import { allUsers, conforms, send, start } from './helpers.ts';

const OP = 'GET /users/';

/** API & Web timestamps as microseconds; a missing zone means UTC (docs example). */
function micros(text: string | null): number {
  if (text === null) return Number.POSITIVE_INFINITY;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z)?$/.exec(text);
  if (!m) throw new Error(`unexpected date ${text}`);
  return Date.parse(`${m[1]}Z`) * 1000 + Number((m[2] ?? '0').padEnd(7, '0').slice(0, 7)) / 10;
}

function compare(field: string, a: any, b: any): number {
  const x = a[field];
  const y = b[field];
  if (field === 'changed' || field === 'last_login') return x === y ? 0 : Math.sign(micros(x) - micros(y));
  if (typeof x === 'boolean') return Number(x) - Number(y);
  const lx = String(x).toLowerCase();
  const ly = String(y).toLowerCase();
  return lx < ly ? -1 : lx > ly ? 1 : 0;
}

describe('API & Web GET /users/', () => {
  let t: MockTenant;
  let all: any[];
  beforeAll(async () => {
    t = await start({ users: 230 });
    all = await allUsers(t);
  });
  afterAll(() => t.close());

  it('should page with count, page_total = ceil(count/length), a short last page and 404 past the end', async () => {
    const first = await send(t, '/users/?length=30');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/json');
    expect(conforms(OP, 200, first.json)).toEqual([]);
    expect(first.json).toMatchObject({ count: 230, page_total: 8, page: 1, length: 30 });
    const last = await send(t, '/users/?length=30&page=8');
    expect(last.json.results).toHaveLength(20);
    const past = await send(t, '/users/?length=30&page=9');
    expect(past.status).toBe(404);
    expect(past.json).toEqual({ detail: 'Invalid page.' });
    expect(conforms(OP, 404, past.json)).toEqual([]);
    expect(new Set(all.map((u) => u.id)).size).toBe(230);
    expect((await send(t, '/users/')).json.length).toBe(10);
  });

  it('should serve an empty first page when nothing matches', async () => {
    const a = await send(t, '/users/?search=zzzz-nobody');
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ count: 0, page_total: 0, page: 1, results: [] });
  });

  it('should refuse invalid parameters with DRF field errors', async () => {
    const cases: [string, string][] = [
      ['length=0', 'length'],
      ['length=-3', 'length'],
      ['page=abc', 'page'],
      ['page=0', 'page'],
      ['ordering=nope', 'ordering'],
      ['ordering=-nope', 'ordering'],
      ['label_logical_operator=xor', 'label_logical_operator'],
      ['active=maybe', 'active'],
      ['mfa_enabled=yes', 'mfa_enabled'],
      ['exclude=password', 'exclude'],
    ];
    for (const [q, field] of cases) {
      const a = await send(t, `/users/?${q}`);
      expect(a.status, q).toBe(400);
      expect(Object.keys(a.json)).toEqual([field]);
      expect(conforms(OP, 400, a.json)).toEqual([]);
    }
  });

  it('should require a JWT key and answer {detail} 401s', async () => {
    for (const auth of ['none', { raw: 'JWT wrong' }, { raw: `token ${'x'}` }] as const) {
      const a = await send(t, '/users/', { auth });
      expect(a.status).toBe(401);
      expect(typeof a.json.detail).toBe('string');
      expect(conforms(OP, 401, a.json)).toEqual([]);
    }
    expect((await send(t, '/users/', { auth: { raw: `jwt ${t.apiwebToken}` } })).status).toBe(200);
  });

  it('should apply every boolean filter with positives and negatives', async () => {
    const checks: [string, (u: any) => boolean][] = [
      ['active', (u) => u.active],
      ['mfa_enabled', (u) => u.mfa_enabled],
      ['account', (u) => u.user_roles.some((r: any) => r.scope.tier === 'account')],
      ['no_access', (u) => u.user_roles.length === 0],
    ];
    for (const [name, predicate] of checks) {
      const yes = await allUsers(t, `${name}=true`);
      const no = await allUsers(t, `${name}=false`);
      expect(yes.length, name).toBeGreaterThan(0);
      expect(no.length, name).toBeGreaterThan(0);
      expect(yes.map((u) => u.id).sort()).toEqual(
        all
          .filter(predicate)
          .map((u) => u.id)
          .sort(),
      );
      expect(no.map((u) => u.id).sort()).toEqual(
        all
          .filter((u) => !predicate(u))
          .map((u) => u.id)
          .sort(),
      );
    }
  });

  it('should apply label (or/and), role, team, target and their exclusions', async () => {
    const labelIds = [...new Set(all.flatMap((u) => u.labels.map((l: any) => l.id)))];
    const roleIds = [...new Set(all.flatMap((u) => u.user_roles.map((r: any) => r.role.id)))];
    const teamIds = [...new Set(all.flatMap((u) => u.user_roles.map((r: any) => r.scope.team?.id).filter(Boolean)))];
    const targetIds = [
      ...new Set(all.flatMap((u) => u.user_roles.map((r: any) => r.scope.target?.id).filter(Boolean))),
    ];
    expect(labelIds.length).toBe(8);
    expect(teamIds.length).toBe(6);
    const ids = (list: any[]) => list.map((u) => u.id).sort();
    const hasLabel = (u: any, id: string) => u.labels.some((l: any) => l.id === id);
    const [l1, l2] = labelIds as [string, string];
    const or = await allUsers(t, `label=${l1}&label=${l2}`);
    const and = await allUsers(t, `label=${l1}&label=${l2}&label_logical_operator=and`);
    expect(ids(or)).toEqual(ids(all.filter((u) => hasLabel(u, l1) || hasLabel(u, l2))));
    expect(ids(and)).toEqual(ids(all.filter((u) => hasLabel(u, l1) && hasLabel(u, l2))));
    expect(and.length).toBeGreaterThan(0);
    expect(and.length).toBeLessThan(or.length);
    for (const id of labelIds) {
      const got = await allUsers(t, `label=${id}`);
      expect(got.length).toBeGreaterThan(0);
      expect(got.length).toBeLessThan(all.length);
    }
    const scoped: [string, string[], (u: any, id: string) => boolean][] = [
      ['role', roleIds, (u, id) => u.user_roles.some((r: any) => r.role.id === id)],
      ['team', teamIds, (u, id) => u.user_roles.some((r: any) => r.scope.team?.id === id)],
      ['target', targetIds, (u, id) => u.user_roles.some((r: any) => r.scope.target?.id === id)],
    ];
    for (const [name, values, holds] of scoped) {
      for (const id of values) {
        const got = await allUsers(t, `${name}=${id}`);
        expect(ids(got), `${name}=${id}`).toEqual(ids(all.filter((u) => holds(u, id))));
        expect(got.length).toBeGreaterThan(0);
        expect(got.length).toBeLessThan(all.length);
        if (name !== 'role') {
          const excluded = await allUsers(t, `exclude_${name}=${id}`);
          expect(ids(excluded)).toEqual(ids(all.filter((u) => !holds(u, id))));
        }
      }
    }
    expect((await send(t, '/users/?label=NoSuchLabel1')).json.count).toBe(0);
  });

  it('should search names and emails case-insensitively', async () => {
    const name = all[5].name.split(' ')[0] as string;
    const got = await allUsers(t, `search=${encodeURIComponent(name.toUpperCase())}`);
    const expected = all.filter(
      (u) => u.name.toLowerCase().includes(name.toLowerCase()) || u.email.toLowerCase().includes(name.toLowerCase()),
    );
    expect(got.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());
    expect(got.length).toBeLessThan(all.length);
  });

  it('should order by every orderable field ascending and descending', async () => {
    for (const field of [
      'id',
      'email',
      'name',
      'title',
      'changed',
      'last_login',
      'active',
      'mfa_enabled',
      'is_billing_admin',
      'is_apiuser',
    ]) {
      const asc = await allUsers(t, `ordering=${field}`);
      const desc = await allUsers(t, `ordering=-${field}`);
      expect(asc).toHaveLength(all.length);
      for (let i = 1; i < asc.length; i++)
        expect(compare(field, asc[i - 1], asc[i]), `${field} ${i}`).toBeLessThanOrEqual(0);
      for (let i = 1; i < desc.length; i++)
        expect(compare(field, desc[i - 1], desc[i]), `-${field} ${i}`).toBeGreaterThanOrEqual(0);
    }
    const filtered = await allUsers(t, 'ordering=-last_login&active=true');
    for (let i = 1; i < filtered.length; i++)
      expect(compare('last_login', filtered[i - 1], filtered[i])).toBeGreaterThanOrEqual(0);
  });

  it('should drop the fields named by exclude', async () => {
    const a = await send(t, '/users/?exclude=email&exclude=labels,user_roles');
    expect(a.status).toBe(200);
    for (const u of a.json.results) {
      expect(u).not.toHaveProperty('email');
      expect(u).not.toHaveProperty('labels');
      expect(u).not.toHaveProperty('user_roles');
      expect(u).toHaveProperty('name');
    }
  });

  it('should serve one user by id and 404 for an unknown id', async () => {
    const a = await send(t, `/users/${all[3].id}/`);
    expect(a.status).toBe(200);
    expect(a.json).toEqual(all[3]);
    const b = await send(t, '/users/NoSuchUser11/');
    expect(b.status).toBe(404);
    expect(b.json).toEqual({ detail: 'Not found.' });
  });

  it('should serve realistic data: both date forms, null logins, API users, billing admins, inactive users', () => {
    const dates = all.flatMap((u) => [u.changed, u.last_login]).filter((d) => d !== null) as string[];
    expect(dates.some((d) => /\.\d{6}Z$/.test(d))).toBe(true);
    expect(dates.some((d) => /\.\d{7}$/.test(d))).toBe(true);
    expect(dates.every((d) => /\.\d{6}Z$/.test(d) || /\.\d{7}$/.test(d))).toBe(true);
    expect(all.some((u) => u.last_login === null)).toBe(true);
    expect(all.some((u) => u.is_apiuser && u.email === '')).toBe(true);
    expect(all.filter((u) => u.is_billing_admin).length).toBeGreaterThan(1);
    expect(all.some((u) => !u.active && u.user_roles.length > 0)).toBe(true);
    const years = all.filter((u) => u.last_login).map((u) => micros(u.last_login) / 1000);
    expect(Math.min(...years)).toBeLessThan(Date.parse('2024-01-01T00:00:00Z'));
    const tiers = new Set(all.flatMap((u) => u.user_roles.map((r: any) => r.scope.tier)));
    expect([...tiers].sort()).toEqual(['account', 'scope', 'team']);
  });
});
