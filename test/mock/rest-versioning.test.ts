import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../../src/mock/server.ts';
import { BETA, conforms, GA, send, start } from './helpers.ts';

describe('REST version negotiation and headers', () => {
  let t: MockTenant;
  beforeAll(async () => {
    t = await start({
      restLifecycle: [
        {
          operation: 'GET /rest/orgs/{org_id}/memberships',
          served: '2024-08-25',
          deprecation: '2025-05-01T00:00:00Z',
          sunset: '2025-11-01',
        },
      ],
    });
  });
  afterAll(() => t.close());

  it('should send the version headers, served on or before requested, on a GA request', async () => {
    const a = await send(t, `/rest/self?version=${GA}`);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/vnd.api+json');
    expect(a.headers['snyk-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a.headers['snyk-version-requested']).toBe(GA);
    expect(a.headers['snyk-version-served']).toBe('2024-04-22');
    expect(a.headers['snyk-version-lifecycle-stage']).toBe('ga');
    expect(a.headers.deprecation).toBeUndefined();
    expect(a.headers.sunset).toBeUndefined();
  });

  it('should answer 400 for a missing, malformed, impossible or future version', async () => {
    for (const v of [
      '',
      'version=',
      'version=2024-1-01',
      'version=2024-02-30',
      'version=2024-10-15~gamma',
      'version=latest',
      'version=2025-06-02',
    ]) {
      const a = await send(t, `/rest/self${v ? `?${v}` : ''}`);
      expect(a.status, v).toBe(400);
      expect(conforms('GET /rest/self', 400, a.json)).toEqual([]);
      expect(a.json.errors[0].source).toEqual({ parameter: 'version' });
    }
    expect((await send(t, '/rest/self?version=2025-06-02')).json.errors[0].detail).toBe(
      'requested version newer than present date',
    );
  });

  it('should answer 404 when no release exists on or before the date at that stability', async () => {
    expect((await send(t, '/rest/self?version=2024-04-21')).status).toBe(404);
    expect((await send(t, '/rest/self?version=2022-02-28~experimental')).status).toBe(404);
    const a = await send(t, `/rest/orgs/${t.orgId}/users/${t.selfUserId}?version=${GA}`);
    expect(a.status).toBe(404);
    expect(conforms('GET /rest/orgs/{org_id}/users/{id}', 404, a.json)).toEqual([]);
  });

  it('should serve beta-only endpoints to ~beta dates and to the floating beta version', async () => {
    const a = await send(t, `/rest/orgs/${t.orgId}/users/${t.selfUserId}?version=${BETA}`);
    expect(a.status).toBe(200);
    expect(a.headers['snyk-version-served']).toBe('2021-09-13~beta');
    expect(a.headers['snyk-version-lifecycle-stage']).toBe('beta');
    expect((await send(t, `/rest/orgs/${t.orgId}/users/${t.selfUserId}?version=beta`)).status).toBe(200);
    // A GA release beats an older beta (vervet): self at 2024-10-15~beta is the GA 2024-04-22.
    expect((await send(t, `/rest/self?version=${BETA}`)).headers['snyk-version-served']).toBe('2024-04-22');
  });

  it('should mark a superseded release deprecated with deprecation and sunset dates', async () => {
    const a = await send(t, '/rest/self?version=2023-01-01~experimental');
    expect(a.status).toBe(200);
    expect(a.headers['snyk-version-served']).toBe('2022-09-14~experimental');
    expect(a.headers['snyk-version-lifecycle-stage']).toBe('deprecated');
    expect(a.headers.deprecation).toBe('2024-04-22T00:00:00Z');
    expect(a.headers.sunset).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audit = await send(t, `/rest/orgs/${t.orgId}/audit_logs/search?version=2024-01-01`);
    expect(audit.headers['snyk-version-served']).toBe('2023-09-11');
    expect(audit.headers.sunset).toBe('2024-10-26');
  });

  it('should add configured deprecation and sunset headers for the configured release only', async () => {
    const a = await send(t, `/rest/orgs/${t.orgId}/memberships?version=${GA}`);
    expect(a.headers['snyk-version-lifecycle-stage']).toBe('deprecated');
    expect(a.headers.deprecation).toBe('2025-05-01T00:00:00Z');
    expect(a.headers.sunset).toBe('2025-11-01');
    const b = await send(t, `/rest/groups/${t.groupId}/memberships?version=${GA}`);
    expect(b.headers.deprecation).toBeUndefined();
  });

  it('should refuse unknown query parameters, repeated ones and malformed path ids with 400', async () => {
    const unknown = await send(t, `/rest/self?version=${GA}&unknown=1`);
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].source).toEqual({ parameter: 'unknown' });
    expect((await send(t, `/rest/self?version=${GA}&version=${GA}`)).status).toBe(400);
    const badId = await send(t, `/rest/orgs/not-a-uuid/memberships?version=${GA}`);
    expect(badId.status).toBe(400);
    expect(conforms('GET /rest/orgs/{org_id}/memberships', 400, badId.json)).toEqual([]);
  });

  it('should answer 401 JSON:API documents with the version headers without valid credentials', async () => {
    for (const auth of ['none', { raw: 'token nope' }, { raw: `JWT ${'k'}` }] as const) {
      const a = await send(t, `/rest/self?version=${GA}`, { auth });
      expect(a.status).toBe(401);
      expect(a.headers['content-type']).toBe('application/vnd.api+json');
      expect(conforms('GET /rest/self', 401, a.json)).toEqual([]);
      expect(a.headers['snyk-request-id']).toBeDefined();
      expect(a.headers['snyk-version-served']).toBe('2024-04-22');
    }
    expect((await send(t, `/rest/self?version=${GA}`, { auth: { raw: `Bearer ${t.snykToken}` } })).status).toBe(200);
  });

  it('should answer unknown REST paths with a JSON:API 404 and wrong methods with 405', async () => {
    const a = await send(t, `/rest/nothing?version=${GA}`);
    expect(a.status).toBe(404);
    expect(a.json.jsonapi).toEqual({ version: '1.0' });
    expect((await send(t, `/rest/self?version=${GA}`, { method: 'DELETE' })).status).toBe(405);
  });
});
