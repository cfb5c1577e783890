/**
 * content_type_conformance (Schemathesis): a body comes with a documented media type; a response documented
 * without a body (PATCH group user: 204 in the REST spec, 200 in the REST Users reference) has none.
 */
import { OPERATION_NAMES, OPERATIONS } from '../../model/operations.ts';
import type { ResponseCheck } from '../check-types.ts';
import { describeRequest } from '../requests.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { contentTypeConformanceAssertions } from '../assertions/content-type-conformance.ts';

export const contentTypeConformance: ResponseCheck = {
  id: 'content_type_conformance',
  kind: 'response',
  title: 'Undocumented Content-Type',
  family: 'conformance',
  severity: 'medium',
  description: 'The Content-Type is present and one the operation documents for the status; a documented empty response has no body.',
  assertions: contentTypeConformanceAssertions,
  operations: OPERATION_NAMES,
  writes: (op) => op.writes,
  evaluate(_ctx, response, testCase) {
    const documented = OPERATIONS[testCase.operation].responses[response.status];
    if (!documented) return notApplicable(`status ${response.status} is undocumented (status_code_conformance judges it)`);
    const received = response.contentType?.toLowerCase();
    const hasBody = response.text.trim() !== '';
    const lines = (expected: string): [string, unknown][] => [
      ['Received', received ?? '(no Content-Type)'],
      ['Documented', expected],
      ['Status', response.status],
      ['Case', testCase.description],
      ['Request', describeRequest(testCase.request)],
    ];
    if (documented.contentTypes.length === 0) {
      if (hasBody) return fail(contentTypeConformance, [...lines('no body'), ['Body', response.text.slice(0, 200)]], { response, case: testCase });
      return pass();
    }
    if (!received) return fail(contentTypeConformance, lines(documented.contentTypes.join(', ')), { response, case: testCase });
    if (!documented.contentTypes.some((t) => t.toLowerCase() === received)) {
      return fail(contentTypeConformance, lines(documented.contentTypes.join(', ')), { response, case: testCase });
    }
    return pass();
  },
};
