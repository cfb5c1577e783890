/**
 * `GET /rest/orgs/{org_id}/users/{id}` (beta; REST Users reference, spec `User`): a member of the org. Direct members
 * carry their org membership; group admins without an org membership reach every org of the group
 * (`strategy: indirect`). Anyone else is 404 ("Service Accounts are not returned by this endpoint").
 */
import { isoMs } from '../clock.ts';
import type { MockResponse } from '../http/mock-response.ts';
import { restDocument, restFail, type RestContext } from './rest-context.ts';

/** Realistic mode: the org's first member by creation, other than the token's user and the test user, is a service account. */
function serviceAccountId(ctx: RestContext, org: number): string | undefined {
  const skip = new Set([ctx.tenant.self.id, ctx.tenant.testUser.id]);
  return ctx.tenant.memberships.view({ kind: 'org', org }, 'created').entries.find((e) => !skip.has(e.member.id))?.member.id.toLowerCase();
}

export function handleOrgUser(ctx: RestContext): MockResponse {
  const { memberships } = ctx.tenant;
  const org = memberships.orgIndex(ctx.params.org_id!);
  if (org === undefined) return restFail(ctx, 404, `Org ${ctx.params.org_id} not found`);
  if (ctx.realistic('org-member-service-account') && ctx.params.id!.toLowerCase() === serviceAccountId(ctx, org)) {
    return restFail(ctx, 404, `User ${ctx.params.id} not found in org`);
  }
  const member = memberships.member(ctx.params.id!);
  const direct = member?.orgs.find((m) => m.org === org);
  const indirect = !direct && member?.group?.role === 0 ? member.group : undefined;
  if (!member || (!direct && !indirect)) {
    if (ctx.drift('org-user-unknown-user-server-error')) return restFail(ctx, 500, 'Internal server error');
    return restFail(ctx, 404, `User ${ctx.params.id} not found in org`);
  }
  const membership = direct ?? indirect!;
  return restDocument(ctx, 200, {
    jsonapi: { version: '1.0' },
    data: {
      type: 'user',
      id: member.id,
      attributes: {
        name: member.name,
        username: member.username,
        email: member.email,
        active: member.active,
        membership: { created_at: isoMs(membership.createdMs), strategy: direct ? 'direct' : 'indirect' },
      },
    },
  });
}
