import { describe, expect, it } from 'vitest';
import { contentTypeConformance } from '../../src/contract/checks/content-type-conformance.ts';
import { ignoredAuth } from '../../src/contract/checks/ignored-auth.ts';
import { jsonapiStructure } from '../../src/contract/checks/jsonapi-structure.ts';
import { negativeDataRejection } from '../../src/contract/checks/negative-data-rejection.ts';
import { notAServerError } from '../../src/contract/checks/not-a-server-error.ts';
import { positiveDataAcceptance } from '../../src/contract/checks/positive-data-acceptance.ts';
import { responseHeadersConformance } from '../../src/contract/checks/response-headers-conformance.ts';
import { responseSchemaConformance } from '../../src/contract/checks/response-schema-conformance.ts';
import { statusCodeConformance } from '../../src/contract/checks/status-code-conformance.ts';
import { canned, cannedCase, offlineContext, REST_HEADERS } from './helpers/canned.ts';
import { judgeResponse } from '../../src/contract/judge-response.ts';
import { CHECKS } from '../../src/contract/registry.ts';
import type { ResponseCheck } from '../../src/contract/check-types.ts';

const ctx = offlineContext();
const JSONAPI = 'application/vnd.api+json';
const SELF = 'GET /rest/self' as const;
const SELF_DOC = {
  jsonapi: { version: '1.0' },
  data: {
    type: 'user',
    id: '55a348e2-c3ad-4bbc-b40e-9b232d1f4122',
    attributes: { name: 'Jane', email: 'jane@example.com', avatar_url: 'https://example.com/a.png', username: 'jane' },
  },
  links: { self: '/rest/self?version=2024-10-15' },
};
const ERROR_DOC = { jsonapi: { version: '1.0' }, errors: [{ status: '404', detail: 'not found' }] };

describe('not_a_server_error', () => {
  it('should pass a 4xx and fail a 5xx with the received status', () => {
    expect(notAServerError.evaluate(ctx, canned(404, ERROR_DOC), cannedCase(SELF)).status).toBe('pass');
    const v = notAServerError.evaluate(ctx, canned(503, 'oops'), cannedCase(SELF));
    expect(v.status).toBe('fail');
    expect(v.status === 'fail' && v.message).toContain('Received: 503');
  });

  it('should treat a 429 as neither pass nor fail, for every response check', () => {
    const responseChecks = CHECKS.filter((c): c is ResponseCheck => c.kind === 'response');
    expect(responseChecks.map((c) => c.id)).toContain('not_a_server_error');
    for (const check of responseChecks) {
      expect(judgeResponse(check, ctx, canned(429), cannedCase(SELF)).status, check.id).toBe('not_applicable');
    }
    // The checks themselves still judge a real answer.
    expect(judgeResponse(notAServerError, ctx, canned(503, 'oops'), cannedCase(SELF)).status).toBe('fail');
  });
});

describe('status_code_conformance', () => {
  it('should pass a documented status and fail an undocumented one listing the documented ones', () => {
    expect(statusCodeConformance.evaluate(ctx, canned(404, ERROR_DOC), cannedCase(SELF)).status).toBe('pass');
    const v = statusCodeConformance.evaluate(ctx, canned(418, ERROR_DOC), cannedCase(SELF));
    expect(v.status).toBe('fail');
    if (v.status === 'fail') {
      expect(v.title).toBe('Undocumented HTTP status code');
      expect(v.message).toContain('Received: 418');
      expect(v.message).toContain('Documented: 200, 400, 401, 403, 404, 500');
    }
  });

  it('should accept both 200 and 204 from PATCH group user (REST spec 204, REST Users reference 200)', () => {
    const patch = cannedCase('PATCH /rest/groups/{group_id}/users/{id}');
    expect(statusCodeConformance.evaluate(ctx, canned(200), patch).status).toBe('pass');
    expect(statusCodeConformance.evaluate(ctx, canned(204), patch).status).toBe('pass');
    expect(statusCodeConformance.evaluate(ctx, canned(201), patch).status).toBe('fail');
  });
});

describe('content_type_conformance', () => {
  it('should pass the documented media type and ignore its parameters', () => {
    expect(contentTypeConformance.evaluate(ctx, canned(200, SELF_DOC, {}, JSONAPI), cannedCase(SELF)).status).toBe('pass');
    const v1 = canned(200, [], {}, 'application/json; charset=utf-8');
    expect(contentTypeConformance.evaluate(ctx, v1, cannedCase('GET /v1/org/{orgId}/provision')).status).toBe('pass');
  });

  it('should fail an undocumented media type and a missing Content-Type', () => {
    const wrong = contentTypeConformance.evaluate(ctx, canned(200, SELF_DOC, {}, 'application/json'), cannedCase(SELF));
    expect(wrong.status === 'fail' && wrong.message).toContain('Received: application/json');
    const html = canned(200, '<html></html>', {}, 'text/html; charset=utf-8');
    expect(contentTypeConformance.evaluate(ctx, html, cannedCase('GET /v1/org/{orgId}/provision')).status).toBe('fail');
    const bare = { ...canned(200, SELF_DOC), headers: {}, contentType: undefined };
    expect(contentTypeConformance.evaluate(ctx, bare, cannedCase(SELF)).status).toBe('fail');
  });

  it('should require an empty body where none is documented (PATCH 204/200)', () => {
    const patch = cannedCase('PATCH /rest/groups/{group_id}/users/{id}');
    expect(contentTypeConformance.evaluate(ctx, canned(204), patch).status).toBe('pass');
    expect(contentTypeConformance.evaluate(ctx, canned(200, { ok: true }, {}, JSONAPI), patch).status).toBe('fail');
  });
});

describe('response_headers_conformance', () => {
  it('should pass a REST success with valid version headers', () => {
    expect(responseHeadersConformance.evaluate(ctx, canned(200, SELF_DOC, REST_HEADERS, JSONAPI), cannedCase(SELF)).status).toBe('pass');
  });

  it('should fail a REST success without snyk-request-id', () => {
    const { 'snyk-request-id': _dropped, ...rest } = REST_HEADERS;
    const v = responseHeadersConformance.evaluate(ctx, canned(200, SELF_DOC, rest, JSONAPI), cannedCase(SELF));
    expect(v.status === 'fail' && v.message).toContain('Missing: snyk-request-id');
  });

  it('should fail an invalid lifecycle stage and a malformed sunset, and accept a YYYY-MM-DD sunset', () => {
    const stage = responseHeadersConformance.evaluate(ctx, canned(200, SELF_DOC, { ...REST_HEADERS, 'snyk-version-lifecycle-stage': 'stable' }, JSONAPI), cannedCase(SELF));
    expect(stage.status).toBe('fail');
    const sunset = responseHeadersConformance.evaluate(ctx, canned(200, SELF_DOC, { ...REST_HEADERS, sunset: 'soon' }, JSONAPI), cannedCase(SELF));
    expect(sunset.status).toBe('fail');
    const ok = responseHeadersConformance.evaluate(ctx, canned(200, SELF_DOC, { ...REST_HEADERS, sunset: '2025-03-01', deprecation: '2024-09-01T00:00:00Z' }, JSONAPI), cannedCase(SELF));
    expect(ok.status).toBe('pass');
  });

  it('should not require the declared headers on a REST error, but judge them when present', () => {
    // The spec declares them on error responses without marking them required; a gateway may answer first.
    const id = { 'snyk-request-id': REST_HEADERS['snyk-request-id'] };
    expect(responseHeadersConformance.evaluate(ctx, canned(401, ERROR_DOC, id, JSONAPI), cannedCase(SELF)).status).toBe('pass');
    expect(responseHeadersConformance.evaluate(ctx, canned(401, ERROR_DOC, {}, JSONAPI), cannedCase(SELF)).status).toBe('pass');
    const bad = { 'snyk-request-id': 'not-a-uuid' };
    expect(responseHeadersConformance.evaluate(ctx, canned(401, ERROR_DOC, bad, JSONAPI), cannedCase(SELF)).status).toBe('fail');
  });

  it('should require x-error-reference on v1 errors', () => {
    const del = cannedCase('DELETE /v1/org/{orgId}/provision');
    const body = { code: 404, message: 'not found', error: 'not found' };
    expect(responseHeadersConformance.evaluate(ctx, canned(404, body), del).status).toBe('fail');
    expect(responseHeadersConformance.evaluate(ctx, canned(404, body, { 'x-error-reference': 'ab12' }), del).status).toBe('pass');
  });
});

describe('response_schema_conformance', () => {
  it('should pass a document valid against its schema, extra fields included where the schema is open', () => {
    expect(responseSchemaConformance.evaluate(ctx, canned(200, { ...SELF_DOC, meta: { extra: 1 } }, REST_HEADERS, JSONAPI), cannedCase(SELF)).status).toBe('pass');
  });

  it('should fail a document without its required jsonapi member, naming the schema path', () => {
    const { jsonapi: _j, ...doc } = SELF_DOC;
    const v = responseSchemaConformance.evaluate(ctx, canned(200, doc, REST_HEADERS, JSONAPI), cannedCase(SELF));
    expect(v.status).toBe('fail');
    expect(v.status === 'fail' && v.message).toMatch(/jsonapi/);
  });

  it('should fail a body that is not JSON where a schema is documented', () => {
    const v = responseSchemaConformance.evaluate(ctx, canned(200, '<html>', {}, 'text/html'), cannedCase('GET /v1/org/{orgId}/provision'));
    expect(v.status === 'fail' && v.message).toContain('not JSON');
  });

  it('should accept API & Web dates with and without a zone (users-list docs, graph-probely recording)', () => {
    const user = (changed: string) => ({
      id: 'qZUYXFizzHty',
      email: 'a@example.com',
      name: 'A',
      is_billing_admin: false,
      changed_by: { id: 'qZUYXFizzHty', name: 'A' },
      changed,
      labels: [],
      last_login: null,
      is_apiuser: false,
      mfa_enabled: true,
    });
    const page = (changed: string) => ({ count: 1, page_total: 1, page: 1, length: 10, results: [user(changed)] });
    const users = cannedCase('GET /users/');
    expect(responseSchemaConformance.evaluate(ctx, canned(200, page('2023-08-09T13:27:43.8208302')), users).status).toBe('pass');
    expect(responseSchemaConformance.evaluate(ctx, canned(200, page('2022-05-16T11:50:53.914329Z')), users).status).toBe('pass');
    expect(responseSchemaConformance.evaluate(ctx, canned(200, page('09/08/2023 13:27:43')), users).status).toBe('fail');
  });

  it('should not judge a response whose fields were excluded on request', () => {
    const c = cannedCase('GET /users/', 'positive', {}, { query: { exclude: ['email'] } });
    expect(responseSchemaConformance.evaluate(ctx, canned(200, { results: [{ id: 'x' }] }), c).status).toBe('not_applicable');
  });
});

describe('negative_data_rejection', () => {
  const negative = cannedCase('GET /rest/orgs/{org_id}/memberships', 'negative', { invalidComponent: 'query.limit' });

  it('should pass a 4xx and fail a 2xx to a schema-violating request', () => {
    expect(negativeDataRejection.evaluate(ctx, canned(400, ERROR_DOC), negative).status).toBe('pass');
    const v = negativeDataRejection.evaluate(ctx, canned(200, {}), negative);
    expect(v.status === 'fail' && v.message).toContain('Invalid component: query.limit');
  });

  it('should not judge positive cases', () => {
    expect(negativeDataRejection.evaluate(ctx, canned(200, {}), cannedCase(SELF, 'positive')).status).toBe('not_applicable');
  });
});

describe('positive_data_acceptance', () => {
  it('should pass a 2xx and fail a 400 to a valid request', () => {
    const c = cannedCase('GET /users/', 'positive');
    expect(positiveDataAcceptance.evaluate(ctx, canned(200, {}), c).status).toBe('pass');
    expect(positiveDataAcceptance.evaluate(ctx, canned(400, { length: ['bad'] }), c).status).toBe('fail');
  });

  it('should honour a case that documents a non-success answer', () => {
    const c = cannedCase('DELETE /v1/org/{orgId}/provision', 'example', { expected: [404] });
    expect(positiveDataAcceptance.evaluate(ctx, canned(404, { message: 'x' }), c).status).toBe('pass');
    expect(positiveDataAcceptance.evaluate(ctx, canned(200, { ok: true }), c).status).toBe('fail');
  });
});

describe('ignored_auth', () => {
  const noAuth = cannedCase(SELF, 'auth', {}, { auth: 'none' });

  it('should pass 401 and 403 and fail a 200 without credentials', () => {
    expect(ignoredAuth.evaluate(ctx, canned(401, ERROR_DOC), noAuth).status).toBe('pass');
    expect(ignoredAuth.evaluate(ctx, canned(403, ERROR_DOC), noAuth).status).toBe('pass');
    const v = ignoredAuth.evaluate(ctx, canned(200, SELF_DOC), noAuth);
    expect(v.status === 'fail' && v.message).toContain('Credentials: none');
    expect(v.status === 'fail' && v.severity).toBe('critical');
  });
});

describe('jsonapi_structure', () => {
  it('should pass a resource document and an error document', () => {
    expect(jsonapiStructure.evaluate(ctx, canned(200, SELF_DOC, {}, JSONAPI), cannedCase(SELF)).status).toBe('pass');
    expect(jsonapiStructure.evaluate(ctx, canned(404, ERROR_DOC, {}, JSONAPI), cannedCase(SELF)).status).toBe('pass');
  });

  it('should fail data and errors together, a resource without id, and an error status that is not the HTTP status', () => {
    const both = jsonapiStructure.evaluate(ctx, canned(200, { ...SELF_DOC, errors: [] }, {}, JSONAPI), cannedCase(SELF));
    expect(both.status === 'fail' && both.message).toContain('data and errors coexist');
    const noId = jsonapiStructure.evaluate(ctx, canned(200, { ...SELF_DOC, data: { type: 'user' } }, {}, JSONAPI), cannedCase(SELF));
    expect(noId.status).toBe('fail');
    const mismatch = jsonapiStructure.evaluate(ctx, canned(404, { jsonapi: { version: '1.0' }, errors: [{ status: '500', detail: 'x' }] }, {}, JSONAPI), cannedCase(SELF));
    expect(mismatch.status === 'fail' && mismatch.message).toContain('HTTP status is 404');
  });

  it('should fail links.next equal to links.self and accept link objects', () => {
    const loop = { ...SELF_DOC, data: [], links: { self: '/orgs/x/memberships?a=1', next: '/orgs/x/memberships?a=1' } };
    expect(jsonapiStructure.evaluate(ctx, canned(200, loop, {}, JSONAPI), cannedCase('GET /rest/orgs/{org_id}/memberships')).status).toBe('fail');
    const objects = { ...SELF_DOC, data: [], links: { self: { href: '/orgs/x/memberships' }, next: { href: '/rest/orgs/x/memberships?starting_after=a' } } };
    expect(jsonapiStructure.evaluate(ctx, canned(200, objects, {}, JSONAPI), cannedCase('GET /rest/orgs/{org_id}/memberships')).status).toBe('pass');
  });

  it('should only warn about media type parameters', () => {
    const v = jsonapiStructure.evaluate(ctx, canned(200, SELF_DOC, {}, 'application/vnd.api+json; charset=utf-8'), cannedCase(SELF));
    expect(v.status).toBe('pass');
    expect(v.status === 'pass' && v.warnings?.[0]).toContain('media type parameters');
  });
});
