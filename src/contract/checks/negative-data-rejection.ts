/**
 * negative_data_rejection (Schemathesis): a request that breaks the documented contract in one component
 * (a parameter outside its bounds or enum, a missing or malformed required value, a body that violates its
 * schema, an unknown parent resource, a missing or malformed REST version) is refused with a 4xx. Only
 * components whose refusal the documentation makes certain are broken (src/contract/query-parameters.ts).
 */
import { OPERATION_NAMES } from '../../model/operations.ts';
import type { ResponseCheck } from '../check-types.ts';
import { describeRequest } from '../requests.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { negativeDataRejectionAssertions } from '../assertions/negative-data-rejection.ts';

export const negativeDataRejection: ResponseCheck = {
  id: 'negative_data_rejection',
  kind: 'response',
  title: 'API accepted schema-violating request',
  family: 'negative',
  severity: 'medium',
  description: 'A request made invalid in exactly one documented component is answered with a 4xx.',
  assertions: negativeDataRejectionAssertions,
  operations: OPERATION_NAMES,
  writes: (op) => op.writes,
  evaluate(_ctx, response, testCase) {
    if (!testCase.invalidComponent || (testCase.mode !== 'negative' && testCase.mode !== 'version')) {
      return notApplicable('the case is not a negative one');
    }
    // A 5xx is not an acceptance; not_a_server_error reports it.
    if (response.status >= 400) return pass();
    return fail(
      negativeDataRejection,
      [
        ['Received', response.status],
        ['Expected', 'a 4xx status'],
        ['Invalid component', testCase.invalidComponent],
        ['Case', testCase.description],
        ['Request', describeRequest(testCase.request)],
      ],
      {
        response,
        case: testCase,
        // users-list docs gives length no bounds: refusing length=0 or a negative one is our reading (DRF falls back).
        ...(testCase.operation === 'GET /users/' && testCase.invalidComponent === 'query.length' ? { assertion: 'apiweb-length-bounds' } : {}),
        // An address that is not one: the docs type it as a plain string (provision docs).
        ...(testCase.operation === 'DELETE /v1/org/{orgId}/provision' && testCase.invalidComponent === 'query.email' && testCase.request.query?.email !== undefined
          ? { assertion: 'provision-email-format' }
          : {}),
      },
    );
  },
};
