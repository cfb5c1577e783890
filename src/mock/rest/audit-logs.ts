/**
 * `GET /rest/groups/{group_id}/audit_logs/search` and `GET /rest/orgs/{org_id}/audit_logs/search`
 * (GA 2024-04-29; audit-log docs): `cursor`, `size` 1..100 (default 100), `from` (inclusive, default the
 * start of yesterday) and `to` (exclusive), `sort_order` (default DESC), `user_id`, `project_id`, `events` or
 * `exclude_events` (not both). 90 days of retention; `api.access` only when asked for by `events`.
 * Items follow the spec's item schema (AuditLogSearch.items): `created`, `event`, `org_id`/`group_id`,
 * `project_id` (keys omitted rather than null), `content`. The spec has no `user_id` on items, so the mock sends
 * none: the actor is known only through the documented `user_id` filter.
 */
import { DAY_MS, isoMs } from '../clock.ts';
import type { AuditEvent } from '../data/audit-events.ts';
import { queryList } from '../http/mock-request.ts';
import type { MockResponse } from '../http/mock-response.ts';
import { lowerBound } from './audit-store.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { link, restDocument, restFail, type RestContext } from './rest-context.ts';
import { parseDateTime, parseInteger, UUID } from './rest-query.ts';

export const AUDIT_PARAMS = [
  'cursor',
  'from',
  'to',
  'size',
  'sort_order',
  'user_id',
  'project_id',
  'events',
  'exclude_events',
] as const;

const RETENTION_MS = 90 * DAY_MS;

interface AuditCursor {
  t: number;
  s: number;
}

function isCursor(value: unknown): value is AuditCursor {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isFinite((value as AuditCursor).t) &&
    Number.isInteger((value as AuditCursor).s)
  );
}

export function handleAuditSearch(ctx: RestContext, kind: 'group' | 'org'): MockResponse {
  const { memberships, audit, clock, snyk } = ctx.tenant;
  const q = ctx.req.query;
  let org: number | undefined;
  let basePath: string;
  if (kind === 'group') {
    if (!memberships.isGroup(ctx.params.group_id!)) return restFail(ctx, 404, `Group ${ctx.params.group_id} not found`);
    basePath = `/rest/groups/${snyk.group.id}/audit_logs/search`;
  } else {
    org = memberships.orgIndex(ctx.params.org_id!);
    if (org === undefined) return restFail(ctx, 404, `Org ${ctx.params.org_id} not found`);
    basePath = `/rest/orgs/${snyk.orgs[org]!.id}/audit_logs/search`;
  }

  let size = 100;
  const sizeText = q.get('size');
  if (sizeText !== null) {
    const parsed = parseInteger(sizeText);
    if (parsed === undefined || parsed < 1 || parsed > 100)
      return restFail(ctx, 400, 'size must be an integer between 1 and 100', { parameter: 'size' });
    size = parsed;
  }
  if (kind === 'group' && ctx.drift('group-audit-size-ignored')) size = 100;

  const now = clock.now();
  const startOfYesterday = Math.floor(now / DAY_MS) * DAY_MS - DAY_MS;
  const fromText = q.get('from');
  const toText = q.get('to');
  let from = startOfYesterday;
  let to = Number.POSITIVE_INFINITY;
  if (fromText !== null) {
    const ms = parseDateTime(fromText);
    if (ms === undefined) return restFail(ctx, 400, 'from must be an RFC 3339 date-time', { parameter: 'from' });
    from = ms;
  }
  if (toText !== null) {
    const ms = parseDateTime(toText);
    if (ms === undefined) return restFail(ctx, 400, 'to must be an RFC 3339 date-time', { parameter: 'to' });
    to = ms;
  }
  if (from > to) return restFail(ctx, 400, 'from must not be after to', { parameter: 'from' });
  if (kind === 'org' && ctx.drift('org-audit-window-ignored')) {
    from = Number.NEGATIVE_INFINITY;
    to = Number.POSITIVE_INFINITY;
  }
  // Retention: only the past 90 days are searchable (realistic mode: older events stay searchable).
  if (!ctx.realistic('audit-logs-beyond-90-days')) from = Math.max(from, now - RETENTION_MS);

  const sortOrder = q.get('sort_order');
  if (sortOrder !== null && sortOrder !== 'ASC' && sortOrder !== 'DESC') {
    return restFail(ctx, 400, 'sort_order must be ASC or DESC', { parameter: 'sort_order' });
  }
  const ascending = sortOrder === 'ASC' && !(kind === 'org' && ctx.drift('org-audit-sort-order-ignored'));

  let userId = q.get('user_id') ?? undefined;
  if (userId !== undefined && !UUID.test(userId))
    return restFail(ctx, 400, 'user_id must be a UUID', { parameter: 'user_id' });
  if (kind === 'group' && ctx.drift('group-audit-user-filter-ignored')) userId = undefined;
  let projectId = q.get('project_id') ?? undefined;
  if (projectId !== undefined && !UUID.test(projectId))
    return restFail(ctx, 400, 'project_id must be a UUID', { parameter: 'project_id' });
  if (kind === 'org' && ctx.drift('org-audit-project-filter-ignored')) projectId = undefined;

  const events = queryList(q, 'events');
  let excluded = queryList(q, 'exclude_events');
  if (events.length > 0 && excluded.length > 0) {
    if (!(kind === 'group' && ctx.drift('group-audit-events-with-exclude-accepted'))) {
      return restFail(ctx, 400, 'events and exclude_events cannot be used together', { parameter: 'exclude_events' });
    }
    excluded = [];
  }
  const wanted = events.length > 0 ? new Set(events) : undefined;
  const unwanted = new Set(excluded);
  const matches = (e: AuditEvent): boolean => {
    if (wanted ? !wanted.has(e.event) : e.event === 'api.access') return false;
    if (unwanted.has(e.event)) return false;
    if (projectId !== undefined && e.projectId?.toLowerCase() !== projectId.toLowerCase()) return false;
    return true;
  };

  let cursor: AuditCursor | undefined;
  const cursorText = q.get('cursor');
  if (cursorText !== null) {
    const decoded = decodeCursor(cursorText);
    if (!isCursor(decoded)) return restFail(ctx, 400, 'invalid cursor', { parameter: 'cursor' });
    cursor = decoded;
  }

  const list = audit.list({ org }, userId?.toLowerCase());
  const lo = from === Number.NEGATIVE_INFINITY ? 0 : lowerBound(list, from, Number.MIN_SAFE_INTEGER);
  const hi = to === Number.POSITIVE_INFINITY ? list.length : lowerBound(list, to, Number.MIN_SAFE_INTEGER);
  const items: AuditEvent[] = [];
  let more = false;
  if (ascending) {
    let i = cursor ? Math.max(lo, lowerBound(list, cursor.t, cursor.s + 1)) : lo;
    for (; i < hi; i++) {
      const e = list[i]!;
      if (!matches(e)) continue;
      if (items.length === size) {
        more = true;
        break;
      }
      items.push(e);
    }
  } else {
    let i = cursor ? Math.min(hi, lowerBound(list, cursor.t, cursor.s)) - 1 : hi - 1;
    for (; i >= lo; i--) {
      const e = list[i]!;
      if (!matches(e)) continue;
      if (items.length === size) {
        more = true;
        break;
      }
      items.push(e);
    }
  }

  const omitCreated = kind === 'group' && ctx.drift('group-audit-items-missing-created');
  const params: [string, string][] = [];
  for (const [k, v] of q) if (k !== 'cursor') params.push([k, v]);
  const links: Record<string, string> = {
    self: link(basePath, cursorText === null ? params : [...params, ['cursor', cursorText]]),
  };
  if (more) {
    const last = items.at(-1)!;
    links.next = link(basePath, [...params, ['cursor', encodeCursor({ t: last.createdMs, s: last.seq })]]);
  }
  return restDocument(ctx, 200, {
    jsonapi: { version: '1.0' },
    data: { items: items.map((e) => itemJson(ctx, e, omitCreated)) },
    links,
  });
}

function itemJson(ctx: RestContext, e: AuditEvent, omitCreated: boolean): Record<string, unknown> {
  const { snyk } = ctx.tenant;
  const item: Record<string, unknown> = {};
  if (!omitCreated) item.created = isoMs(e.createdMs);
  item.event = e.event;
  if (e.org !== undefined) item.org_id = snyk.orgs[e.org]!.id;
  else item.group_id = snyk.group.id;
  if (e.projectId !== undefined) item.project_id = e.projectId;
  item.content = e.content;
  return item;
}
