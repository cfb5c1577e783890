/** What field_exclusion asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const fieldExclusionAssertions: readonly Assertion[] = [
  documented(
    'exclude-fields',
    'With exclude=f the results lack f and keep every other field unchanged.',
    SOURCES.apiwebUsers,
    'exclude string[] Fields to exclude from the response.',
  ),
];
