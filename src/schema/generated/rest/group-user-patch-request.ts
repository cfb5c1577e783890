/* Generated from schemas/rest/group-user-patch-request.schema.json by `npm run gen:types`. Do not edit. */

/**
 * PATCH /rest/groups/{group_id}/users/{id} request body (beta only, 2022-10-06~beta): removes the user's membership of the group.
 */
export interface GroupUserPatchRequest {
  data: UserPatchRequestBody;
}
/**
 * This interface was referenced by `GroupUserPatchRequest`'s JSON-Schema
 * via the `definition` "UserPatchRequestBody".
 */
export interface UserPatchRequestBody {
  attributes: {
    /**
     * The membership of the user. Only `null` (remove the membership) is supported.
     */
    membership: null;
  };
  /**
   * The Snyk ID corresponding to this user
   */
  id: string;
  /**
   * Content type.
   */
  type: string;
}
