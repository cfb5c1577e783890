/**
 * ignored_auth (Schemathesis): an operation that documents authentication refuses a request without
 * credentials and one with a wrong token (401, or 403). Snyk sends `Authorization: token …`, API & Web
 * `Authorization: JWT …` (authentication docs); both document 401.
 */
import { OPERATION_NAMES } from '../../model/operations.ts';
import type { ResponseCheck } from '../check-types.ts';
import { describeRequest } from '../requests.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { ignoredAuthAssertions } from '../assertions/ignored-auth.ts';

export const ignoredAuth: ResponseCheck = {
  id: 'ignored_auth',
  kind: 'response',
  title: 'API accepts requests without authentication',
  family: 'auth',
  severity: 'critical',
  description: 'Requests without credentials or with a wrong token are refused with 401 or 403.',
  assertions: ignoredAuthAssertions,
  operations: OPERATION_NAMES,
  writes: (op) => op.writes,
  evaluate(_ctx, response, testCase) {
    if (testCase.mode !== 'auth') return notApplicable('the case does not test authentication');
    if (response.status === 401 || response.status === 403) return pass();
    if (response.status >= 500) return notApplicable('a server error (not_a_server_error reports it)');
    return fail(
      ignoredAuth,
      [
        ['Received', response.status],
        ['Expected', [401, 403]],
        ['Credentials', testCase.request.auth === 'none' ? 'none' : 'a wrong token'],
        ['Request', describeRequest(testCase.request)],
      ],
      { response, case: testCase },
    );
  },
};
