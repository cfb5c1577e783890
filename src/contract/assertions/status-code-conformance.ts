/** What status_code_conformance asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const statusCodeConformanceAssertions: readonly Assertion[] = [
  documented(
    'documented-status',
    'Every response status is one the operation documents.',
    SOURCES.restSpec,
    'responses: 204 "The operation completed successfully with no content", 400, 401, 403, 404, 500 (PATCH /groups/{group_id}/users/{id}; every operation lists its own)',
  ),
];
