/**
 * Applies a response check to one response. A 429 is never a pass or a fail of a check (issue 4): the tenant
 * refused to answer, so no check has anything to judge. The rule lives here, once, for every response check,
 * and so does the basis rule: an assumed assertion's failure is a warning unless the run is strict.
 */
import type { ApiResponse } from '../client/types.ts';
import type { CheckContext } from './check-context.ts';
import type { CheckCase, ResponseCheck, Verdict } from './check-types.ts';
import { settleVerdict } from './settle-verdict.ts';
import { notApplicable } from './verdict.ts';

export function judgeResponse(check: ResponseCheck, ctx: CheckContext, response: ApiResponse, testCase: CheckCase): Verdict {
  if (response.status === 429) return notApplicable('rate limited (429 is neither a pass nor a fail)');
  return settleVerdict(check, check.evaluate(ctx, response, testCase), ctx.strict);
}
