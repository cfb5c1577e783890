/* Generated from schemas/rest/org-membership-list.schema.json by `npm run gen:types`. Do not edit. */

import type { JsonApi } from './jsonapi.ts';
import type { Links } from './links.ts';

/**
 * GET /rest/orgs/{org_id}/memberships 200 (GA 2024-08-25): one page of the org's memberships.
 */
export interface OrgMembershipList {
  data: OrgMembershipItem[];
  jsonapi: JsonApi;
  links: Links;
}
/**
 * This interface was referenced by `OrgMembershipList`'s JSON-Schema
 * via the `definition` "OrgMembershipItem".
 */
export interface OrgMembershipItem {
  attributes?: OrgMembershipAttributes;
  id?: string;
  relationships?: OrgMembershipRelationships;
  /**
   * Content type
   */
  type?: string;
}
/**
 * This interface was referenced by `OrgMembershipList`'s JSON-Schema
 * via the `definition` "OrgMembershipAttributes".
 */
export interface OrgMembershipAttributes {
  /**
   * The time when this Org membership was created
   */
  created_at: string;
}
/**
 * This interface was referenced by `OrgMembershipList`'s JSON-Schema
 * via the `definition` "OrgMembershipRelationships".
 */
export interface OrgMembershipRelationships {
  org: OrgMembershipOrgData;
  role: OrgMembershipRoleData;
  user: OrgMembershipUserData;
}
/**
 * This interface was referenced by `OrgMembershipList`'s JSON-Schema
 * via the `definition` "OrgMembershipOrgData".
 */
export interface OrgMembershipOrgData {
  data?: {
    attributes: {
      /**
       * The name of the organization
       */
      name: string;
    };
    id: string;
    type?: string;
  };
}
/**
 * This interface was referenced by `OrgMembershipList`'s JSON-Schema
 * via the `definition` "OrgMembershipRoleData".
 */
export interface OrgMembershipRoleData {
  data?: {
    attributes: {
      /**
       * The name of the role
       */
      name: string;
    };
    id: string;
    type?: string;
  };
}
/**
 * This interface was referenced by `OrgMembershipList`'s JSON-Schema
 * via the `definition` "OrgMembershipUserData".
 */
export interface OrgMembershipUserData {
  data?: {
    attributes: {
      /**
       * The email of the user
       */
      email: string;
      /**
       * The login method of the user
       */
      login_method?: string;
      /**
       * The name of the user
       */
      name: string;
      /**
       * The username of the user
       */
      username: string;
    };
    id: string;
    type?: string;
  };
}
