/**
 * response_headers_conformance (Schemathesis): the headers the documentation declares are present and their
 * values match their schemas. REST (spec components/headers): `snyk-request-id` (uuid),
 * `snyk-version-requested` (QueryVersion), `snyk-version-served` (ActualVersion), `snyk-version-lifecycle-stage`
 * (enum) on every success, typed when present on errors (the spec marks none of them required, and a gateway
 * may answer 401 before the version router);
 * `deprecation` (date-time) and `sunset` (date or date-time) typed when present. v1: errors carry
 * `x-error-reference` (v1-api docs, REST spec error documents).
 */
import { OPERATION_NAMES, OPERATIONS, REST_VERSION_HEADERS } from '../../model/operations.ts';
import type { ResponseCheck } from '../check-types.ts';
import { describeRequest } from '../requests.ts';
import { isActualVersion, isDateOrDateTime, isQueryVersion, isUuid, LIFECYCLE_STAGES } from '../rest-version.ts';
import { fail, pass } from '../verdict.ts';
import { responseHeadersConformanceAssertions } from '../assertions/response-headers-conformance.ts';

const VALUE_RULES: Record<string, { rule: string; ok: (v: string) => boolean }> = {
  'snyk-request-id': { rule: 'a uuid', ok: isUuid },
  'snyk-version-requested': { rule: 'a QueryVersion', ok: isQueryVersion },
  'snyk-version-served': { rule: 'an ActualVersion (YYYY-MM-DD[~stability])', ok: isActualVersion },
  'snyk-version-lifecycle-stage': {
    rule: `one of ${LIFECYCLE_STAGES.join(', ')}`,
    ok: (v) => (LIFECYCLE_STAGES as readonly string[]).includes(v),
  },
  deprecation: { rule: 'a date-time', ok: (v) => /^\d{4}-\d{2}-\d{2}[Tt ]/.test(v) && !Number.isNaN(Date.parse(v)) },
  sunset: { rule: 'a date (YYYY-MM-DD) or date-time', ok: isDateOrDateTime },
};

export const responseHeadersConformance: ResponseCheck = {
  id: 'response_headers_conformance',
  kind: 'response',
  title: 'Response headers do not match the documentation',
  family: 'conformance',
  severity: 'medium',
  description:
    'REST successes carry snyk-request-id and the snyk-version-* headers; every declared header present has a valid value; v1 errors carry x-error-reference.',
  assertions: responseHeadersConformanceAssertions,
  operations: OPERATION_NAMES,
  writes: (op) => op.writes,
  evaluate(_ctx, response, testCase) {
    const op = OPERATIONS[testCase.operation];
    const problems: [string, unknown][] = [];
    // The assumed assertion a problem rests on; a problem without one is documented.
    let assumption: 'rest-success-headers' | 'v1-error-reference' | undefined;
    let documentedProblem = false;
    if (op.api === 'rest') {
      if (response.status >= 200 && response.status < 300) {
        for (const name of REST_VERSION_HEADERS) {
          if (response.headers[name] === undefined) {
            problems.push([`Missing`, name]);
            assumption = 'rest-success-headers';
          }
        }
      }
      // Errors: the spec declares the same headers on its error responses but marks none required, and a
      // gateway may answer (401, 429) before the service that sets them; they are judged when present.
      for (const [name, rule] of Object.entries(VALUE_RULES)) {
        const value = response.headers[name];
        if (value !== undefined && !rule.ok(value)) {
          problems.push([`Invalid ${name}`, `${JSON.stringify(value)} is not ${rule.rule}`]);
          documentedProblem = true;
        }
      }
    } else if (op.api === 'v1' && response.status >= 400) {
      const ref = response.headers['x-error-reference'];
      if (ref === undefined || ref.trim() === '') {
        problems.push(['Missing', 'x-error-reference']);
        assumption = 'v1-error-reference';
      }
    }
    if (problems.length === 0) return pass();
    return fail(
      responseHeadersConformance,
      [...problems, ['Status', response.status], ['Case', testCase.description], ['Request', describeRequest(testCase.request)]],
      { response, case: testCase, ...(documentedProblem || !assumption ? {} : { assertion: assumption }) },
    );
  },
};
