/**
 * `PATCH /rest/groups/{group_id}/users/{id}` (beta; REST Users reference, spec `UserPatchRequestBody`): the body must be
 * `application/vnd.api+json` (docs: otherwise 400 "Client request did not conform to OpenAPI specification");
 * only `membership: null` is supported. The user then leaves the group and every org of the group; the
 * answer is 204 without a body.
 */
import { requestMediaType } from '../http/mock-request.ts';
import type { MockResponse } from '../http/mock-response.ts';
import { emptyResponse, JSONAPI_TYPE } from '../http/mock-response.ts';
import { restFail, type RestContext } from './rest-context.ts';
import { UUID } from './rest-query.ts';

const NOT_CONFORMING = 'Client request did not conform to OpenAPI specification';

export function handleGroupUserPatch(ctx: RestContext): MockResponse {
  const { memberships } = ctx.tenant;
  if (requestMediaType(ctx.req) !== JSONAPI_TYPE && !ctx.drift('group-user-patch-ignores-content-type')) {
    return restFail(ctx, 400, `${NOT_CONFORMING}: request body must be ${JSONAPI_TYPE}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(ctx.req.body.toString('utf8'));
  } catch {
    return restFail(ctx, 400, `${NOT_CONFORMING}: request body is not valid JSON`, { pointer: '' });
  }
  const data = (body as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return restFail(ctx, 400, `${NOT_CONFORMING}: data is required`, { pointer: '/data' });
  }
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d)) {
    if (!['type', 'id', 'attributes'].includes(key)) {
      return restFail(ctx, 400, `${NOT_CONFORMING}: unexpected property ${key}`, { pointer: `/data/${key}` });
    }
  }
  if (typeof d.type !== 'string')
    return restFail(ctx, 400, `${NOT_CONFORMING}: data.type is required`, { pointer: '/data/type' });
  if (typeof d.id !== 'string' || !UUID.test(d.id)) {
    return restFail(ctx, 400, `${NOT_CONFORMING}: data.id must be a UUID`, { pointer: '/data/id' });
  }
  const attributes = d.attributes;
  if (
    typeof attributes !== 'object' ||
    attributes === null ||
    Array.isArray(attributes) ||
    !('membership' in attributes)
  ) {
    return restFail(ctx, 400, `${NOT_CONFORMING}: data.attributes.membership is required`, {
      pointer: '/data/attributes/membership',
    });
  }
  const membership = (attributes as { membership: unknown }).membership;
  if (membership !== null) {
    const isObject = typeof membership === 'object' && !Array.isArray(membership);
    if (!isObject) {
      return restFail(ctx, 400, `${NOT_CONFORMING}: data.attributes.membership must be null or an object`, {
        pointer: '/data/attributes/membership',
      });
    }
    if (!ctx.drift('group-user-patch-accepts-membership-object')) {
      return restFail(ctx, 400, 'Only removing a membership is supported: send "membership": null', {
        pointer: '/data/attributes/membership',
      });
    }
  }
  if (d.id.toLowerCase() !== ctx.params.id!.toLowerCase()) {
    return restFail(ctx, 400, 'data.id does not match the user id in the path', { pointer: '/data/id' });
  }
  if (!memberships.isGroup(ctx.params.group_id!)) return restFail(ctx, 404, `Group ${ctx.params.group_id} not found`);
  const member = memberships.member(ctx.params.id!);
  if (!member || !memberships.inGroup(member))
    return restFail(ctx, 404, `User ${ctx.params.id} is not a member of the group`);
  if (membership === null) {
    memberships.removeFromGroup(member, {
      group: ctx.drift('group-user-patch-keeps-group-membership'),
      orgs:
        ctx.drift('group-user-patch-keeps-org-memberships') ||
        ctx.drift('group-user-patch-keeps-group-membership') ||
        ctx.realistic('group-removal-keeps-org-memberships'),
    });
    ctx.tenant.audit.append({
      createdMs: ctx.tenant.clock.now(),
      event: 'group.user.remove',
      userId: ctx.tenant.self.id,
      content: { userPublicId: member.id, email: member.email },
    });
  }
  return emptyResponse(204, ctx.headers);
}
