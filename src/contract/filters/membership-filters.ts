/**
 * filter_semantics for REST memberships (spec EmailFilter, UserIdFilter, UsernameFilter, RoleFilter,
 * IncludeGroupMembershipCount): every membership matches the filter, the member the value was taken from is
 * found, a role filter keeps exactly the members with that role when the whole list was read.
 */
import type { CheckContext } from '../check-context.ts';
import type { Verdict } from '../check-types.ts';
import { membershipWalk, readMemberships, type MembershipOperation } from '../discovery.ts';
import { buildRequest, describeRequest } from '../requests.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { FILTER_SEMANTICS, mostFrequent } from './filter-failure.ts';

export async function membershipFilters(ctx: CheckContext, op: MembershipOperation): Promise<Verdict[]> {
  const walk = await membershipWalk(ctx, op, 10);
  const members = walk.items.filter((m) => m.userId && m.userId !== ctx.testUserId);
  if (members.length === 0) return [notApplicable('no memberships to filter')];
  const verdicts: Verdict[] = [];
  const pick = members[Math.floor(members.length / 2)]!;
  const ci = (s: string | undefined): string => (s ?? '').toLowerCase();
  const relations: { param: string; value: string | undefined; holds: (m: (typeof members)[number]) => boolean; count?: number }[] = [
    { param: 'email', value: pick.email, holds: (m) => ci(m.email).includes(ci(pick.email)) },
    { param: 'user_id', value: pick.userId, holds: (m) => m.userId === pick.userId },
    { param: 'username', value: pick.username, holds: (m) => ci(m.username).includes(ci(pick.username)) },
  ];
  const role = mostFrequent(members.map((m) => m.roleName ?? '').filter((r) => r !== ''))[0];
  if (role) {
    relations.push({
      param: 'role_name',
      value: role,
      holds: (m) => ci(m.roleName) === ci(role),
      count: walk.complete ? walk.items.filter((m) => ci(m.roleName) === ci(role)).length : undefined,
    });
  }
  if (op === 'GET /rest/groups/{group_id}/memberships') {
    // spec IncludeGroupMembershipCount: "whether the count of group memberships is included" (item meta).
    const res = await readMemberships(ctx, op, 1, { query: { include_group_membership_count: 'true' } });
    const first = res.pages[0]!;
    const without = res.items.find((m) => typeof (m.raw as { meta?: { group_membership_count?: unknown } }).meta?.group_membership_count !== 'number');
    if (first.status === 200 && without) {
      verdicts.push(
        fail(FILTER_SEMANTICS, [['Filter', 'include_group_membership_count=true'], ['Membership without meta.group_membership_count', without.id]], { response: first, operation: op }),
      );
    }
  }
  for (const rel of relations) {
    if (!rel.value) continue;
    const res = await readMemberships(ctx, op, 10, { query: { [rel.param]: rel.value } });
    const request = buildRequest(ctx, op, { query: { limit: 100, [rel.param]: rel.value } });
    const lines = (extra: [string, unknown][]): [string, unknown][] => [['Filter', `${rel.param}=${rel.value}`], ...extra, ['Request', describeRequest(request)]];
    const first = res.pages[0]!;
    if (first.status !== 200) {
      verdicts.push(fail(FILTER_SEMANTICS, lines([['Received', first.status], ['Expected', 200]]), { response: first, operation: op }));
      continue;
    }
    const violator = res.items.find((m) => !(m.userId === ctx.testUserId || rel.holds(m)));
    if (violator) {
      verdicts.push(
        fail(FILTER_SEMANTICS, lines([['Violating membership', violator.id], ['Its user', { id: violator.userId, email: violator.email, username: violator.username, role: violator.roleName }]]), {
          response: first,
          operation: op,
        }),
      );
      continue;
    }
    if (rel.param !== 'role_name' && !res.items.some((m) => m.userId === pick.userId)) {
      verdicts.push(fail(FILTER_SEMANTICS, lines([['Missing', `the membership of user ${pick.userId}, which matches the filter`], ['Results', res.items.length]]), { response: first, operation: op }));
      continue;
    }
    if (rel.count !== undefined && res.complete) {
      const got = res.items.filter((m) => m.userId !== ctx.testUserId).length;
      const want = walk.items.filter((m) => m.userId !== ctx.testUserId && rel.holds(m)).length;
      if (got !== want) verdicts.push(fail(FILTER_SEMANTICS, lines([['Results', got], ['Memberships with that role', want]]), { response: first, operation: op }));
    }
  }
  return verdicts.length > 0 ? verdicts : [pass()];
}

