/**
 * ensure_resource_availability (Schemathesis): after a successful POST provision, the provision is
 * available: GET lists the address (provision docs: "returns pending provisioned users") and the POST answer names it.
 */
import type { ScenarioCheck } from '../check-types.ts';
import { isSuccess, listedEmails, listProvisions, postProvision } from '../provision-api.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { ensureResourceAvailabilityAssertions } from '../assertions/ensure-resource-availability.ts';

const OP = 'POST /v1/org/{orgId}/provision' as const;

export const ensureResourceAvailability: ScenarioCheck = {
  id: 'ensure_resource_availability',
  kind: 'scenario',
  title: 'Created provision is not available',
  family: 'stateful',
  severity: 'high',
  description: 'After POST provision succeeds, its answer names the address and GET /provision lists it.',
  assertions: ensureResourceAvailabilityAssertions,
  operations: [OP],
  writes: true,
  async run(ctx) {
    const email = ctx.ledger.nextEmail();
    try {
      const created = await postProvision(ctx, { email, role: 'COLLABORATOR' }, 'provision a reserved address', { mode: 'stateful' });
      if (!isSuccess(created.response.status)) {
        return { verdicts: [notApplicable(`the provision was refused (${created.response.status}); positive_data_acceptance reports it`)] };
      }
      const echoed = (created.response.json as { email?: unknown } | undefined)?.email;
      if (typeof echoed === 'string' && echoed.toLowerCase() !== email.toLowerCase()) {
        return {
          verdicts: [fail(ensureResourceAvailability, [['Requested email', email], ['Answered email', echoed]], { response: created.response, case: created.case, operation: OP })],
        };
      }
      const list = await listProvisions(ctx, 'list after the provision');
      const listed = listedEmails(list.response);
      if (!listed?.has(email.toLowerCase())) {
        return {
          verdicts: [
            fail(ensureResourceAvailability, [
              ['Problem', 'the created provision is not listed'],
              ['Email', email],
              ['POST', created.response.status],
              ['GET /v1/org/{orgId}/provision', list.response.status],
            ], { response: list.response, case: created.case, operation: OP }),
          ],
        };
      }
      // The listed entry is the record the POST answered with (provision docs: same response model).
      const entry = (list.response.json as Record<string, unknown>[]).find((e) => typeof e?.email === 'string' && e.email.toLowerCase() === email.toLowerCase());
      const answer = (created.response.json ?? {}) as Record<string, unknown>;
      // Dates compare as instants: the two answers may format the same moment differently.
      const same = (k: string, a: unknown, b: unknown): boolean =>
        k === 'created' && typeof a === 'string' && typeof b === 'string' && !Number.isNaN(Date.parse(a)) ? Date.parse(a) === Date.parse(b) : a === b;
      const differs = (['role', 'rolePublicId', 'created'] as const).filter(
        (k) => entry && answer[k] !== undefined && entry[k] !== undefined && !same(k, answer[k], entry[k]),
      );
      if (differs.length > 0) {
        return {
          verdicts: [
            fail(ensureResourceAvailability, [
              ['Problem', 'the listed provision differs from the one the POST answered'],
              ...differs.map((k): [string, unknown] => [k, `${JSON.stringify(answer[k])} (POST) vs ${JSON.stringify(entry![k])} (GET)`]),
            ], { response: list.response, case: created.case, operation: OP }),
          ],
        };
      }
      return { verdicts: [pass()] };
    } finally {
      if (ctx.orgId) await ctx.ledger.cleanup(ctx.client, ctx.orgId);
    }
  },
};
