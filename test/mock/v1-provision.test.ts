import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../../src/mock/server.ts';
import { conforms, send, start } from './helpers.ts';

const POST = 'POST /v1/org/{orgId}/provision';
const GET = 'GET /v1/org/{orgId}/provision';
const DELETE = 'DELETE /v1/org/{orgId}/provision';

describe('v1 provision endpoints', () => {
  let t: MockTenant;
  let path: string;
  beforeAll(async () => {
    t = await start();
    path = `/v1/org/${t.orgId}/provision`;
  });
  afterAll(() => t.close());

  it('should list pending provisions of every age as a documented array', async () => {
    const a = await send(t, path);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toMatch(/^application\/json/);
    expect(conforms(GET, 200, a.json)).toEqual([]);
    const ages = (a.json as { created: string }[]).map(
      (p) => (Date.parse('2025-06-01T12:00:00Z') - Date.parse(p.created)) / 86_400_000,
    );
    expect(Math.min(...ages)).toBeLessThan(1);
    expect(ages.some((d) => d > 30 && d < 60)).toBe(true);
    expect(Math.max(...ages)).toBeGreaterThan(365);
    expect(a.json.some((p: { role: string }) => p.role === 'ADMIN')).toBe(true);
  });

  it('should refuse missing, wrong and misplaced credentials with a v1 401', async () => {
    for (const auth of ['none', { raw: 'token wrong' }, { raw: `JWT ${'x'}` }] as const) {
      const a = await send(t, path, { auth });
      expect(a.status).toBe(401);
      expect(a.json).toEqual({ code: 401, message: 'Not authorised', error: 'Not authorised' });
      expect(a.headers['x-error-reference']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('should accept token and bearer schemes case-insensitively', async () => {
    for (const scheme of ['token', 'Token', 'TOKEN', 'bearer', 'Bearer']) {
      expect((await send(t, path, { auth: { raw: `${scheme} ${t.snykToken}` } })).status).toBe(200);
    }
  });

  it('should answer 404 with the documented message for an unknown org', async () => {
    const a = await send(t, '/v1/org/00000000-0000-4000-8000-000000000000/provision');
    expect(a.status).toBe(404);
    expect(a.json.message).toMatch(/^Org 00000000-0000-4000-8000-000000000000 was not found/);
    expect(conforms(GET, 404, a.json)).toEqual([]);
  });

  it('should provision by legacy role, list it, refuse it again for a member, and delete it once', async () => {
    const email = 'new.hire@acme-corp.example.com';
    const created = await send(t, path, { method: 'POST', body: { email, role: 'ADMIN', rolePublicId: '' } });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ email, role: 'ADMIN', created: '2025-06-01T12:00:00.000Z' });
    expect(conforms(POST, 200, created.json)).toEqual([]);
    const list = await send(t, path);
    expect(list.json.filter((p: { email: string }) => p.email === email)).toHaveLength(1);

    const again = await send(t, path, { method: 'POST', body: { email, role: 'COLLABORATOR' } });
    expect(again.status).toBe(200);
    const after = (await send(t, path)).json.filter((p: { email: string }) => p.email === email);
    expect(after).toHaveLength(1);
    expect(after[0].role).toBe('COLLABORATOR');

    const deleted = await send(t, `${path}?email=${encodeURIComponent(email)}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ ok: true });
    expect(conforms(DELETE, 200, deleted.json)).toEqual([]);
    expect((await send(t, path)).json.some((p: { email: string }) => p.email === email)).toBe(false);
    const twice = await send(t, `${path}?email=${encodeURIComponent(email)}`, { method: 'DELETE' });
    expect(twice.status).toBe(404);
    expect(twice.headers['x-error-reference']).toBeDefined();
  });

  it('should provision by rolePublicId with the role name', async () => {
    const existing = (await send(t, path)).json as { rolePublicId: string; role: string }[];
    const custom = existing.find((p) => !/^[A-Z_]+$/.test(p.role))!;
    const a = await send(t, path, {
      method: 'POST',
      body: { email: 'by.id@acme-corp.example.com', rolePublicId: custom.rolePublicId },
    });
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ rolePublicId: custom.rolePublicId, role: custom.role });
  });

  it('should refuse role together with rolePublicId, bad roles, bad emails and bodies with a v1 400', async () => {
    const roleId = (await send(t, path)).json[0].rolePublicId as string;
    const bad: unknown[] = [
      { email: 'x1@acme-corp.example.com', role: 'ADMIN', rolePublicId: roleId },
      { email: 'x2@acme-corp.example.com', role: 'OWNER' },
      { email: 'x3@acme-corp.example.com', role: '' },
      { email: 'not-an-email', role: 'ADMIN' },
      { role: 'ADMIN' },
      { email: 42 },
      { email: 'x4@acme-corp.example.com', rolePublicId: '00000000-0000-4000-8000-000000000000' },
      ['x'],
    ];
    for (const body of bad) {
      const a = await send(t, path, { method: 'POST', body });
      expect(a.status, JSON.stringify(body)).toBe(400);
      expect(conforms(POST, 400, a.json)).toEqual([]);
      expect(a.headers['x-error-reference']).toBeDefined();
    }
    expect((await send(t, path, { method: 'POST', rawBody: '{', contentType: 'application/json' })).status).toBe(400);
    expect(
      (await send(t, path, { method: 'POST', rawBody: '{"email":"a@b.example"}', contentType: 'text/plain' })).status,
    ).toBe(400);
  });

  it('should refuse to provision an existing member with 409', async () => {
    const members = await send(t, `/rest/orgs/${t.orgId}/memberships?version=2024-10-15&limit=10`);
    const email = members.json.data[0].relationships.user.data.attributes.email as string;
    const a = await send(t, path, { method: 'POST', body: { email: email.toUpperCase(), role: 'COLLABORATOR' } });
    expect(a.status).toBe(409);
    expect(conforms(POST, 409, a.json)).toEqual([]);
  });

  it('should refuse DELETE without an email with a v1 400', async () => {
    for (const suffix of ['', '?email=']) {
      const a = await send(t, path + suffix, { method: 'DELETE' });
      expect(a.status).toBe(400);
      expect(conforms(DELETE, 400, a.json)).toEqual([]);
    }
  });
});
