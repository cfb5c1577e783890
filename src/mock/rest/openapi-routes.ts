/**
 * `GET /rest/openapi` (listAPIVersions) and `GET /rest/openapi/{version}` (getAPIVersion), as the Snyk REST
 * OpenAPI spec declares them: authenticated like every REST call (global `security`), no `version` query
 * parameter, `application/json` bodies (a JSON array of version strings; one OpenAPI document), the
 * document's response carrying `snyk-version-requested` and `snyk-version-served`.
 */
import { checkSnykAuth } from '../auth.ts';
import type { HandlerContext } from '../http/handler-context.ts';
import { decodeSegment, header } from '../http/mock-request.ts';
import { jsonResponse, JSON_TYPE, type MockResponse } from '../http/mock-response.ts';
import { openapiDocument, openapiVersions } from './openapi-document.ts';
import { restError } from './rest-errors.ts';

const DOCUMENT = /^\/rest\/openapi\/([^/]+)$/;

/** The response to an `/rest/openapi…` request, or undefined when the path is not one. */
export function handleOpenapi(ctx: HandlerContext): MockResponse | undefined {
  const { req } = ctx;
  const isList = req.path === '/rest/openapi';
  const match = isList ? null : DOCUMENT.exec(req.path);
  if (!isList && !match) return undefined;
  const headers: Record<string, string> = { 'snyk-request-id': ctx.requestId };
  if (req.method !== 'GET') {
    return restError(ctx.requestId, 405, `Method ${req.method} is not allowed on ${req.path}`, { ...headers, allow: 'GET' });
  }
  const auth = checkSnykAuth(header(req, 'authorization'), ctx.tenant.snykToken);
  if (auth !== 'ok') return restError(ctx.requestId, 401, 'The Authorization header does not carry a valid token', headers);
  if (isList) return jsonResponse(200, openapiVersions(), JSON_TYPE, headers);

  const requested = decodeSegment(match![1]!);
  const spec = openapiDocument(requested, {
    today: ctx.tenant.clock.today(),
    overrides: ctx.tenant.restLifecycle,
    staleOrgMembershipSpec: ctx.drift('org-memberships-spec-stale'),
  });
  if (!spec.ok) return restError(ctx.requestId, spec.status, spec.detail, headers, { parameter: 'version' });
  return jsonResponse(200, spec.document, JSON_TYPE, {
    ...headers,
    'snyk-version-requested': requested,
    'snyk-version-served': spec.served,
  });
}
