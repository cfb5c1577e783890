/**
 * The REST API below `/rest`: route → authentication (`token`/`bearer`) → version negotiation → declared
 * query parameters and path formats → handler, with the version headers on every response
 * (REST spec; about-the-rest-api). Version- and header-level drifts are applied here.
 */
import { parseRestVersion } from '../../model/rest-version.ts';
import { checkSnykAuth } from '../auth.ts';
import { isoDate } from '../clock.ts';
import type { DriftName } from '../drifts.ts';
import type { HandlerContext } from '../http/handler-context.ts';
import { decodeSegment, header } from '../http/mock-request.ts';
import type { MockResponse } from '../http/mock-response.ts';
import { handleAuditSearch, AUDIT_PARAMS } from './audit-logs.ts';
import { handleGroupUserPatch } from './group-user-patch.ts';
import { GROUP_MEMBERSHIP_PARAMS, handleMemberships, ORG_MEMBERSHIP_PARAMS } from './memberships.ts';
import { handleOpenapi } from './openapi-routes.ts';
import { handleOrgUser } from './org-user.ts';
import type { RestOperationName } from './releases.ts';
import { parseRelease, releasesOf } from './releases.ts';
import type { RestContext } from './rest-context.ts';
import { restError } from './rest-errors.ts';
import { repeatedParameter, unknownParameter, UUID } from './rest-query.ts';
import { handleSelf } from './self.ts';
import { resolveVersion, versionHeaders, type VersionResolution } from './versioning.ts';

interface RestRoute {
  op: RestOperationName;
  method: string;
  pattern: RegExp;
  /** Names of the path parameters, in order; all are UUIDs. */
  params: readonly string[];
  /** Declared query parameters besides `version`. */
  query: readonly string[];
  /** Parameters that may be repeated (arrays). */
  arrays?: readonly string[];
  handle(ctx: RestContext): MockResponse;
  /** Drift that lets unauthenticated requests through. */
  openDrift?: DriftName;
}

const SEGMENT = '([^/]+)';

const ROUTES: readonly RestRoute[] = [
  {
    op: 'GET /rest/self',
    method: 'GET',
    pattern: /^\/rest\/self$/,
    params: [],
    query: [],
    handle: handleSelf,
    openDrift: 'self-unauthenticated',
  },
  {
    op: 'GET /rest/orgs/{org_id}/users/{id}',
    method: 'GET',
    pattern: new RegExp(`^/rest/orgs/${SEGMENT}/users/${SEGMENT}$`),
    params: ['org_id', 'id'],
    query: [],
    handle: handleOrgUser,
  },
  {
    op: 'PATCH /rest/groups/{group_id}/users/{id}',
    method: 'PATCH',
    pattern: new RegExp(`^/rest/groups/${SEGMENT}/users/${SEGMENT}$`),
    params: ['group_id', 'id'],
    query: [],
    handle: handleGroupUserPatch,
  },
  {
    op: 'GET /rest/orgs/{org_id}/memberships',
    method: 'GET',
    pattern: new RegExp(`^/rest/orgs/${SEGMENT}/memberships$`),
    params: ['org_id'],
    query: ORG_MEMBERSHIP_PARAMS,
    handle: (ctx) => handleMemberships(ctx, 'org'),
  },
  {
    op: 'GET /rest/groups/{group_id}/memberships',
    method: 'GET',
    pattern: new RegExp(`^/rest/groups/${SEGMENT}/memberships$`),
    params: ['group_id'],
    query: GROUP_MEMBERSHIP_PARAMS,
    handle: (ctx) => handleMemberships(ctx, 'group'),
  },
  {
    op: 'GET /rest/groups/{group_id}/audit_logs/search',
    method: 'GET',
    pattern: new RegExp(`^/rest/groups/${SEGMENT}/audit_logs/search$`),
    params: ['group_id'],
    query: AUDIT_PARAMS,
    arrays: ['events', 'exclude_events'],
    handle: (ctx) => handleAuditSearch(ctx, 'group'),
  },
  {
    op: 'GET /rest/orgs/{org_id}/audit_logs/search',
    method: 'GET',
    pattern: new RegExp(`^/rest/orgs/${SEGMENT}/audit_logs/search$`),
    params: ['org_id'],
    query: AUDIT_PARAMS,
    arrays: ['events', 'exclude_events'],
    handle: (ctx) => handleAuditSearch(ctx, 'org'),
    openDrift: 'org-audit-unauthenticated',
  },
];

function negotiate(ctx: HandlerContext, op: RestOperationName, requested: string | null): VersionResolution {
  const { tenant } = ctx;
  const today = tenant.clock.today();
  let asked = requested;
  if (
    asked &&
    op === 'GET /rest/orgs/{org_id}/users/{id}' &&
    ctx.drift('org-user-ga-version-accepted') &&
    parseRestVersion(asked)?.stability === 'ga'
  ) {
    asked = `${asked}~beta`;
  }
  if (asked && op === 'GET /rest/orgs/{org_id}/audit_logs/search' && ctx.drift('org-audit-future-version-accepted')) {
    const date = parseRestVersion(asked)?.date;
    if (date !== undefined && date > today) asked = today + asked.slice(10);
  }
  const resolution = resolveVersion(op, asked, today, tenant.restLifecycle);
  if (resolution.ok) {
    resolution.requested = requested ?? '';
    if (op === 'GET /rest/orgs/{org_id}/memberships' && ctx.drift('org-memberships-serves-experimental')) {
      const experimental = releasesOf(op).find((r) => r.stability === 'experimental');
      if (experimental) {
        resolution.served = experimental;
        resolution.stage = 'experimental';
        delete resolution.deprecation;
        delete resolution.sunset;
      }
    }
    if (op === 'GET /rest/self' && ctx.drift('self-served-newer-than-requested')) {
      const base = parseRestVersion(resolution.requested)?.date ?? today;
      resolution.served = parseRelease(isoDate(Date.parse(`${base}T00:00:00Z`) + 30 * 86_400_000));
    }
  }
  return resolution;
}

/** Header drifts, applied to every response of the drifting operation. */
function driftHeaders(ctx: HandlerContext, op: RestOperationName, response: MockResponse): MockResponse {
  const h = response.headers;
  if (op === 'GET /rest/self') {
    if (ctx.drift('self-missing-request-id')) delete h['snyk-request-id'];
    if (ctx.drift('self-json-content-type') && h['content-type']) h['content-type'] = 'application/json';
  }
  if (
    op === 'GET /rest/orgs/{org_id}/users/{id}' &&
    ctx.drift('org-user-invalid-lifecycle-stage') &&
    h['snyk-version-lifecycle-stage']
  ) {
    h['snyk-version-lifecycle-stage'] = 'stable';
  }
  if (
    op === 'PATCH /rest/groups/{group_id}/users/{id}' &&
    (ctx.drift('group-user-patch-missing-version-headers') || ctx.realistic('group-removal-without-version-headers'))
  ) {
    delete h['snyk-version-served'];
    delete h['snyk-version-lifecycle-stage'];
  }
  if (op === 'GET /rest/orgs/{org_id}/audit_logs/search' && ctx.drift('org-audit-missing-served-header'))
    delete h['snyk-version-served'];
  return response;
}

export function handleRest(ctx: HandlerContext): MockResponse {
  const { req } = ctx;
  const baseHeaders = { 'snyk-request-id': ctx.requestId };
  const openapi = handleOpenapi(ctx);
  if (openapi) return openapi;
  const candidates = ROUTES.filter((r) => r.pattern.test(req.path));
  if (candidates.length === 0)
    return restError(ctx.requestId, 404, `The resource ${req.path} was not found`, baseHeaders);
  const route = candidates.find((r) => r.method === req.method);
  if (!route) {
    const allow = candidates.map((r) => r.method).join(', ');
    return restError(ctx.requestId, 405, `Method ${req.method} is not allowed on ${req.path}`, {
      ...baseHeaders,
      allow,
    });
  }
  const requested = req.query.get('version');
  const resolution = negotiate(ctx, route.op, requested);
  const headers = versionHeaders(ctx.requestId, resolution, requested);
  const withoutJsonapi =
    route.op === 'GET /rest/orgs/{org_id}/users/{id}' && ctx.drift('org-user-error-without-jsonapi');
  const fail = (status: number, detail: string, parameter?: string): MockResponse =>
    driftHeaders(ctx, route.op, restError(ctx.requestId, status, detail, headers, { parameter, withoutJsonapi }));

  const open = route.openDrift !== undefined && ctx.drift(route.openDrift);
  if (!open) {
    const auth = checkSnykAuth(header(req, 'authorization'), ctx.tenant.snykToken);
    if (auth === 'missing')
      return fail(401, 'Authentication credentials were not provided: send Authorization: token <API token>');
    if (auth === 'invalid') return fail(401, 'The Authorization header does not carry a valid token');
  }
  if (!resolution.ok) return fail(resolution.status, resolution.detail, 'version');

  const unknown = unknownParameter(req.query, route.query);
  if (unknown !== undefined) return fail(400, `Unknown query parameter '${unknown}'`, unknown);
  const single = ['version', ...route.query.filter((q) => !route.arrays?.includes(q))];
  const repeated = repeatedParameter(req.query, single);
  if (repeated !== undefined) return fail(400, `Query parameter '${repeated}' must be given once`, repeated);

  const match = route.pattern.exec(req.path)!;
  const params: Record<string, string> = {};
  for (let i = 0; i < route.params.length; i++) {
    const name = route.params[i]!;
    const value = decodeSegment(match[i + 1]!);
    if (!UUID.test(value)) return fail(400, `Path parameter '${name}' must be a UUID`, name);
    params[name] = value;
  }

  const rctx: RestContext = {
    ...ctx,
    drift: ctx.drift,
    op: route.op,
    params,
    resolution,
    headers,
    errorsWithoutJsonapi: withoutJsonapi,
  };
  return driftHeaders(ctx, route.op, route.handle(rctx));
}
