/** What search_semantics asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const searchSemanticsAssertions: readonly Assertion[] = [
  documented(
    'search-narrows',
    'Every result contains the search term, and a term nobody contains finds nobody.',
    SOURCES.apiwebUsers,
    'search string A search term.',
  ),
  assumed(
    'full-email-case-insensitive',
    'A user is found by their full email, and the upper-cased term finds the same users.',
    'the docs do not say which fields search matches or whether it ignores case (Django REST framework\'s SearchFilter does)',
  ),
];
