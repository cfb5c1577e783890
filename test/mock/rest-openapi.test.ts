import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../../src/mock/server.ts';
import { DocumentValidator } from '../../src/schema/document-validator.ts';
import { send, start } from './helpers.ts';

const ORG_MEMBERSHIPS_200 = '/paths/~1orgs~1{org_id}~1memberships/get/responses/200/content/application~1vnd.api+json/schema';

describe('the served OpenAPI documents (GET /rest/openapi, GET /rest/openapi/{version})', () => {
  let t: MockTenant;
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());

  it('should list the versions as a JSON array of version strings, oldest first', async () => {
    const a = await send(t, '/rest/openapi');
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/json');
    expect(a.headers['snyk-request-id']).toBeDefined();
    expect(Array.isArray(a.json)).toBe(true);
    expect(a.json).toContain('2024-08-25');
    expect(a.json).toContain('2024-05-09~experimental');
    expect(a.json).toContain('2021-09-13~beta');
    expect([...a.json].sort()).toEqual(a.json);
  });

  it('should refuse a request without credentials like every REST call', async () => {
    expect((await send(t, '/rest/openapi', { auth: 'none' })).status).toBe(401);
    expect((await send(t, '/rest/openapi/2024-10-15', { auth: 'none' })).status).toBe(401);
  });

  it('should serve the document effective at a version, with Snyk extensions and the version headers', async () => {
    const a = await send(t, '/rest/openapi/2024-10-15');
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/json');
    expect(a.headers['snyk-version-requested']).toBe('2024-10-15');
    expect(a.headers['snyk-version-served']).toBe('2024-08-25');
    const doc = a.json;
    expect(doc.openapi).toBe('3.1.0');
    const list = doc.paths['/orgs/{org_id}/memberships'].get;
    expect(list.operationId).toBe('listOrgMemberships');
    expect(list['x-snyk-api-stability']).toBe('ga');
    expect(list['x-snyk-api-version']).toBe('2024-08-25');
    expect(list['x-snyk-api-releases']).toEqual(['2024-05-09~experimental', '2024-08-25']);
    expect(Object.keys(list.responses)).toEqual(['200', '400', '401', '403', '404', '500']);
    // A GA document has no beta-only operation; the ~beta one has them.
    expect(doc.paths['/orgs/{org_id}/users/{id}']).toBeUndefined();
    const beta = await send(t, '/rest/openapi/2024-10-15~beta');
    expect(beta.json.paths['/orgs/{org_id}/users/{id}'].get['x-snyk-api-stability']).toBe('beta');
  });

  it('should answer 400 for a malformed or future version and 404 before any release', async () => {
    expect((await send(t, '/rest/openapi/not-a-version')).status).toBe(400);
    expect((await send(t, '/rest/openapi/2999-01-01')).status).toBe(400);
    expect((await send(t, '/rest/openapi/2020-01-01')).status).toBe(404);
  });

  it('should describe each memberships release as it is served: updated_at removed and login_method added at GA', async () => {
    for (const [version, experimental] of [['2024-08-01~experimental', true], ['2024-10-15', false]] as const) {
      const spec = await send(t, `/rest/openapi/${version}`);
      const validator = new DocumentValidator(spec.json);
      const body = await send(t, `/rest/orgs/${t.orgId}/memberships?version=${encodeURIComponent(version)}`);
      expect(body.status).toBe(200);
      expect(validator.validate(ORG_MEMBERSHIPS_200, body.json).errors).toEqual([]);
      const item = body.json.data[0];
      expect('updated_at' in item.attributes).toBe(experimental);
      expect('login_method' in item.relationships.user.data.attributes).toBe(!experimental);
      const attributes = spec.json.paths['/orgs/{org_id}/memberships'].get.responses['200'].content['application/vnd.api+json'].schema.$ref;
      expect(attributes).toBe(experimental ? '#/components/schemas/OrgMembershipList20240509' : '#/components/schemas/OrgMembershipList');
    }
  });

  it('should serve a document the GA body contradicts under drift org-memberships-spec-stale', async () => {
    t.setDrift('org-memberships-spec-stale');
    try {
      const spec = await send(t, '/rest/openapi/2024-10-15');
      const body = await send(t, `/rest/orgs/${t.orgId}/memberships?version=2024-10-15`);
      const errors = new DocumentValidator(spec.json).validate(ORG_MEMBERSHIPS_200, body.json).errors;
      expect(errors.some((e) => e.message.includes('updated_at'))).toBe(true);
    } finally {
      t.setDrift(undefined);
    }
  });
});
