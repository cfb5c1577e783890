/* Generated from schemas/rest/org-user-document.schema.json by `npm run gen:types`. Do not edit. */

import type { JsonApi } from './jsonapi.ts';

/**
 * GET /rest/orgs/{org_id}/users/{id} 200 (beta only, 2021-09-13~beta): a summary of a user. Service accounts are not returned by this endpoint.
 */
export interface OrgUserDocument {
  data: OrgUser;
  jsonapi: JsonApi;
}
/**
 * This interface was referenced by `OrgUserDocument`'s JSON-Schema
 * via the `definition` "OrgUser".
 */
export interface OrgUser {
  attributes: OrgUserAttributes;
  /**
   * The Snyk ID corresponding to this user
   */
  id: string;
  /**
   * Content type.
   */
  type: string;
}
/**
 * This interface was referenced by `OrgUserDocument`'s JSON-Schema
 * via the `definition` "OrgUserAttributes".
 */
export interface OrgUserAttributes {
  /**
   * Whether the user is active.
   */
  active?: boolean;
  /**
   * The email of the user.
   */
  email?: string;
  membership?: OrgUserMembership;
  /**
   * The name of the user.
   */
  name?: string;
  /**
   * The username of the user.
   */
  username?: string;
}
/**
 * The membership of the user in the org.
 *
 * This interface was referenced by `OrgUserDocument`'s JSON-Schema
 * via the `definition` "OrgUserMembership".
 */
export interface OrgUserMembership {
  /**
   * The time the membership was created.
   */
  created_at?: string;
  /**
   * The strategy of the membership.
   */
  strategy?: 'direct' | 'indirect';
}
