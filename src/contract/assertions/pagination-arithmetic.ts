/** What pagination_arithmetic asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const paginationArithmeticAssertions: readonly Assertion[] = [
  documented(
    'page-arithmetic',
    'count, page_total = ceil(count/length), first and last page sizes, 404 past the end, all pages = count distinct users.',
    SOURCES.apiwebUsers,
    'count: Total number of results. page_total: Total number of pages. page: A page number within the paginated result set. length: Number of results returned per page.',
  ),
];
