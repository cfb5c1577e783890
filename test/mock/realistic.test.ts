/**
 * The mock's realistic mode (src/mock/realistic.ts): where the documentation is silent, it answers the other
 * way from our reading; by default it answers as our reading expects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../../src/mock/server.ts';
import { BETA, GA, NOW, send, start } from './helpers.ts';

describe('the realistic mode of the mock', () => {
  let plain: MockTenant;
  let real: MockTenant;
  beforeAll(async () => {
    [plain, real] = await Promise.all([start(), start({ realistic: true })]);
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), real?.close()]);
  });

  const deleteAbsent = (t: MockTenant) => send(t, `/v1/org/${t.orgId}/provision?email=nobody-here%40example.com`, { method: 'DELETE' });

  it('should answer DELETE of an absent provision with 200 {"ok": false}, and 404 by default', async () => {
    const a = await deleteAbsent(real);
    expect([a.status, a.json]).toEqual([200, { ok: false }]);
    expect((await deleteAbsent(plain)).status).toBe(404);
  });

  it('should send v1 errors without x-error-reference, and with it by default', async () => {
    const unauth = (t: MockTenant) => send(t, `/v1/org/${t.orgId}/provision`, { auth: 'none' });
    const a = await unauth(real);
    expect(a.status).toBe(401);
    expect(a.headers['x-error-reference']).toBeUndefined();
    expect((await unauth(plain)).headers['x-error-reference']).toBeTruthy();
  });

  it('should fall back to the default page size for length=0, and refuse it by default', async () => {
    const a = await send(real, '/users/?length=0');
    expect(a.status).toBe(200);
    expect(a.json.length).toBeGreaterThan(0);
    expect((await send(plain, '/users/?length=0')).status).toBe(400);
  });

  it('should not serve /users/{id}/', async () => {
    const id = (await send(plain, '/users/?length=1')).json.results[0].id;
    expect((await send(plain, `/users/${id}/`)).status).toBe(200);
    expect((await send(real, `/users/${id}/`)).status).toBe(404);
  });

  it('should keep audit events older than 90 days searchable', async () => {
    const from = new Date(NOW.getTime() - 200 * 86_400_000).toISOString();
    const path = (t: MockTenant) => `/rest/orgs/${t.orgId}/audit_logs/search?version=${GA}&size=100&sort_order=ASC&from=${encodeURIComponent(from)}`;
    const oldest = async (t: MockTenant) => Date.parse((await send(t, path(t))).json.data.items[0].created);
    const limit = NOW.getTime() - 90 * 86_400_000;
    expect(await oldest(real)).toBeLessThan(limit);
    expect(await oldest(plain)).toBeGreaterThanOrEqual(limit);
  });

  it('should answer 404 for exactly one org member (a service account) and 200 for the others', async () => {
    const org = (t: MockTenant) => `/rest/orgs/${t.orgId}/memberships?version=${GA}&limit=100`;
    const ids: string[] = (await send(real, org(real))).json.data.map((m: any) => m.relationships.user.data.id);
    const statuses = await Promise.all(ids.slice(0, 10).map(async (id) => (await send(real, `/rest/orgs/${real.orgId}/users/${id}?version=${BETA}`)).status));
    expect(statuses.filter((s) => s === 404)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(5);
  });
});
