/** What cursor_pagination asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const cursorPaginationAssertions: readonly Assertion[] = [
  documented(
    'cursor-pages',
    'limit/size bounds, pages within the asked size, well-formed links.next for the same collection without loops, small pages = large pages, links.prev back, and a walk back from the last page by links.prev (ending_before) gives every page again.',
    SOURCES.restSpec,
    'limit: default 10, minimum 10, maximum 100, multipleOf 10; size: default 100, minimum 1, maximum 100; starting_after: "Return the page of results immediately after this cursor"; ending_before: "Return the page of results immediately before this cursor"',
  ),
  assumed(
    'no-empty-page-with-next',
    'An empty page carries no links.next, and the last page does not link to an empty page.',
    'the spec does not forbid it; real Snyk is reported to serve empty pages with next (pysnyk issue 212)',
  ),
];
