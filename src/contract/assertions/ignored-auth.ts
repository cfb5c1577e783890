/** What ignored_auth asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const ignoredAuthAssertions: readonly Assertion[] = [
  documented(
    'refuse-unauthenticated',
    'Requests without credentials or with a wrong token are refused with 401 or 403.',
    SOURCES.v1Spec,
    '401: `API_KEY` is invalid.',
  ),
];
