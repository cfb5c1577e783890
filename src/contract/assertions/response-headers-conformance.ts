/** What response_headers_conformance asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const responseHeadersConformanceAssertions: readonly Assertion[] = [
  documented(
    'header-values',
    'Every declared header that is present has a value of its declared type.',
    SOURCES.restSpec,
    'snyk-request-id: format uuid; snyk-version-served: ActualVersion; snyk-version-lifecycle-stage: enum wip, experimental, beta, ga, deprecated, sunset',
  ),
  assumed(
    'rest-success-headers',
    'A REST success carries snyk-request-id, snyk-version-requested, snyk-version-served and snyk-version-lifecycle-stage.',
    'the spec declares these headers on its responses but marks none of them required',
  ),
  assumed(
    'v1-error-reference',
    'A v1 error carries an x-error-reference header.',
    'v1 errors are reported to carry it, but neither the v1 spec nor the provision docs declare it',
  ),
];
