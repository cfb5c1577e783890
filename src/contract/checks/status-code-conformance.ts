/** status_code_conformance (Schemathesis): every status is documented for the operation. */
import { OPERATION_NAMES, OPERATIONS } from '../../model/operations.ts';
import type { ResponseCheck } from '../check-types.ts';
import { describeRequest } from '../requests.ts';
import { fail, pass } from '../verdict.ts';
import { statusCodeConformanceAssertions } from '../assertions/status-code-conformance.ts';

export const statusCodeConformance: ResponseCheck = {
  id: 'status_code_conformance',
  kind: 'response',
  title: 'Undocumented HTTP status code',
  family: 'conformance',
  severity: 'medium',
  description: 'Every response status is one the operation documents (src/model/operations.ts).',
  assertions: statusCodeConformanceAssertions,
  operations: OPERATION_NAMES,
  writes: (op) => op.writes,
  evaluate(_ctx, response, testCase) {
    // research §8: 429 is not declared on user-management operations, but it is the rate limiter, not the contract.
    const op = OPERATIONS[testCase.operation];
    const documented = Object.keys(op.responses).map(Number).sort((a, b) => a - b);
    if (!documented.includes(response.status)) {
      return fail(
        statusCodeConformance,
        [
          ['Received', response.status],
          ['Documented', documented],
          ['Case', testCase.description],
          ['Request', describeRequest(testCase.request)],
        ],
        { response, case: testCase },
      );
    }
    return pass();
  },
};
