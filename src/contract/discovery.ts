/**
 * What the checks learn from the tenant before generating inputs (Schemathesis's live resource pool): the
 * principal, members and their emails/ids/roles, audit events, API & Web labels/roles/teams/targets.
 * Every read is a plain documented GET, memoised per context, and bounded in pages.
 */
import type { ApiResponse } from '../client/types.ts';
import { OPERATIONS, type OperationName } from '../model/operations.ts';
import type { CheckContext } from './check-context.ts';
import type { PoolName } from './query-parameters.ts';
import { buildRequest } from './requests.ts';
import {
  apiwebPageInfo,
  apiwebResults,
  apiwebUserView,
  auditItems,
  linkHref,
  links,
  listData,
  membershipView,
  type ApiwebUserView,
  type MembershipView,
} from './tenant-data.ts';

export type MembershipOperation = 'GET /rest/orgs/{org_id}/memberships' | 'GET /rest/groups/{group_id}/memberships';
export type AuditOperation = 'GET /rest/groups/{group_id}/audit_logs/search' | 'GET /rest/orgs/{org_id}/audit_logs/search';

export interface MembershipWalk {
  items: MembershipView[];
  /** Whether the walk reached the last page within its page bound. */
  complete: boolean;
  pages: ApiResponse[];
}

/** Follows `links.next` from `first` with plain GETs (no loop guard beyond `maxPages`: checks judge loops). */
export async function walkRest(
  ctx: CheckContext,
  op: OperationName,
  first: ApiResponse,
  maxPages: number,
  fresh = false,
): Promise<{ pages: ApiResponse[]; complete: boolean }> {
  const pages = [first];
  let current = first;
  const seen = new Set<string>();
  while (pages.length < maxPages) {
    if (current.status !== 200) return { pages, complete: false };
    const next = linkHref(links(current.json).next);
    if (!next) return { pages, complete: true };
    if (seen.has(next)) return { pages, complete: false };
    seen.add(next);
    current = await ctx.send(buildRequest(ctx, op, { path: next, version: null }), { fresh });
    pages.push(current);
  }
  const last = pages[pages.length - 1]!;
  return { pages, complete: last.status === 200 && !linkHref(links(last.json).next) };
}

/** Every membership up to `maxPages` pages of 100 (`fresh`: not memoised, for state read after a write). */
export async function readMemberships(
  ctx: CheckContext,
  op: MembershipOperation,
  maxPages: number,
  options: { fresh?: boolean; query?: Record<string, string> } = {},
): Promise<MembershipWalk> {
  const fresh = options.fresh ?? false;
  const first = await ctx.send(buildRequest(ctx, op, { query: { limit: 100, ...options.query } }), { fresh });
  if (first.status !== 200) return { items: [], complete: false, pages: [first] };
  const { pages, complete } = await walkRest(ctx, op, first, maxPages, fresh);
  const items = pages.filter((p) => p.status === 200).flatMap((p) => listData(p.json).map(membershipView));
  return { items, complete, pages };
}

export function membershipWalk(ctx: CheckContext, op: MembershipOperation, maxPages = 10): Promise<MembershipWalk> {
  return ctx.memo(`walk:${op}:${maxPages}`, () => readMemberships(ctx, op, maxPages));
}

export interface Principal {
  id: string | undefined;
  type: string | undefined;
  email: string | undefined;
  name: string | undefined;
  username: string | undefined;
  response: ApiResponse;
}

export function selfPrincipal(ctx: CheckContext): Promise<Principal> {
  return ctx.memo('self', async () => {
    const response = await ctx.send(buildRequest(ctx, 'GET /rest/self'));
    const data = (response.json as { data?: { id?: unknown; type?: unknown; attributes?: Record<string, unknown> } })?.data;
    const attrs = data?.attributes ?? {};
    const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    return {
      id: s(data?.id),
      type: s(data?.type),
      email: s(attrs.email),
      name: s(attrs.name),
      username: s(attrs.username),
      response,
    };
  });
}

/**
 * A user id that is a member of the configured org and that the API says is a user (for the documented example
 * of `GET /rest/orgs/{org_id}/users/{id}`): the REST Users reference says "Service Accounts are not returned by this endpoint",
 * and a membership does not tell a person from a service account, so candidates are tried until one answers
 * 200. Undefined when none does (the cases then use an id that is nobody's).
 */
export function orgUserId(ctx: CheckContext): Promise<string | undefined> {
  return ctx.memo('org-user-id', async () => {
    const walk = await membershipWalk(ctx, 'GET /rest/orgs/{org_id}/memberships', 1);
    const ids = walk.items.map((m) => m.userId).filter((id): id is string => !!id && id !== ctx.testUserId);
    const self = await selfPrincipal(ctx);
    // The token's own user first: it is certainly a person.
    const candidates = [...new Set([...(self.type === 'user' && self.id ? [self.id] : []), ...ids])].slice(0, 6);
    for (const id of candidates) {
      const response = await ctx.send(buildRequest(ctx, 'GET /rest/orgs/{org_id}/users/{id}', { params: { id } }));
      if (response.status === 200) return id;
    }
    return undefined;
  });
}

/** The audit window checks use: the last 30 days up to a fixed end, so later events never enter a comparison. */
export function auditWindow(ctx: CheckContext): { from: string; to: string } {
  return ctx.memoSync('audit-window', () => {
    const to = new Date(Math.max(Date.now(), ctx.now.getTime()));
    to.setUTCMilliseconds(0);
    const from = new Date(to.getTime() - 30 * 86_400_000);
    return { from: from.toISOString(), to: to.toISOString() };
  });
}

export function auditSample(ctx: CheckContext, op: AuditOperation): Promise<{ items: Record<string, unknown>[]; response: ApiResponse }> {
  return ctx.memo(`audit-sample:${op}`, async () => {
    const response = await ctx.send(buildRequest(ctx, op, { query: { size: 100, ...auditWindow(ctx) } }));
    return { items: response.status === 200 ? auditItems(response.json) : [], response };
  });
}

export interface ApiwebSample {
  users: ApiwebUserView[];
  count: number | undefined;
  complete: boolean;
  first: ApiResponse;
}

/** API & Web users, page 1… up to `maxPages` pages of 100. */
export function apiwebSample(ctx: CheckContext, maxPages = 20): Promise<ApiwebSample> {
  return ctx.memo(`apiweb-sample:${maxPages}`, async () => {
    const first = await ctx.send(buildRequest(ctx, 'GET /users/', { query: { page: 1, length: 100 } }));
    if (first.status !== 200) return { users: [], count: undefined, complete: false, first };
    const info = apiwebPageInfo(first.json);
    const users = apiwebResults(first.json).map(apiwebUserView);
    const total = info.pageTotal ?? 1;
    let complete = total <= 1;
    for (let page = 2; page <= Math.min(total, maxPages); page++) {
      const res = await ctx.send(buildRequest(ctx, 'GET /users/', { query: { page, length: 100 } }));
      if (res.status !== 200) break;
      users.push(...apiwebResults(res.json).map(apiwebUserView));
      if (page === total) complete = true;
    }
    return { users, count: info.count, complete, first };
  });
}

const uniq = (values: (string | undefined)[]): string[] =>
  [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];

/**
 * User ids for the audit-log `user_id` filter. The spec's audit-log items name no user, so they come from the
 * members of the org (or group) whose logs are searched: ids the API documents.
 */
export async function auditUserIds(ctx: CheckContext, op: AuditOperation): Promise<string[]> {
  const members: MembershipOperation = op === 'GET /rest/orgs/{org_id}/audit_logs/search' ? 'GET /rest/orgs/{org_id}/memberships' : 'GET /rest/groups/{group_id}/memberships';
  const walk = await membershipWalk(ctx, members, 2);
  return uniq(walk.items.map((m) => m.userId)).slice(0, 20);
}

/** Pools of real values for positive generation, per operation. */
export async function pools(ctx: CheckContext, op: OperationName): Promise<Partial<Record<PoolName, string[]>>> {
  const o = OPERATIONS[op];
  if (op === 'GET /rest/orgs/{org_id}/memberships' || op === 'GET /rest/groups/{group_id}/memberships') {
    const walk = await membershipWalk(ctx, op, 2);
    const items = walk.items.filter((m) => m.userId !== ctx.testUserId);
    return {
      memberEmails: uniq(items.map((m) => m.email)).slice(0, 50),
      memberUserIds: uniq(items.map((m) => m.userId)).slice(0, 50),
      memberUsernames: uniq(items.map((m) => m.username)).slice(0, 50),
      memberRoleNames: uniq(items.map((m) => m.roleName)),
    };
  }
  if (o.pagination === 'rest-audit-cursor') {
    const { items } = await auditSample(ctx, op as AuditOperation);
    return {
      auditUserIds: await auditUserIds(ctx, op as AuditOperation),
      auditEvents: uniq(items.map((i) => (typeof i.event === 'string' ? i.event : undefined))).slice(0, 30),
    };
  }
  if (op === 'GET /users/') {
    const sample = await apiwebSample(ctx, 3);
    const users = sample.users;
    const terms = users.slice(0, 20).flatMap((u) => [u.email?.split('@')[0]?.slice(0, 4), u.name?.split(' ')[0]]);
    return {
      apiwebLabelIds: uniq(users.flatMap((u) => u.labelIds)),
      apiwebRoleIds: uniq(users.flatMap((u) => u.roleIds)),
      apiwebTeamIds: uniq(users.flatMap((u) => u.teamIds)),
      apiwebTargetIds: uniq(users.flatMap((u) => u.targetIds)),
      apiwebSearchTerms: uniq(terms),
      apiwebOrderings: APIWEB_ORDERING_CANDIDATES.flatMap((f) => [f, `-${f}`]),
    };
  }
  return {};
}

/**
 * Fields of a user that `ordering` is tried with. The allowed fields are undocumented (users-list docs), so
 * ordering_conformance requires only that the documented parameter orders by at least one of them.
 */
export const APIWEB_ORDERING_CANDIDATES = ['name', 'email', 'last_login', 'changed'] as const;
