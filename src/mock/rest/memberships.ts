/**
 * `GET /rest/groups/{group_id}/memberships` and `GET /rest/orgs/{org_id}/memberships` (GA 2024-08-25;
 * about-the-rest-api, pagination; REST spec, memberships): cursor pagination (`limit` 10–100 in tens, default 10; `starting_after` /
 * `ending_before`; `links.next` only when more follow), filters `email`, `user_id`, `username`, `role_name`,
 * `sort_by` (group: …`role_name`, org: …`role`) and `sort_order` (default DESC for groups, ASC for orgs).
 */
import { isoMs } from '../clock.ts';
import type { MockResponse } from '../http/mock-response.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { MembershipEntry, MembershipScope, MembershipSortKey, SortTuple } from './membership-store.ts';
import { compareTuples } from './membership-store.ts';
import { hasExperimentalMembershipShape } from './membership-releases.ts';
import { link, restDocument, restFail, type RestContext } from './rest-context.ts';
import { parseInteger } from './rest-query.ts';

export const GROUP_MEMBERSHIP_PARAMS = [
  'starting_after',
  'ending_before',
  'limit',
  'sort_by',
  'sort_order',
  'email',
  'user_id',
  'username',
  'role_name',
  'include_group_membership_count',
] as const;
export const ORG_MEMBERSHIP_PARAMS = GROUP_MEMBERSHIP_PARAMS.filter((p) => p !== 'include_group_membership_count');

const SORT_BY: Readonly<Record<'group' | 'org', Readonly<Record<string, MembershipSortKey>>>> = {
  group: {
    username: 'username',
    user_display_name: 'user_display_name',
    email: 'email',
    login_method: 'login_method',
    role_name: 'role',
  },
  org: {
    username: 'username',
    user_display_name: 'user_display_name',
    email: 'email',
    login_method: 'login_method',
    role: 'role',
  },
};

function isTuple(value: unknown): value is SortTuple {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    (typeof value[0] === 'string' || typeof value[0] === 'number') &&
    typeof value[1] === 'string' &&
    typeof value[2] === 'string'
  );
}

export function handleMemberships(ctx: RestContext, kind: 'group' | 'org'): MockResponse {
  const { memberships, snyk } = ctx.tenant;
  const q = ctx.req.query;
  let scope: MembershipScope;
  let basePath: string;
  if (kind === 'group') {
    if (!memberships.isGroup(ctx.params.group_id!)) return restFail(ctx, 404, `Group ${ctx.params.group_id} not found`);
    scope = { kind: 'group' };
    basePath = `/rest/groups/${snyk.group.id}/memberships`;
  } else {
    const org = memberships.orgIndex(ctx.params.org_id!);
    if (org === undefined) return restFail(ctx, 404, `Org ${ctx.params.org_id} not found`);
    scope = { kind: 'org', org };
    basePath = `/rest/orgs/${snyk.orgs[org]!.id}/memberships`;
  }

  // limit: default 10, minimum 10, maximum 100, multipleOf 10 (spec components/parameters/Limit).
  const limitText = q.get('limit');
  let limit = 10;
  if (limitText !== null) {
    const parsed = parseInteger(limitText);
    const lax = kind === 'org' && ctx.drift('org-memberships-limit-not-validated');
    const valid =
      parsed !== undefined &&
      (lax ? parsed >= 1 && parsed <= 1000 : parsed >= 10 && parsed <= 100 && parsed % 10 === 0);
    if (!valid) return restFail(ctx, 400, 'limit must be a multiple of 10 between 10 and 100', { parameter: 'limit' });
    limit = parsed;
  }
  const after = q.get('starting_after');
  const before = q.get('ending_before');
  if (after !== null && before !== null) {
    return restFail(ctx, 400, 'starting_after and ending_before cannot be used together', {
      parameter: 'ending_before',
    });
  }
  const sortByText = q.get('sort_by');
  let sortKey: MembershipSortKey = 'created';
  if (sortByText !== null) {
    let key = SORT_BY[kind][sortByText];
    // Accepted, but served in the default (creation) order.
    if (key === 'login_method' && kind === 'group' && ctx.drift('group-memberships-login-method-sort-ignored')) key = 'created';
    if (!key)
      return restFail(ctx, 400, `sort_by must be one of ${Object.keys(SORT_BY[kind]).join(', ')}`, {
        parameter: 'sort_by',
      });
    sortKey = key;
  }
  const sortOrderText = q.get('sort_order');
  if (sortOrderText !== null && sortOrderText !== 'ASC' && sortOrderText !== 'DESC') {
    return restFail(ctx, 400, 'sort_order must be ASC or DESC', { parameter: 'sort_order' });
  }
  // Documented defaults differ: DESC for groups, ASC for orgs (REST spec, memberships `sort_order`).
  let defaultOrder: 'ASC' | 'DESC' = kind === 'group' ? 'DESC' : 'ASC';
  if (kind === 'group' && ctx.drift('group-memberships-default-order-asc')) defaultOrder = 'ASC';
  if (kind === 'org' && ctx.drift('org-memberships-default-order-desc')) defaultOrder = 'DESC';
  const descending = (sortOrderText ?? defaultOrder) === 'DESC';
  const countText = q.get('include_group_membership_count');
  if (countText !== null && countText !== 'true' && countText !== 'false') {
    return restFail(ctx, 400, 'include_group_membership_count must be a boolean', {
      parameter: 'include_group_membership_count',
    });
  }

  const cursorText = after ?? before;
  let cursor: SortTuple | undefined;
  if (cursorText !== null) {
    const decoded = decodeCursor(cursorText);
    if (!isTuple(decoded))
      return restFail(ctx, 400, 'invalid pagination cursor', {
        parameter: after !== null ? 'starting_after' : 'ending_before',
      });
    cursor = decoded;
  }

  // Filters match exactly (addresses and names case-insensitively).
  const email = q.get('email')?.toLowerCase();
  const userId = q.get('user_id')?.toLowerCase();
  const username = q.get('username')?.toLowerCase();
  let roleName = q.get('role_name')?.toLowerCase();
  if (kind === 'group' && ctx.drift('group-memberships-role-filter-ignored')) roleName = undefined;
  const ignoreEmail = kind === 'org' && ctx.drift('org-memberships-email-filter-ignored');
  const view = memberships.view(scope, sortKey);
  const list: { entry: MembershipEntry; tuple: SortTuple }[] = [];
  for (let i = 0; i < view.entries.length; i++) {
    const entry = view.entries[i]!;
    if (email !== undefined && !ignoreEmail && entry.member.email.toLowerCase() !== email) continue;
    if (userId !== undefined && entry.member.id.toLowerCase() !== userId) continue;
    if (username !== undefined && entry.member.username.toLowerCase() !== username) continue;
    if (roleName !== undefined && memberships.roleName(entry).toLowerCase() !== roleName) continue;
    list.push({ entry, tuple: view.tuples[i]! });
  }
  if (descending) list.reverse();
  const dir = descending ? -1 : 1;
  // First index whose tuple is after (strict) or at-or-after the cursor, in the list's direction.
  const bound = (c: SortTuple, strict: boolean): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = compareTuples(list[mid]!.tuple, c) * dir;
      if (d < 0 || (strict && d === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const pageSize = kind === 'group' && ctx.drift('group-memberships-page-exceeds-limit') ? limit + 1 : limit;
  let start: number;
  let end: number;
  if (cursor && after !== null) {
    start = bound(cursor, true);
    if (kind === 'org' && ctx.drift('org-memberships-duplicates-across-pages') && start > 0) start -= 1;
    end = Math.min(list.length, start + pageSize);
  } else if (cursor && !(kind === 'org' && ctx.drift('org-memberships-ending-before-from-start'))) {
    end = bound(cursor, false);
    start = Math.max(0, end - pageSize);
  } else {
    start = 0;
    end = Math.min(list.length, pageSize);
  }

  const page = list.slice(start, end);
  const total = list.length;
  const withCount = kind === 'group' && countText === 'true';
  const data = page.map(({ entry }) => membershipJson(ctx, kind, entry, withCount ? total : undefined));

  // Links carry every parameter of the request, so `next` is fully formed (pysnyk PR #193).
  const base: [string, string][] = [['version', ctx.resolution.requested]];
  for (const name of [
    'sort_by',
    'sort_order',
    'email',
    'user_id',
    'username',
    'role_name',
    'include_group_membership_count',
  ]) {
    const v = q.get(name);
    if (v !== null) base.push([name, v]);
  }
  base.push(['limit', String(limit)]);
  const selfParams: [string, string][] = [...base];
  if (after !== null) selfParams.push(['starting_after', after]);
  if (before !== null) selfParams.push(['ending_before', before]);
  const selfLink = link(basePath, selfParams);
  const links: Record<string, string> = { self: selfLink };
  if (start > 0 && page.length > 0)
    links.prev = link(basePath, [...base, ['ending_before', encodeCursor(page[0]!.tuple)]]);
  if (end < total && page.length > 0)
    links.next = link(basePath, [...base, ['starting_after', encodeCursor(page.at(-1)!.tuple)]]);
  if (!links.next && kind === 'org' && ctx.drift('org-memberships-next-equals-self')) links.next = selfLink;
  if (!links.next && kind === 'group' && ctx.realistic('group-memberships-empty-last-page') && !ctx.drift('group-memberships-empty-page-with-next')) {
    // Realistic (pysnyk #212): the last page links to an empty page, which links to one more empty page (a
    // cursor just past its own, in the list's direction), which ends the walk. No link repeats.
    const past = (t: SortTuple): SortTuple => [t[0], t[1], descending ? '' : `${t[2]}\uffff`];
    const isPast = (t: SortTuple): boolean => (descending ? t[2] === '' : t[2].endsWith('\uffff'));
    if (page.length > 0) links.next = link(basePath, [...base, ['starting_after', encodeCursor(page.at(-1)!.tuple)]]);
    else if (cursor && after !== null && !isPast(cursor)) links.next = link(basePath, [...base, ['starting_after', encodeCursor(past(cursor))]]);
  }
  if (!links.next && kind === 'group' && ctx.drift('group-memberships-empty-page-with-next')) {
    // The last page points past the end; the empty page past the end points at itself.
    links.next =
      page.length > 0 ? link(basePath, [...base, ['starting_after', encodeCursor(page.at(-1)!.tuple)]]) : selfLink;
  }

  const document: Record<string, unknown> = { jsonapi: { version: '1.0' }, data, links };
  if (kind === 'org' && ctx.drift('org-memberships-missing-links')) delete document.links;
  return restDocument(ctx, 200, document);
}

function membershipJson(
  ctx: RestContext,
  kind: 'group' | 'org',
  entry: MembershipEntry,
  count: number | undefined,
): Record<string, unknown> {
  const { snyk, memberships } = ctx.tenant;
  const { member, membership } = entry;
  const role = (kind === 'group' ? snyk.groupRoles : snyk.orgRoles)[membership.role]!;
  const userAttributes: Record<string, unknown> = {
    name: member.name,
    username: member.username,
    email: member.email,
    login_method: member.loginMethod,
  };
  if (kind === 'group' && ctx.drift('group-memberships-user-missing-email')) delete userAttributes.email;
  const experimental = hasExperimentalMembershipShape(ctx.resolution.served);
  if (experimental) delete userAttributes.login_method;
  const container =
    kind === 'group'
      ? { group: { data: { type: 'group', id: snyk.group.id, attributes: { name: snyk.group.name } } } }
      : {
          org: {
            data: { type: 'org', id: snyk.orgs[entry.org!]!.id, attributes: { name: snyk.orgs[entry.org!]!.name } },
          },
        };
  const item: Record<string, unknown> = {
    type: kind === 'group' ? 'group_membership' : 'org_membership',
    id: membership.id,
    attributes: experimental
      ? { created_at: isoMs(membership.createdMs), updated_at: isoMs(membership.createdMs) }
      : { created_at: isoMs(membership.createdMs) },
    relationships: {
      ...container,
      role: {
        data: {
          type: kind === 'group' ? 'group_role' : 'org_role',
          id: role.id,
          attributes: { name: memberships.roleName(entry) },
        },
      },
      user: { data: { type: 'user', id: member.id, attributes: userAttributes } },
    },
  };
  if (count !== undefined) item.meta = { group_membership_count: count };
  return item;
}
