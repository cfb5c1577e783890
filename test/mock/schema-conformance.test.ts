import { describe, expect, it } from 'vitest';
import { OPERATIONS, REST_VERSION_HEADERS, type OperationName } from '../../src/model/operations.ts';
import type { MockTenant } from '../../src/mock/server.ts';
import { allRest, allUsers, BETA, conforms, GA, send, start, type Send } from './helpers.ts';

interface Probe {
  op: OperationName;
  path: string;
  options?: Send;
}

function probes(t: MockTenant, someMember: string, someUser: string): Probe[] {
  const prov = `/v1/org/${t.orgId}/provision`;
  const orgM = `/rest/orgs/${t.orgId}/memberships?version=${GA}`;
  const grpM = `/rest/groups/${t.groupId}/memberships?version=${GA}`;
  const orgA = `/rest/orgs/${t.orgId}/audit_logs/search?version=${GA}`;
  const grpA = `/rest/groups/${t.groupId}/audit_logs/search?version=${GA}`;
  const patch = (id: string, body: unknown, contentType = 'application/vnd.api+json'): Probe => ({
    op: 'PATCH /rest/groups/{group_id}/users/{id}',
    path: `/rest/groups/${t.groupId}/users/${id}?version=${BETA}`,
    options: { method: 'PATCH', body, contentType },
  });
  const removal = (id: string) => ({ data: { type: 'user', id, attributes: { membership: null } } });
  return [
    { op: 'GET /v1/org/{orgId}/provision', path: prov },
    { op: 'GET /v1/org/{orgId}/provision', path: prov, options: { auth: 'none' } },
    {
      op: 'POST /v1/org/{orgId}/provision',
      path: prov,
      options: { method: 'POST', body: { email: 'schema@acme-corp.example.com', role: 'ADMIN' } },
    },
    { op: 'POST /v1/org/{orgId}/provision', path: prov, options: { method: 'POST', body: { role: 'ADMIN' } } },
    {
      op: 'DELETE /v1/org/{orgId}/provision',
      path: `${prov}?email=schema@acme-corp.example.com`,
      options: { method: 'DELETE' },
    },
    {
      op: 'DELETE /v1/org/{orgId}/provision',
      path: `${prov}?email=schema@acme-corp.example.com`,
      options: { method: 'DELETE' },
    },
    { op: 'DELETE /v1/org/{orgId}/provision', path: prov, options: { method: 'DELETE' } },
    { op: 'GET /rest/self', path: `/rest/self?version=${GA}` },
    { op: 'GET /rest/self', path: '/rest/self?version=2023-05-01~experimental' },
    { op: 'GET /rest/self', path: '/rest/self' },
    { op: 'GET /rest/self', path: `/rest/self?version=${GA}`, options: { auth: 'none' } },
    { op: 'GET /rest/orgs/{org_id}/users/{id}', path: `/rest/orgs/${t.orgId}/users/${someMember}?version=${BETA}` },
    { op: 'GET /rest/orgs/{org_id}/users/{id}', path: `/rest/orgs/${t.orgId}/users/${t.selfUserId}?version=${GA}` },
    { op: 'GET /rest/orgs/{org_id}/users/{id}', path: `/rest/orgs/${t.orgId}/users/x?version=${BETA}` },
    patch(t.testUserId, removal(t.testUserId), 'application/json'),
    patch(t.testUserId, { data: { type: 'user', id: t.testUserId, attributes: { membership: { role: 'x' } } } }),
    patch(t.testUserId, removal(t.testUserId)),
    patch(t.testUserId, removal(t.testUserId)),
    { op: 'GET /rest/orgs/{org_id}/memberships', path: `${orgM}&limit=100` },
    { op: 'GET /rest/orgs/{org_id}/memberships', path: `${orgM}&limit=7` },
    {
      op: 'GET /rest/orgs/{org_id}/memberships',
      path: `/rest/orgs/00000000-0000-4000-8000-000000000000/memberships?version=${GA}`,
    },
    { op: 'GET /rest/groups/{group_id}/memberships', path: `${grpM}&limit=100&include_group_membership_count=true` },
    { op: 'GET /rest/groups/{group_id}/memberships', path: `${grpM}&sort_by=user_display_name&sort_order=ASC` },
    { op: 'GET /rest/groups/{group_id}/memberships', path: `${grpM}&starting_after=bad` },
    { op: 'GET /rest/orgs/{org_id}/audit_logs/search', path: `${orgA}&from=2025-03-01T00:00:00Z&size=100` },
    { op: 'GET /rest/orgs/{org_id}/audit_logs/search', path: `${orgA}&events=api.access&from=2025-03-01T00:00:00Z` },
    { op: 'GET /rest/orgs/{org_id}/audit_logs/search', path: `${orgA}&size=0` },
    {
      op: 'GET /rest/groups/{group_id}/audit_logs/search',
      path: `${grpA}&from=2025-03-01T00:00:00Z&size=100&sort_order=ASC`,
    },
    { op: 'GET /users/', path: '/users/?length=100' },
    { op: 'GET /users/', path: '/users/?length=100&page=2&ordering=-last_login' },
    { op: 'GET /users/', path: '/users/?length=0' },
    { op: 'GET /users/', path: '/users/?page=999' },
    { op: 'GET /users/', path: '/users/', options: { auth: 'none' } },
    { op: 'GET /users/', path: `/users/?search=${encodeURIComponent(someUser)}` },
  ];
}

async function checkAll(t: MockTenant): Promise<string[]> {
  const members = (await allRest(t, `/rest/orgs/${t.orgId}/memberships?version=${GA}&limit=100`)).items;
  const users = await allUsers(t);
  const problems: string[] = [];
  for (const p of probes(t, members[1].relationships.user.data.id, users[2].name.slice(0, 3))) {
    const a = await send(t, p.path, p.options);
    const where = `${p.op} ${p.path} → ${a.status}`;
    const op = OPERATIONS[p.op];
    for (const e of conforms(p.op, a.status, a.json)) problems.push(`${where}: ${e}`);
    const documented = op.responses[a.status];
    const media = a.headers['content-type']?.split(';')[0];
    if (documented && documented.contentTypes.length > 0 && !documented.contentTypes.includes(media ?? ''))
      problems.push(`${where}: content type ${media}`);
    if (op.api === 'rest') {
      for (const h of REST_VERSION_HEADERS) {
        const versionKnown =
          !/[?&]version=/.test(p.path) ||
          a.status === 400 ||
          (a.status === 404 && !p.path.includes(BETA) && p.op.includes('users/{id}'));
        if (!a.headers[h] && !(versionKnown && h !== 'snyk-request-id')) problems.push(`${where}: missing header ${h}`);
      }
    }
  }
  return problems;
}

describe('schema conformance of the conforming mock', () => {
  it('should answer every operation with bodies valid against the documented schemas', async () => {
    const t = await start({ members: 40, users: 120 });
    try {
      expect(await checkAll(t)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('should stay schema-valid with hostile names, emails and labels', async () => {
    const t = await start({ members: 40, users: 120, hostile: true });
    try {
      expect(await checkAll(t)).toEqual([]);
      const users = await allUsers(t);
      const text = JSON.stringify(users);
      expect(text).toContain('<img src=x onerror=alert(1)>');
      expect(text).toContain('\\u0001');
      expect(text).toContain('\uFFFE');
      expect(users.some((u) => /^[=+\-@]/.test(u.name))).toBe(true);
      expect(users.some((u) => /^[=+-]/.test(u.email))).toBe(true);
      expect(users.some((u) => u.labels.some((l: any) => /<\/?\w/.test(l.name)))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
