/* Generated from schemas/v1/error.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A Snyk v1 error body (application/json), sent with an `x-error-reference` header.
 */
export interface V1Error {
  /**
   * The HTTP status code.
   */
  code?: number;
  /**
   * Error message.
   */
  message: string;
  /**
   * Error message (usually the same text as `message`).
   */
  error?: string;
  /**
   * An error reference to quote to Snyk support (also in the x-error-reference header).
   */
  errorRef?: string;
}
