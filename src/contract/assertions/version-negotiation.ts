/** What version_negotiation asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const versionNegotiationAssertions: readonly Assertion[] = [
  documented(
    'version-resolution',
    'The served version is on or before the requested date and at least as stable; a missing, malformed or future version is 400; no matching release is 404.',
    SOURCES.restVersioning,
    'You can use the current day\'s date; this will call the most recent version',
  ),
  assumed(
    'version-headers-present',
    'A REST success carries snyk-version-requested, snyk-version-served and snyk-version-lifecycle-stage, so the served version can be judged.',
    'the spec declares these headers on its responses but marks none of them required',
  ),
];
