/** What content_type_conformance asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const contentTypeConformanceAssertions: readonly Assertion[] = [
  documented(
    'documented-media-type',
    'A body comes with a Content-Type the operation documents for its status.',
    SOURCES.restUsers,
    '200 Current user is returned application/vnd.api+json',
  ),
  documented(
    'no-content-no-body',
    'A response documented without content has no body.',
    SOURCES.restUsers,
    '204 The operation completed successfully with no content',
  ),
];
