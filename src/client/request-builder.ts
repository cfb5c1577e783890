/**
 * RequestSpec → what goes on the wire: the URL (API origin, `/rest` prefix, query, REST `version`), the
 * headers (auth per API, media types), the body, and whether the request may be retried.
 */
import { ConfigError, StcError, ERROR_CODES } from '../model/errors.ts';
import { OPERATIONS, versionFor, type OperationName } from '../model/operations.ts';
import type { TenantConfig } from '../config/tenant-config.ts';
import type { QueryValue, RequestSpec } from './types.ts';

/** Well-formed wrong credentials for `auth: 'invalid'` (auth checks). Not secrets: records keep them. */
export const INVALID_SNYK_TOKEN = '00000000-0000-4000-8000-000000000000';
// A JWT-shaped value: header {"alg":"HS256","typ":"JWT"}, payload {"sub":"snyk-tenant-check-invalid"}.
export const INVALID_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzbnlrLXRlbmFudC1jaGVjay1pbnZhbGlkIn0.aW52YWxpZC1zaWduYXR1cmU';

const JSONAPI = 'application/vnd.api+json';
const JSON_MT = 'application/json';

export interface BuiltRequest {
  origin: string;
  /** Path and query as sent. */
  path: string;
  /** origin + path (may hold secrets only if a caller put them there; redact before showing). */
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  retryable: boolean;
  retryConnect: boolean;
}

export function buildRequest(spec: RequestSpec, config: TenantConfig, userAgent: string): BuiltRequest {
  const base = new URL(spec.api === 'apiweb' ? config.apiwebUrl : config.snykApiUrl);
  const basePath = base.pathname.replace(/\/+$/, '');

  let rel = spec.path;
  if (/^[a-z][a-z0-9+.-]*:/i.test(rel)) {
    const absolute = new URL(rel);
    if (absolute.origin !== base.origin) {
      throw new StcError(
        ERROR_CODES.INVALID_REQUEST,
        `refusing to send ${spec.operation} to ${absolute.origin}: credentials only go to ${base.origin}`,
      );
    }
    rel = `${absolute.pathname}${absolute.search}`;
  }
  if (!rel.startsWith('/')) {
    throw new StcError(
      ERROR_CODES.INVALID_REQUEST,
      `${spec.operation}: path must start with '/' (got ${JSON.stringify(spec.path)})`,
    );
  }
  const q = rel.indexOf('?');
  let pathname = q === -1 ? rel : rel.slice(0, q);
  const search = q === -1 ? '' : rel.slice(q + 1);
  if (/[{}]/.test(pathname)) {
    throw new StcError(ERROR_CODES.INVALID_REQUEST, `${spec.operation}: path ${pathname} has an unfilled parameter`);
  }
  // A link from a server mounted below a path prefix may repeat the prefix.
  if (basePath && pathname.startsWith(`${basePath}/`)) pathname = pathname.slice(basePath.length);
  // about-the-rest-api, pagination: `links.next` comes with or without the `/rest` prefix.
  if (spec.api === 'rest' && pathname !== '/rest' && !pathname.startsWith('/rest/')) pathname = `/rest${pathname}`;

  const extra: string[] = [];
  const existing = new URLSearchParams(search);
  for (const [key, value] of Object.entries(spec.query ?? {})) appendQuery(extra, key, value);
  if (spec.api === 'rest' && !existing.has('version') && spec.query?.version === undefined) {
    const version = restVersion(spec, config);
    if (version !== undefined) appendQuery(extra, 'version', version);
  }
  // A `links.next` query is used verbatim (its cursor encoding included); ours is appended.
  const query = [search, ...extra].filter((part) => part.length > 0).join('&');
  const path = `${basePath}${pathname}${query ? `?${query}` : ''}`;

  const headers: Record<string, string> = {
    accept: spec.api === 'rest' ? JSONAPI : JSON_MT,
    'user-agent': userAgent,
  };
  let body: string | undefined;
  if (spec.rawBody !== undefined) body = spec.rawBody;
  else if (spec.body !== undefined) body = JSON.stringify(spec.body);
  if (body !== undefined) {
    const op = OPERATIONS[spec.operation as OperationName] as (typeof OPERATIONS)[OperationName] | undefined;
    headers['content-type'] = spec.contentType ?? op?.requestContentType ?? (spec.api === 'rest' ? JSONAPI : JSON_MT);
  } else if (spec.contentType !== undefined) {
    headers['content-type'] = spec.contentType;
  }
  const authorization = authHeader(spec, config);
  if (authorization !== undefined) headers.authorization = authorization;
  for (const [name, value] of Object.entries(spec.headers ?? {})) headers[name.toLowerCase()] = value;

  const method = spec.method;
  const defaultRetry =
    method === 'GET' || (method === 'DELETE' && spec.operation === 'DELETE /v1/org/{orgId}/provision');
  return {
    origin: base.origin,
    path,
    url: `${base.origin}${path}`,
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
    retryable: spec.retry ?? defaultRetry,
    retryConnect: spec.retry !== false,
  };
}

/** The RequestSpec `version` rule: undefined → the catalogue's choice for the operation, null → none. */
function restVersion(spec: RequestSpec, config: TenantConfig): string | undefined {
  if (spec.version === null) return undefined;
  if (typeof spec.version === 'string') return spec.version;
  const op = OPERATIONS[spec.operation as OperationName] as (typeof OPERATIONS)[OperationName] | undefined;
  return op ? versionFor(op, config.restVersion) : config.restVersion;
}

function authHeader(spec: RequestSpec, config: TenantConfig): string | undefined {
  const mode = spec.auth ?? 'default';
  if (mode === 'none') return undefined;
  if (spec.api === 'apiweb') {
    // developers.probely.com/api/authentication: `Authorization: JWT <API key>`.
    if (mode === 'invalid') return `JWT ${INVALID_JWT}`;
    if (!config.apiwebToken) throw missingToken('SNYK_APIWEB_TOKEN', ERROR_CODES.CONFIG_MISSING_APIWEB_TOKEN, spec);
    return `JWT ${config.apiwebToken}`;
  }
  // authentication docs: `token <API token>`; OAuth access tokens as `bearer`.
  const scheme = config.snykAuthScheme === 'bearer' ? 'bearer' : 'token';
  if (mode === 'invalid') return `${scheme} ${scheme === 'bearer' ? INVALID_JWT : INVALID_SNYK_TOKEN}`;
  if (!config.snykToken) throw missingToken('SNYK_TOKEN', ERROR_CODES.CONFIG_MISSING_TOKEN, spec);
  return `${scheme} ${config.snykToken}`;
}

function missingToken(variable: string, code: string, spec: RequestSpec): ConfigError {
  return new ConfigError(
    code,
    `${variable} is not set in the tenant configuration, and ${spec.operation} needs it ` +
      '(a TenantConfig copied with { ...config } loses its tokens: use withTenantConfig)',
    { variable },
  );
}

function appendQuery(out: string[], key: string, value: QueryValue): void {
  if (value === undefined || value === null) return;
  const values = Array.isArray(value) ? value : [value];
  for (const v of values as (string | number | boolean)[]) {
    out.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
}
