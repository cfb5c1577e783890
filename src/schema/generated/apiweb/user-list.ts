/* Generated from schemas/apiweb/user-list.schema.json by `npm run gen:types`. Do not edit. */

import type { ApiwebUser } from './user.ts';

/**
 * GET /users/ 200: one page of users (page-number pagination, first page 1).
 */
export interface ApiwebUserList {
  /**
   * Total number of results.
   */
  count: number;
  /**
   * Total number of pages.
   */
  page_total: number;
  /**
   * Number of the current page. The first page is 1. Defaults to 1 if no specific page is requested.
   */
  page: number;
  /**
   * Number of results returned per page.
   */
  length: number;
  results: ApiwebUser[];
}
