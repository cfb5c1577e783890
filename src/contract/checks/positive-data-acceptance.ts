/**
 * positive_data_acceptance (Schemathesis): a request valid by every documented rule, sent to the configured
 * org and group, is answered with a success (or with the non-success its case documents, e.g. 404 for a
 * provision that does not exist). Values were re-checked with ajv before sending, so a refusal is the tenant's.
 */
import { OPERATION_NAMES } from '../../model/operations.ts';
import type { ResponseCheck } from '../check-types.ts';
import { describeRequest } from '../requests.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { positiveDataAcceptanceAssertions } from '../assertions/positive-data-acceptance.ts';

export const positiveDataAcceptance: ResponseCheck = {
  id: 'positive_data_acceptance',
  kind: 'response',
  title: 'API rejected schema-compliant request',
  family: 'negative',
  severity: 'medium',
  description: 'A schema-valid request (documented example, boundary value or generated) is answered with a 2xx.',
  assertions: positiveDataAcceptanceAssertions,
  operations: OPERATION_NAMES,
  writes: (op) => op.writes,
  evaluate(_ctx, response, testCase) {
    if (testCase.mode !== 'positive' && testCase.mode !== 'boundary' && testCase.mode !== 'example') {
      return notApplicable('the case is not a positive one');
    }
    if (response.status >= 500) return notApplicable('a server error (not_a_server_error reports it)');
    const expected = testCase.expected;
    const ok = expected ? expected.includes(response.status) : response.status >= 200 && response.status < 300;
    if (ok) return pass();
    const lines: [string, unknown][] = [
      ['Received', response.status],
      ['Expected', expected ? expected : '2xx'],
      ['Case', testCase.description],
      ['Request', describeRequest(testCase.request)],
    ];
    if (response.status === 401 || response.status === 403) {
      lines.push(['Hint', 'if this happens for every request, the token may lack a permission the operation documents']);
    }
    return fail(positiveDataAcceptance, lines, { response, case: testCase, ...(testCase.assertion ? { assertion: testCase.assertion } : {}) });
  },
};
