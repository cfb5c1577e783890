/**
 * Snyk API & Web (ex-Probely) `GET /users/` and `GET /users/{id}/` (users-list docs): `JWT`
 * authentication, DRF page-number pagination (`page`, `length`, `count`, `page_total`; 404 past the last page),
 * every documented filter, `ordering`, `exclude`, `{detail}` errors and DRF field errors.
 */
import { checkJwtAuth } from '../auth.ts';
import type { HandlerContext } from '../http/handler-context.ts';
import { decodeSegment, header } from '../http/mock-request.ts';
import type { MockResponse } from '../http/mock-response.ts';
import { JSON_TYPE, jsonResponse, rawJsonResponse } from '../http/mock-response.ts';
import type { SerializeVariant } from './user-serializer.ts';
import { parseUsersQuery } from './users-query.ts';

const USER_PATH = /^\/users\/([^/]+)\/$/;

/**
 * Whole `/users/` pages are kept encoded, by query and drift: API & Web users never change, so a repeated page
 * is a copy of bytes (clients and benchmarks ask for the same pages again and again).
 */
const PAGE_CACHE_LIMIT = 256;

export function detail(status: number, text: string, headers: Record<string, string> = {}): MockResponse {
  return jsonResponse(status, { detail: text }, JSON_TYPE, headers);
}

export function handleApiweb(ctx: HandlerContext): MockResponse {
  const { req } = ctx;
  const list = req.path === '/users/';
  const one = USER_PATH.exec(req.path);
  if (!list && !one) return detail(404, 'Not found.');
  if (req.method !== 'GET') return detail(405, `Method "${req.method}" not allowed.`, { allow: 'GET, HEAD, OPTIONS' });

  if (!ctx.drift('users-unauthenticated')) {
    const auth = checkJwtAuth(header(req, 'authorization'), ctx.tenant.apiwebToken);
    if (auth === 'missing')
      return detail(401, 'Authentication credentials were not provided.', { 'www-authenticate': 'JWT realm="api"' });
    if (auth === 'invalid') return detail(401, 'Invalid token.', { 'www-authenticate': 'JWT realm="api"' });
  }

  const parsed = parseUsersQuery(req.query, ctx.tenant.catalog, {
    allowNonPositiveLength: ctx.drift('users-length-zero-accepted'),
    defaultNonPositiveLength: ctx.realistic('users-length-fallback'),
    ignoreUnknownOrdering: ctx.realistic('users-ordering-unknown-ignored'),
  });
  if (!parsed.ok) {
    if (parsed.errors.ordering && ctx.drift('users-unknown-ordering-server-error'))
      return detail(500, 'A server error occurred.');
    return jsonResponse(400, parsed.errors, JSON_TYPE);
  }
  const q = parsed.query;
  const variant: SerializeVariant = {
    exclude: ctx.drift('users-exclude-ignored') ? new Set() : q.exclude,
    omitNullLastLogin: ctx.drift('users-null-last-login-omitted'),
    omitMfaEnabled: ctx.drift('users-missing-mfa-enabled'),
    badChangedFormat: ctx.drift('users-invalid-changed-format'),
  };
  const { apiweb, serializer } = ctx.tenant;

  if (one) {
    if (ctx.realistic('users-detail-not-served')) return detail(404, 'Not found.');
    const index = apiweb.indexOfId(decodeSegment(one[1]!));
    if (index === undefined) return detail(404, 'Not found.');
    return rawJsonResponse(200, serializer.json(index, variant), JSON_TYPE);
  }

  // Filter drifts act on the normalised query.
  const filter = { ...q.filter };
  if (ctx.drift('users-active-false-ignored') && filter.active === false) delete filter.active;
  if (ctx.drift('users-mfa-filter-ignored')) delete filter.mfaEnabled;
  if (ctx.drift('users-label-and-as-or')) filter.labelAnd = false;
  if (ctx.drift('users-search-ignored')) delete filter.search;
  if (ctx.realistic('users-no-access-false-ignored') && filter.noAccess === false) delete filter.noAccess;
  // A term no name or email contains: whole addresses are not matched.
  if (ctx.realistic('users-search-not-by-email') && filter.search?.includes('@')) filter.search = '\u0000';
  const ordering = ctx.drift('users-descending-ordering-ascending')
    ? q.ordering.map((t) => ({ ...t, desc: false }))
    : q.ordering;

  const cache = ctx.tenant.apiwebPages;
  const cacheKey = `${ctx.driftName ?? ''}?${req.query.toString()}`;
  const cached = cache.get(cacheKey);
  if (cached) return rawJsonResponse(200, cached, JSON_TYPE);

  const selection = apiweb.select(filter, ordering);
  const count = selection.count;
  const length = q.length;
  const pageTotal =
    length < 1 ? 0 : ctx.drift('users-page-total-wrong') ? Math.floor(count / length) : Math.ceil(count / length);
  const realPageTotal = length < 1 ? 0 : Math.ceil(count / length);
  // DRF allows an empty first page; any other page past the last is "Invalid page."
  if (q.page > Math.max(1, realPageTotal) && !ctx.drift('users-page-past-end-ok')) return detail(404, 'Invalid page.');

  let start = length < 1 ? 0 : (q.page - 1) * length;
  let end = length < 1 ? 0 : Math.min(count, start + length);
  if (ctx.drift('users-duplicates-across-pages') && q.page > 1 && start < count) {
    start -= 1;
    end = Math.min(count, start + length);
  }
  if (ctx.drift('users-last-page-short') && q.page === realPageTotal && end - start > 0) end -= 1;

  const parts: string[] = [];
  for (let i = start; i < end; i++) parts.push(serializer.json(selection.at(i), variant));
  const reportedCount = ctx.drift('users-count-off-by-one') ? count + 1 : count;
  const body = Buffer.from(
    `{"count":${reportedCount},${ctx.drift('users-page-total-missing') ? '' : `"page_total":${pageTotal},`}"page":${q.page},"length":${length},"results":[${parts.join(',')}]}`,
    'utf8',
  );
  if (cache.size >= PAGE_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, body);
  return rawJsonResponse(200, body, JSON_TYPE);
}
