import { describe, expect, it } from 'vitest';
import type { MockTenant } from '../../src/mock/server.ts';
import { BETA, GA, start } from './helpers.ts';

/** Raw bytes and headers of a fixed request sequence, writes included. */
async function transcript(t: MockTenant): Promise<string[]> {
  const snyk = { authorization: `token ${t.snykToken}` };
  const jwt = { authorization: `JWT ${t.apiwebToken}` };
  const steps: [string, string, Record<string, string>, string?][] = [
    ['GET', '/users/?length=50&page=2', jwt],
    ['GET', '/users/?ordering=-last_login&active=true', jwt],
    ['GET', `/rest/self?version=${GA}`, snyk],
    ['GET', `/rest/orgs/${t.orgId}/memberships?version=${GA}&limit=20`, snyk],
    ['GET', `/rest/groups/${t.groupId}/memberships?version=${GA}&sort_by=email`, snyk],
    ['GET', `/rest/orgs/${t.orgId}/audit_logs/search?version=${GA}&from=2025-04-01T00:00:00Z&size=30`, snyk],
    [
      'POST',
      `/v1/org/${t.orgId}/provision`,
      { ...snyk, 'content-type': 'application/json' },
      '{"email":"det@acme-corp.example.com","role":"ADMIN"}',
    ],
    ['GET', `/v1/org/${t.orgId}/provision`, snyk],
    [
      'PATCH',
      `/rest/groups/${t.groupId}/users/${t.testUserId}?version=${BETA}`,
      { ...snyk, 'content-type': 'application/vnd.api+json' },
      JSON.stringify({ data: { type: 'user', id: t.testUserId, attributes: { membership: null } } }),
    ],
    ['GET', `/rest/groups/${t.groupId}/audit_logs/search?version=${GA}`, snyk],
    ['GET', '/rest/self', snyk],
  ];
  const out: string[] = [];
  for (const [method, path, headers, body] of steps) {
    const res = await fetch(t.url + path, { method, headers, body });
    const bytes = Buffer.from(await res.arrayBuffer()).toString('base64');
    const lines: string[] = [];
    res.headers.forEach((v, k) => {
      if (k !== 'connection' && k !== 'keep-alive') lines.push(`${k}: ${v}`);
    });
    const h = lines.join('\n');
    out.push(`${method} ${path}\n${res.status}\n${h}\n${bytes}`);
  }
  return out;
}

describe('determinism', () => {
  it('should answer byte-identically for the same seed and clock', async () => {
    const [a, b] = await Promise.all([start({ seed: 42, hostile: true }), start({ seed: 42, hostile: true })]);
    try {
      expect(a.snykToken).toBe(b.snykToken);
      expect(a.orgId).toBe(b.orgId);
      const [ta, tb] = [await transcript(a), await transcript(b)];
      expect(ta).toEqual(tb);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('should answer differently for another seed', async () => {
    const [a, b] = await Promise.all([start({ seed: 42 }), start({ seed: 43 })]);
    try {
      expect(a.orgId).not.toBe(b.orgId);
      const ra = await (await fetch(`${a.url}/users/`, { headers: { authorization: `JWT ${a.apiwebToken}` } })).text();
      const rb = await (await fetch(`${b.url}/users/`, { headers: { authorization: `JWT ${b.apiwebToken}` } })).text();
      expect(ra).not.toBe(rb);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
