/**
 * role_xor_role_public_id: "You can use either role or rolePublicId but not both in the same call" (provision docs;
 * v1 spec: role "is invalid if rolePublicId is supplied"). A POST with both is refused with a 4xx and creates
 * nothing; with `role` alone it succeeds; with a known role's `rolePublicId` alone it succeeds.
 */
import type { CheckContext } from '../check-context.ts';
import type { ScenarioCheck, Verdict } from '../check-types.ts';
import { isSuccess, listedEmails, listProvisions, postProvision } from '../provision-api.ts';
import { UNKNOWN_UUID } from '../case-space.ts';
import { isUuid } from '../rest-version.ts';
import { fail, pass } from '../verdict.ts';
import { roleXorRolePublicIdAssertions } from '../assertions/role-xor-role-public-id.ts';

const OP = 'POST /v1/org/{orgId}/provision' as const;

/** A rolePublicId the tenant knows: from a pending provision or a provision answer. */
async function knownRoleId(ctx: CheckContext, answered: unknown): Promise<string | undefined> {
  const fromAnswer = (answered as { rolePublicId?: unknown } | undefined)?.rolePublicId;
  if (typeof fromAnswer === 'string' && isUuid(fromAnswer)) return fromAnswer;
  const list = await listProvisions(ctx, 'pending provisions (for a known rolePublicId)');
  if (Array.isArray(list.response.json)) {
    for (const e of list.response.json as { rolePublicId?: unknown }[]) {
      if (typeof e?.rolePublicId === 'string' && isUuid(e.rolePublicId)) return e.rolePublicId;
    }
  }
  return undefined;
}

export const roleXorRolePublicId: ScenarioCheck = {
  id: 'role_xor_role_public_id',
  kind: 'scenario',
  title: 'role and rolePublicId are not mutually exclusive',
  family: 'negative',
  severity: 'medium',
  description: 'POST provision with both role and rolePublicId is a 4xx that creates nothing; either one alone succeeds.',
  assertions: roleXorRolePublicIdAssertions,
  operations: [OP],
  writes: true,
  async run(ctx) {
    const verdicts: Verdict[] = [];
    try {
      const alone = await postProvision(ctx, { email: ctx.ledger.nextEmail(), role: 'COLLABORATOR' }, 'role alone', { mode: 'example' });
      if (!isSuccess(alone.response.status)) {
        verdicts.push(fail(roleXorRolePublicId, [['Body', 'role alone'], ['Received', alone.response.status], ['Expected', '2xx']], { response: alone.response, case: alone.case, operation: OP }));
      }
      const roleId = (await knownRoleId(ctx, alone.response.json)) ?? UNKNOWN_UUID;
      const bothEmail = ctx.ledger.nextEmail();
      const both = await postProvision(ctx, { email: bothEmail, role: 'COLLABORATOR', rolePublicId: roleId }, 'both role and rolePublicId', {
        mode: 'negative',
        invalidComponent: 'body/rolePublicId',
      });
      const listed = listedEmails((await listProvisions(ctx, 'list after the refused provision')).response);
      if (both.response.status < 400 || listed?.has(bothEmail.toLowerCase())) {
        verdicts.push(
          fail(roleXorRolePublicId, [
            ['Body', { role: 'COLLABORATOR', rolePublicId: roleId }],
            ['Received', both.response.status],
            ['Expected', '4xx ("either role or rolePublicId but not both")'],
            ['Provision listed afterwards', listed?.has(bothEmail.toLowerCase()) ? 'yes' : 'no'],
          ], { response: both.response, case: both.case, operation: OP }),
        );
      }
      if (roleId !== UNKNOWN_UUID) {
        const byId = await postProvision(ctx, { email: ctx.ledger.nextEmail(), rolePublicId: roleId }, 'rolePublicId alone', { mode: 'example' });
        if (!isSuccess(byId.response.status)) {
          verdicts.push(fail(roleXorRolePublicId, [['Body', { rolePublicId: roleId }], ['Received', byId.response.status], ['Expected', '2xx']], { response: byId.response, case: byId.case, operation: OP }));
        }
      }
    } finally {
      if (ctx.orgId) await ctx.ledger.cleanup(ctx.client, ctx.orgId);
    }
    return { verdicts: verdicts.length > 0 ? verdicts : [pass()] };
  },
};
