/**
 * use_after_free (Schemathesis, RESTler UseAfterFree): after a successful DELETE of a pending provision, the
 * provision is gone: deleting it again answers 404 and the list no longer shows it (provision docs: DELETE
 * removes a pending provision; an address without one is 404, issue 3).
 */
import type { ScenarioCheck } from '../check-types.ts';
import { deleteProvision, isSuccess, listedEmails, listProvisions, postProvision } from '../provision-api.ts';
import { describeRequest } from '../requests.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { useAfterFreeAssertions } from '../assertions/use-after-free.ts';

const OP = 'DELETE /v1/org/{orgId}/provision' as const;

export const useAfterFree: ScenarioCheck = {
  id: 'use_after_free',
  kind: 'scenario',
  title: 'Deleted provision is still available',
  family: 'stateful',
  severity: 'high',
  description: 'After DELETE ?email= succeeds, a second DELETE answers 404 and GET no longer lists the address.',
  assertions: useAfterFreeAssertions,
  operations: [OP],
  writes: true,
  async run(ctx) {
    const email = ctx.ledger.nextEmail();
    try {
      const created = await postProvision(ctx, { email, role: 'COLLABORATOR' }, 'setup: a provision to delete', { mode: 'stateful' });
      if (!isSuccess(created.response.status)) {
        return { verdicts: [notApplicable(`the setup provision was refused (${created.response.status}); positive_data_acceptance reports it`)] };
      }
      const first = await deleteProvision(ctx, email, 'delete the provision', { mode: 'stateful' });
      if (!isSuccess(first.response.status)) {
        return { verdicts: [notApplicable(`the first DELETE answered ${first.response.status}; positive_data_acceptance reports it`)] };
      }
      const again = await deleteProvision(ctx, email, 'delete it again', { mode: 'stateful' });
      if (again.response.status !== 404) {
        return {
          verdicts: [
            fail(useAfterFree, [
              ['Received', again.response.status],
              ['Expected', '404 (the provision was deleted)'],
              ['Sequence', `POST ${email} → ${created.response.status}, DELETE → ${first.response.status}, DELETE → ${again.response.status}`],
              ['Request', describeRequest(again.case.request)],
            ], { response: again.response, case: again.case, operation: OP, assertion: 'delete-again-404' }),
          ],
        };
      }
      const list = await listProvisions(ctx, 'list after the deletion');
      const listed = listedEmails(list.response);
      if (listed?.has(email.toLowerCase())) {
        return {
          verdicts: [
            fail(useAfterFree, [
              ['Problem', 'the deleted provision is still listed'],
              ['Email', email],
              ['Sequence', `POST → ${created.response.status}, DELETE → ${first.response.status}, GET lists it`],
            ], { response: list.response, case: list.case, operation: OP }),
          ],
        };
      }
      return { verdicts: [pass()] };
    } finally {
      if (ctx.orgId) await ctx.ledger.cleanup(ctx.client, ctx.orgId);
    }
  },
};
