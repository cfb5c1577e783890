/* Generated from schemas/rest/group-membership-list.schema.json by `npm run gen:types`. Do not edit. */

import type { JsonApi } from './jsonapi.ts';
import type { Links } from './links.ts';

/**
 * GET /rest/groups/{group_id}/memberships 200 (GA 2024-08-25): one page of the group's memberships.
 */
export interface GroupMembershipList {
  data: GroupMembershipItem[];
  jsonapi: JsonApi;
  links: Links;
}
/**
 * This interface was referenced by `GroupMembershipList`'s JSON-Schema
 * via the `definition` "GroupMembershipItem".
 */
export interface GroupMembershipItem {
  attributes?: GroupMembershipAttributes;
  id?: string;
  meta?: GroupMembershipMeta;
  relationships?: GroupMembershipRelationships;
  /**
   * Content type
   */
  type?: string;
}
/**
 * This interface was referenced by `GroupMembershipList`'s JSON-Schema
 * via the `definition` "GroupMembershipAttributes".
 */
export interface GroupMembershipAttributes {
  /**
   * The time when this group membership was created
   */
  created_at: string;
}
/**
 * This interface was referenced by `GroupMembershipList`'s JSON-Schema
 * via the `definition` "GroupMembershipMeta".
 */
export interface GroupMembershipMeta {
  group_membership_count?: number;
}
/**
 * This interface was referenced by `GroupMembershipList`'s JSON-Schema
 * via the `definition` "GroupMembershipRelationships".
 */
export interface GroupMembershipRelationships {
  group: GroupMembershipGroupData;
  role: GroupMembershipRoleData;
  user: GroupMembershipUserData;
}
/**
 * This interface was referenced by `GroupMembershipList`'s JSON-Schema
 * via the `definition` "GroupMembershipGroupData".
 */
export interface GroupMembershipGroupData {
  data?: {
    attributes: {
      /**
       * The name of the group
       */
      name: string;
    };
    id: string;
    type?: string;
  };
}
/**
 * This interface was referenced by `GroupMembershipList`'s JSON-Schema
 * via the `definition` "GroupMembershipRoleData".
 */
export interface GroupMembershipRoleData {
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
 * This interface was referenced by `GroupMembershipList`'s JSON-Schema
 * via the `definition` "GroupMembershipUserData".
 */
export interface GroupMembershipUserData {
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
