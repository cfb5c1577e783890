/** not_a_server_error (Schemathesis): no response is a 5xx. */
import { OPERATION_NAMES } from '../../model/operations.ts';
import type { ResponseCheck } from '../check-types.ts';
import { describeRequest } from '../requests.ts';
import { fail, pass } from '../verdict.ts';
import { notAServerErrorAssertions } from '../assertions/not-a-server-error.ts';

export const notAServerError: ResponseCheck = {
  id: 'not_a_server_error',
  kind: 'response',
  title: 'Server error',
  family: 'conformance',
  severity: 'high',
  description: 'No request, valid or not, is answered with a 5xx status.',
  assertions: notAServerErrorAssertions,
  operations: OPERATION_NAMES,
  writes: (op) => op.writes,
  evaluate(_ctx, response, testCase) {
    if (response.status >= 500) {
      return fail(
        notAServerError,
        [
          ['Received', response.status],
          ['Expected', 'a status below 500'],
          ['Case', testCase.description],
          ['Request', describeRequest(testCase.request)],
        ],
        { response, case: testCase },
      );
    }
    return pass();
  },
};
