/**
 * The operation catalogue: every operation INTERFACE.md names, with what its documentation makes certain.
 * Checks, the mock tenant and the client all read it, so an operation's contract is written down once.
 *
 * Sources: the pages in docs/sources.md: provision docs, REST Users reference, users-list docs, REST spec (`x-snyk-api-releases`), about-the-rest-api.
 */

export type ApiFamily = 'v1' | 'rest' | 'apiweb';
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

export const OPERATION_NAMES = [
  'POST /v1/org/{orgId}/provision',
  'GET /v1/org/{orgId}/provision',
  'DELETE /v1/org/{orgId}/provision',
  'GET /rest/self',
  'GET /rest/orgs/{org_id}/users/{id}',
  'PATCH /rest/groups/{group_id}/users/{id}',
  'GET /rest/orgs/{org_id}/memberships',
  'GET /rest/groups/{group_id}/memberships',
  'GET /rest/groups/{group_id}/audit_logs/search',
  'GET /rest/orgs/{org_id}/audit_logs/search',
  'GET /users/',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

/** What a documented response looks like: its body schema ($id in schemas/) and media types. */
export interface DocumentedResponse {
  /** `$id` of the body schema; undefined where the body is empty (204) or undocumented. */
  schema?: string;
  /** Documented media types; empty means "no body". */
  contentTypes: readonly string[];
}

export interface Operation {
  name: OperationName;
  api: ApiFamily;
  method: HttpMethod;
  /** Path template relative to the API origin, as in INTERFACE.md (`/rest/…`, `/v1/…`, `/users/`). */
  path: string;
  /** REST only: `ga` operations take a date, `beta` operations take `<date>~beta` (REST spec: beta-only operations have no GA release). */
  stability?: 'ga' | 'beta';
  /** REST only: first release at that stability; an earlier requested date answers 404. */
  firstRelease?: string;
  /** Request body schema `$id`, for operations with a body. */
  requestSchema?: string;
  requestContentType?: string;
  /** Documented statuses and their bodies. `2xx` alternatives documented in different sources are all listed. */
  responses: Readonly<Record<number, DocumentedResponse>>;
  /** Response headers the spec declares on every response of the operation (REST). */
  requiredHeaders: readonly string[];
  /** Whether the operation changes tenant state (never sent on a live tenant without --allow-writes). */
  writes: boolean;
  /** How a list operation pages. */
  pagination?: 'rest-cursor' | 'rest-audit-cursor' | 'apiweb-page' | 'none';
}

export const SCHEMA_BASE = 'https://snyk-tenant-check.dev/schemas/';
export const schemaId = (name: string): string => `${SCHEMA_BASE}${name}.schema.json`;

const JSONAPI = 'application/vnd.api+json';
const JSON_MT = 'application/json';

/** REST error statuses declared on every user-management operation (spec components/responses). */
const restErrors = (extra: number[] = []): Record<number, DocumentedResponse> =>
  Object.fromEntries(
    [400, 401, 403, 404, 500, ...extra].map((status) => [
      status,
      { schema: schemaId('rest/error-document'), contentTypes: [JSONAPI] },
    ]),
  );

/** v1 documents 401/403/404 without a schema; observed bodies are `{code, message, error}` (REST spec error documents). */
const v1Errors = (statuses: number[]): Record<number, DocumentedResponse> =>
  Object.fromEntries(
    statuses.map((status) => [status, { schema: schemaId('v1/error'), contentTypes: [JSON_MT] }]),
  );

/** The REST headers declared on every response (spec components/headers). */
export const REST_VERSION_HEADERS = [
  'snyk-request-id',
  'snyk-version-requested',
  'snyk-version-served',
  'snyk-version-lifecycle-stage',
] as const;

export const OPERATIONS: Readonly<Record<OperationName, Operation>> = {
  'POST /v1/org/{orgId}/provision': {
    name: 'POST /v1/org/{orgId}/provision',
    api: 'v1',
    method: 'POST',
    path: '/v1/org/{orgId}/provision',
    requestSchema: schemaId('v1/provision-request'),
    requestContentType: JSON_MT,
    responses: {
      200: { schema: schemaId('v1/provision-entry'), contentTypes: [JSON_MT] },
      ...v1Errors([400, 401, 403, 404, 409, 422, 500]),
    },
    requiredHeaders: [],
    writes: true,
  },
  'GET /v1/org/{orgId}/provision': {
    name: 'GET /v1/org/{orgId}/provision',
    api: 'v1',
    method: 'GET',
    path: '/v1/org/{orgId}/provision',
    responses: {
      200: { schema: schemaId('v1/provision-list'), contentTypes: [JSON_MT] },
      ...v1Errors([401, 403, 404, 500]),
    },
    requiredHeaders: [],
    writes: false,
    pagination: 'none',
  },
  'DELETE /v1/org/{orgId}/provision': {
    name: 'DELETE /v1/org/{orgId}/provision',
    api: 'v1',
    method: 'DELETE',
    path: '/v1/org/{orgId}/provision',
    responses: {
      200: { schema: schemaId('v1/provision-delete-response'), contentTypes: [JSON_MT] },
      ...v1Errors([400, 401, 403, 404, 500]),
    },
    requiredHeaders: [],
    writes: true,
  },
  'GET /rest/self': {
    name: 'GET /rest/self',
    api: 'rest',
    method: 'GET',
    path: '/rest/self',
    stability: 'ga',
    firstRelease: '2024-04-22',
    responses: { 200: { schema: schemaId('rest/self-document'), contentTypes: [JSONAPI] }, ...restErrors() },
    requiredHeaders: REST_VERSION_HEADERS,
    writes: false,
  },
  'GET /rest/orgs/{org_id}/users/{id}': {
    name: 'GET /rest/orgs/{org_id}/users/{id}',
    api: 'rest',
    method: 'GET',
    path: '/rest/orgs/{org_id}/users/{id}',
    stability: 'beta',
    firstRelease: '2021-09-13',
    responses: { 200: { schema: schemaId('rest/org-user-document'), contentTypes: [JSONAPI] }, ...restErrors() },
    requiredHeaders: REST_VERSION_HEADERS,
    writes: false,
  },
  'PATCH /rest/groups/{group_id}/users/{id}': {
    name: 'PATCH /rest/groups/{group_id}/users/{id}',
    api: 'rest',
    method: 'PATCH',
    path: '/rest/groups/{group_id}/users/{id}',
    stability: 'beta',
    firstRelease: '2022-10-06',
    requestSchema: schemaId('rest/group-user-patch-request'),
    requestContentType: JSONAPI,
    // 204 in the REST spec, 200 in the REST Users reference; either 2xx without a body.
    responses: { 204: { contentTypes: [] }, 200: { contentTypes: [] }, ...restErrors() },
    requiredHeaders: REST_VERSION_HEADERS,
    writes: true,
  },
  'GET /rest/orgs/{org_id}/memberships': {
    name: 'GET /rest/orgs/{org_id}/memberships',
    api: 'rest',
    method: 'GET',
    path: '/rest/orgs/{org_id}/memberships',
    stability: 'ga',
    firstRelease: '2024-08-25',
    responses: {
      200: { schema: schemaId('rest/org-membership-list'), contentTypes: [JSONAPI] },
      ...restErrors(),
    },
    requiredHeaders: REST_VERSION_HEADERS,
    writes: false,
    pagination: 'rest-cursor',
  },
  'GET /rest/groups/{group_id}/memberships': {
    name: 'GET /rest/groups/{group_id}/memberships',
    api: 'rest',
    method: 'GET',
    path: '/rest/groups/{group_id}/memberships',
    stability: 'ga',
    firstRelease: '2024-08-25',
    responses: {
      200: { schema: schemaId('rest/group-membership-list'), contentTypes: [JSONAPI] },
      ...restErrors(),
    },
    requiredHeaders: REST_VERSION_HEADERS,
    writes: false,
    pagination: 'rest-cursor',
  },
  'GET /rest/groups/{group_id}/audit_logs/search': {
    name: 'GET /rest/groups/{group_id}/audit_logs/search',
    api: 'rest',
    method: 'GET',
    path: '/rest/groups/{group_id}/audit_logs/search',
    stability: 'ga',
    firstRelease: '2023-09-11',
    responses: {
      200: { schema: schemaId('rest/audit-log-search-page'), contentTypes: [JSONAPI] },
      ...restErrors(),
    },
    requiredHeaders: REST_VERSION_HEADERS,
    writes: false,
    pagination: 'rest-audit-cursor',
  },
  'GET /rest/orgs/{org_id}/audit_logs/search': {
    name: 'GET /rest/orgs/{org_id}/audit_logs/search',
    api: 'rest',
    method: 'GET',
    path: '/rest/orgs/{org_id}/audit_logs/search',
    stability: 'ga',
    firstRelease: '2023-09-11',
    responses: {
      200: { schema: schemaId('rest/audit-log-search-page'), contentTypes: [JSONAPI] },
      ...restErrors(),
    },
    requiredHeaders: REST_VERSION_HEADERS,
    writes: false,
    pagination: 'rest-audit-cursor',
  },
  'GET /users/': {
    name: 'GET /users/',
    api: 'apiweb',
    method: 'GET',
    path: '/users/',
    responses: {
      200: { schema: schemaId('apiweb/user-list'), contentTypes: [JSON_MT] },
      // users-list docs documents 200/400/401/500; a page past the last one is 404 (DRF pagination).
      400: { schema: schemaId('apiweb/field-errors'), contentTypes: [JSON_MT] },
      401: { schema: schemaId('apiweb/error'), contentTypes: [JSON_MT] },
      403: { schema: schemaId('apiweb/error'), contentTypes: [JSON_MT] },
      404: { schema: schemaId('apiweb/error'), contentTypes: [JSON_MT] },
      500: { schema: schemaId('apiweb/error'), contentTypes: [JSON_MT] },
    },
    requiredHeaders: [],
    writes: false,
    pagination: 'apiweb-page',
  },
};

/** Fills `{param}` placeholders of an operation's path template. */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`missing path parameter ${key} for ${template}`);
    return encodeURIComponent(value);
  });
}

/** The REST version to send for an operation: beta-only operations need `~beta` (REST spec: they have no GA release, so a GA date answers 404). */
export function versionFor(op: Operation, gaDate: string): string | undefined {
  if (op.api !== 'rest') return undefined;
  const date = gaDate.replace(/~.*$/, '');
  return op.stability === 'beta' ? `${date}~beta` : gaDate;
}

/** audit-log docs: REST 1,620/min and v1 2,000/min per API key; API & Web publishes none (a cautious 600). */
// API & Web publishes no limit (audit-log docs): a guessed cap would make a 100k-user audit take minutes for
// nothing, so the client paces it only by what the server says (429 + Retry-After, X-RateLimit-Limit learned).
export const DEFAULT_RATE_LIMITS: Readonly<Record<ApiFamily, number>> = { rest: 1620, v1: 2000, apiweb: 60_000 };

/** The pinned default REST version (docs: "Snyk recommends using 2024-10-15"). */
export const DEFAULT_REST_VERSION = '2024-10-15';

/** The list operations that page (and filter and sort): memberships, audit-log search and `GET /users/`. */
export const LIST_OPERATIONS: readonly OperationName[] = OPERATION_NAMES.filter((name) => {
  const pagination = OPERATIONS[name].pagination;
  return pagination !== undefined && pagination !== 'none';
});
