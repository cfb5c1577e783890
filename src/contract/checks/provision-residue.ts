/**
 * provision_residue: live safety (issue 5). Every test provision this run created is deleted; the check
 * deletes what is still open in the ledger and fails if any of this run's addresses is still pending.
 */
import type { ScenarioCheck } from '../check-types.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { provisionResidueAssertions } from '../assertions/provision-residue.ts';

export const provisionResidue: ScenarioCheck = {
  id: 'provision_residue',
  kind: 'scenario',
  title: 'Test provisions were left on the tenant',
  family: 'stateful',
  severity: 'high',
  description: 'After the provision checks, none of the reserved addresses this run provisioned is still pending.',
  assertions: provisionResidueAssertions,
  operations: ['GET /v1/org/{orgId}/provision'],
  async run(ctx) {
    if (!ctx.orgId) return { verdicts: [notApplicable('SNYK_ORG_ID is not set')] };
    if (ctx.ledger.created().length === 0) return { verdicts: [notApplicable('this run created no provision')] };
    const cleanup = await ctx.ledger.cleanup(ctx.client, ctx.orgId);
    const left = await ctx.ledger.residue(ctx.client, ctx.orgId);
    if (left.length === 0 && cleanup.failed.length === 0) return { verdicts: [pass()] };
    return {
      verdicts: [
        fail(provisionResidue, [
          ['Provisions created by this run', ctx.ledger.created().length],
          ['Still pending', left],
          ['Deletions that failed', cleanup.failed.map((f) => `${f.email}: ${f.reason}`)],
        ], { operation: 'GET /v1/org/{orgId}/provision' }),
      ],
    };
  },
};
