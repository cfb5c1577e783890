/* Generated from schemas/v1/provision-entry.schema.json by `npm run gen:types`. Do not edit. */

/**
 * ID of the role to grant this user; "" when the role is given by name.
 *
 * This interface was referenced by `ProvisionEntry`'s JSON-Schema
 * via the `definition` "RolePublicId".
 */
export type RolePublicId = string;

/**
 * A pending user provision: the 200 body of POST /v1/org/{orgId}/provision and an element of GET /v1/org/{orgId}/provision.
 */
export interface ProvisionEntry {
  /**
   * The email of the user.
   */
  email: string;
  /**
   * Name of the role granted for this user.
   */
  role: string;
  rolePublicId: RolePublicId;
  /**
   * Timestamp of when this provision record was created.
   */
  created: string;
}
