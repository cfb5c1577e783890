/* Generated from schemas/apiweb/error.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A Snyk API & Web (Django REST framework) error body: {"detail": "…"} for 401/403/404/500.
 */
export interface ApiwebError {
  /**
   * A human-readable error message.
   */
  detail: string;
}
