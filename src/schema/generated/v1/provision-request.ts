/* Generated from schemas/v1/provision-request.schema.json by `npm run gen:types`. Do not edit. */

import type { RolePublicId } from './provision-entry.ts';

/**
 * POST /v1/org/{orgId}/provision request body: provision a (not yet existing, SSO) user to the org with a role.
 */
export interface ProvisionRequest {
  /**
   * The email of the user.
   */
  email: string;
  rolePublicId?: RolePublicId;
  /**
   * @deprecated
   * Deprecated. Name of the role to grant this user. Invalid if a (non-empty) rolePublicId is supplied.
   */
  role?: 'ADMIN' | 'COLLABORATOR' | 'RESTRICTED_COLLABORATOR';
}
