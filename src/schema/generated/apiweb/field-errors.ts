/* Generated from schemas/apiweb/field-errors.schema.json by `npm run gen:types`. Do not edit. */

/**
 * This interface was referenced by `ApiwebFieldErrors`'s JSON-Schema
 * via the `definition` "ApiwebFieldMessages".
 */
export type ApiwebFieldMessages = (string | ApiwebNestedFieldErrors)[] | ApiwebNestedFieldErrors;

/**
 * A Snyk API & Web 400 body (Django REST framework validation errors): an object of field name → list of messages, possibly with `non_field_errors` (list) or `detail` (string).
 */
export interface ApiwebFieldErrors {
  /**
   * A single error message (DRF ParseError and similar).
   */
  detail?: string;
  /**
   * Errors not tied to one field.
   */
  non_field_errors?: string[];
  [k: string]: ApiwebFieldMessages | string | undefined;
}
/**
 * This interface was referenced by `ApiwebFieldErrors`'s JSON-Schema
 * via the `definition` "ApiwebNestedFieldErrors".
 */
export interface ApiwebNestedFieldErrors {
  [k: string]: ApiwebFieldMessages;
}
