/* Generated from schemas/rest/audit-log-search-page.schema.json by `npm run gen:types`. Do not edit. */

import type { JsonApi } from './jsonapi.ts';
import type { Links } from './links.ts';

/**
 * GET /rest/groups/{group_id}/audit_logs/search and GET /rest/orgs/{org_id}/audit_logs/search 200 (GA 2024-04-29): one page of audit-log events.
 */
export interface AuditLogSearchPage {
  data: AuditLogSearch;
  jsonapi: JsonApi;
  links?: Links;
}
/**
 * This interface was referenced by `AuditLogSearchPage`'s JSON-Schema
 * via the `definition` "AuditLogSearch".
 */
export interface AuditLogSearch {
  items?: AuditLogEvent[];
  type?: string;
}
/**
 * This interface was referenced by `AuditLogSearchPage`'s JSON-Schema
 * via the `definition` "AuditLogEvent".
 */
export interface AuditLogEvent {
  /**
   * Event-specific details (e.g. org.user.add: {role, rolePublicId, userPublicId}).
   */
  content?: {
    [k: string]: unknown;
  };
  created: string;
  event: string;
  group_id?: string;
  org_id?: string;
  project_id?: string;
  user_id?: string;
}
