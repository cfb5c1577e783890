/* Generated from schemas/v1/provision-delete-response.schema.json by `npm run gen:types`. Do not edit. */

/**
 * DELETE /v1/org/{orgId}/provision?email=… 200.
 */
export interface ProvisionDeleteResponse {
  /**
   * Deletion succeeded.
   */
  ok: boolean;
}
