/**
 * cross_endpoint_consistency: the same user reads the same through every documented endpoint.
 * - `/rest/self` (a user principal) is a user of its org: `GET /rest/orgs/{org_id}/users/{self.id}` answers
 *   with the same email, name and username, and the org's memberships know no other id for that email.
 * - Org memberships ↔ `GET /rest/orgs/{org_id}/users/{id}`: each member is found with the same attributes.
 * - Group ↔ org memberships: a user in both lists has the same email, name and username.
 * - API & Web `GET /users/` ↔ `GET /users/{id}/`: a listed user's fields equal the detail's.
 * A mismatch is reported on the operation under test; the other side is named in the message.
 */
import type { OperationName } from '../../model/operations.ts';
import type { CheckContext } from '../check-context.ts';
import type { ScenarioCheck, Verdict } from '../check-types.ts';
import { makeCase } from '../case-space.ts';
import { apiwebSample, membershipWalk, selfPrincipal } from '../discovery.ts';
import { buildRequest, describeRequest } from '../requests.ts';
import { canonical } from './cursor-pagination.ts';
import type { MembershipView } from '../tenant-data.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { crossEndpointConsistencyAssertions } from '../assertions/cross-endpoint-consistency.ts';

const OPS = [
  'GET /rest/self',
  'GET /rest/orgs/{org_id}/users/{id}',
  'GET /rest/orgs/{org_id}/memberships',
  'GET /rest/groups/{group_id}/memberships',
  'GET /users/',
] as const satisfies readonly OperationName[];

const ORG_USER = 'GET /rest/orgs/{org_id}/users/{id}' as const;
const ATTRS = ['email', 'name', 'username'] as const;

async function orgUser(ctx: CheckContext, id: string, org?: string) {
  const c = makeCase(ctx, ORG_USER, 'stateful', `the user ${id} in the org`, { params: { id, ...(org ? { org_id: org } : {}) } });
  const response = await ctx.send(c.request);
  const attrs = ((response.json as { data?: { attributes?: Record<string, unknown>; id?: unknown } })?.data ?? {}) as {
    attributes?: Record<string, unknown>;
    id?: unknown;
  };
  return { response, c, id: attrs.id, attributes: attrs.attributes ?? {} };
}

function differences(a: Record<string, unknown>, b: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of ATTRS) {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'string' && typeof y === 'string' && x !== y) out.push([key, `${JSON.stringify(x)} vs ${JSON.stringify(y)}`]);
  }
  return out;
}

const memberAttrs = (m: MembershipView): Record<string, unknown> => ({ email: m.email, name: m.name, username: m.username });

async function selfConsistency(ctx: CheckContext): Promise<Verdict[]> {
  const self = await selfPrincipal(ctx);
  if (self.response.status !== 200 || !self.id) return [notApplicable(`/rest/self answered ${self.response.status}`)];
  if (self.type !== 'user') return [notApplicable(`the principal is a ${self.type ?? 'non-user'}, which has no org user`)];
  const selfAttrs = { email: self.email, name: self.name, username: self.username };
  const found = await orgUser(ctx, self.id);
  if (found.response.status === 200) {
    const diff = differences(selfAttrs, found.attributes);
    if (diff.length === 0) return [pass()];
    return [fail(crossEndpointConsistency, [['User', self.id], ['Compared with', describeRequest(found.c.request)], ...diff], { response: self.response, operation: 'GET /rest/self' })];
  }
  // Not an org user by that id: the principal may reach the org through the group. Only another id for the
  // same address is a contradiction.
  const walk = await membershipWalk(ctx, 'GET /rest/orgs/{org_id}/memberships', 10);
  const email = self.email?.toLowerCase();
  const other = walk.items.find((m) => email && m.email?.toLowerCase() === email && m.userId !== self.id);
  if (other) {
    return [
      fail(crossEndpointConsistency, [
        ['/rest/self id', self.id],
        ['Org membership user id for the same email', other.userId],
        [`GET /rest/orgs/{org_id}/users/${self.id}`, found.response.status],
      ], { response: self.response, operation: 'GET /rest/self' }),
    ];
  }
  if (walk.items.some((m) => m.userId === self.id)) {
    return [fail(crossEndpointConsistency, [['/rest/self id', self.id], ['In the org memberships', 'yes'], ['GET org user', found.response.status]], { response: found.response, operation: 'GET /rest/self' })];
  }
  return [pass([`the principal ${self.id} is not a direct member of the org; only its absence was compared`])];
}

async function membersVsOrgUsers(ctx: CheckContext, op: OperationName): Promise<Verdict[]> {
  const walk = await membershipWalk(ctx, 'GET /rest/orgs/{org_id}/memberships', 10);
  const members = walk.items.filter((m) => m.userId && m.userId !== ctx.testUserId).slice(0, 5);
  if (members.length === 0) return [notApplicable('no memberships to compare')];
  const verdicts: Verdict[] = [];
  const notFound: string[] = [];
  let found200 = 0;
  for (const m of members) {
    const found = await orgUser(ctx, m.userId!);
    // REST Users reference: "Service Accounts are not returned by this endpoint": a member may answer 404 by design.
    // Only a tenant where no member can be read, or another status, contradicts the memberships.
    if (found.response.status === 404) {
      notFound.push(m.userId!);
      if (notFound.length === members.length) {
        verdicts.push(fail(crossEndpointConsistency, [['Members', notFound.join(', ')], ['In the org memberships', 'yes'], ['GET org user', 'all 404'], ['Request', describeRequest(found.c.request)]], { response: found.response, operation: op, assertion: 'org-members-readable' }));
      }
      continue;
    }
    if (found.response.status !== 200) {
      verdicts.push(fail(crossEndpointConsistency, [['Member', m.userId], ['In the org memberships', 'yes'], ['GET org user', found.response.status], ['Request', describeRequest(found.c.request)]], { response: found.response, operation: op }));
      continue;
    }
    found200++;
    const diff = differences(memberAttrs(m), found.attributes);
    if (found.id !== m.userId) diff.push(['id', `${m.userId} vs ${String(found.id)}`]);
    if (diff.length > 0) {
      verdicts.push(fail(crossEndpointConsistency, [['Member', m.userId], ['Compared', 'org membership vs org user'], ...diff], { response: found.response, operation: op }));
    }
  }
  if (verdicts.length > 0) return verdicts;
  const notes = notFound.length > 0 && found200 > 0 ? [`${notFound.length} member(s) answered 404 (service accounts are not returned by this endpoint): ${notFound.join(', ')}`] : [];
  return [pass(notes)];
}

async function groupVsOrg(ctx: CheckContext): Promise<Verdict[]> {
  const group = await membershipWalk(ctx, 'GET /rest/groups/{group_id}/memberships', 10);
  const org = await membershipWalk(ctx, 'GET /rest/orgs/{org_id}/memberships', 10);
  const byId = new Map(org.items.filter((m) => m.userId).map((m) => [m.userId!, m]));
  const shared = group.items.filter((m) => m.userId && byId.has(m.userId) && m.userId !== ctx.testUserId);
  if (shared.length === 0) return [notApplicable('no user is in both the group and the org memberships')];
  for (const g of shared) {
    const diff = differences(memberAttrs(g), memberAttrs(byId.get(g.userId!)!));
    if (diff.length > 0) {
      return [fail(crossEndpointConsistency, [['User', g.userId], ['Compared', 'group membership vs org membership'], ...diff], { response: group.pages[0], operation: 'GET /rest/groups/{group_id}/memberships' })];
    }
  }
  return [pass()];
}

async function apiwebListVsDetail(ctx: CheckContext): Promise<Verdict[]> {
  const sample = await apiwebSample(ctx, 1);
  const users = sample.users.filter((u) => u.id).slice(0, 5);
  if (users.length === 0) return [notApplicable('no API & Web users to compare')];
  const verdicts: Verdict[] = [];
  let notServed = 0;
  for (const u of users) {
    const request = buildRequest(ctx, 'GET /users/', { path: `/users/${encodeURIComponent(u.id!)}/` });
    const response = await ctx.send(request);
    // `GET /users/{id}/` is documented on the API & Web reference but is not one of the operations under
    // contract here: a tenant that does not serve it at all (404 for every listed user) is not judged.
    if (response.status === 404) {
      notServed++;
      continue;
    }
    if (response.status !== 200 || !response.json || typeof response.json !== 'object') {
      verdicts.push(fail(crossEndpointConsistency, [['User', u.id], ['Listed by GET /users/', 'yes'], ['GET /users/{id}/', response.status]], { response, operation: 'GET /users/', assertion: 'apiweb-detail' }));
      continue;
    }
    const detail = response.json as Record<string, unknown>;
    const changed = Object.keys(u.raw).filter((k) => k in detail && canonical(u.raw[k]) !== canonical(detail[k]));
    if (changed.length > 0) {
      verdicts.push(
        fail(crossEndpointConsistency, [['User', u.id], ['Compared', 'GET /users/ vs GET /users/{id}/'], ['Fields that differ', changed], ['Request', describeRequest(request)]], {
          response,
          operation: 'GET /users/',
          assertion: 'apiweb-detail',
        }),
      );
    }
  }
  if (verdicts.length > 0) return verdicts;
  if (notServed === users.length) return [notApplicable('GET /users/{id}/ is not served (404 for every listed user)')];
  if (notServed > 0) {
    return [fail(crossEndpointConsistency, [['Users listed by GET /users/', users.length], ['Of them not found by GET /users/{id}/', notServed]], { operation: 'GET /users/', assertion: 'apiweb-detail' })];
  }
  return [pass()];
}

export const crossEndpointConsistency: ScenarioCheck = {
  id: 'cross_endpoint_consistency',
  kind: 'scenario',
  title: 'The same user reads differently through two endpoints',
  family: 'consistency',
  severity: 'medium',
  description: '/rest/self vs org user vs memberships; group vs org memberships; /users/ list vs /users/{id}/.',
  assertions: crossEndpointConsistencyAssertions,
  operations: OPS,
  async run(ctx, op) {
    switch (op.name) {
      case 'GET /rest/self':
        return { verdicts: await selfConsistency(ctx) };
      case 'GET /rest/orgs/{org_id}/users/{id}':
      case 'GET /rest/orgs/{org_id}/memberships':
        return { verdicts: await membersVsOrgUsers(ctx, op.name) };
      case 'GET /rest/groups/{group_id}/memberships':
        return { verdicts: await groupVsOrg(ctx) };
      default:
        return { verdicts: await apiwebListVsDetail(ctx) };
    }
  },
};
