/* Generated from schemas/rest/error-document.schema.json by `npm run gen:types`. Do not edit. */

import type { JsonApi } from './jsonapi.ts';
import type { LinkProperty } from './links.ts';

/**
 * A JSON:API error document, the body of every REST 4xx/5xx the spec declares (components.responses 400/401/403/404/409/500).
 */
export interface RestErrorDocument {
  jsonapi: JsonApi;
  /**
   * @minItems 1
   */
  errors: [RestError, ...RestError[]];
}
/**
 * This interface was referenced by `RestErrorDocument`'s JSON-Schema
 * via the `definition` "RestError".
 */
export interface RestError {
  /**
   * A unique identifier for this particular occurrence of the problem.
   */
  id?: string;
  links?: ErrorLink;
  /**
   * The HTTP status code applicable to this problem, expressed as a string value.
   */
  status: string;
  /**
   * A human-readable explanation specific to this occurrence of the problem.
   */
  detail: string;
  /**
   * An application-specific error code, expressed as a string value (e.g. SNYK-OSSI-2010).
   */
  code?: string;
  /**
   * A short, human-readable summary of the problem.
   */
  title?: string;
  source?: ErrorSource;
  meta?: {
    [k: string]: unknown;
  };
}
/**
 * A link that leads to further details about this particular occurrence of the problem.
 *
 * This interface was referenced by `RestErrorDocument`'s JSON-Schema
 * via the `definition` "ErrorLink".
 */
export interface ErrorLink {
  about?: LinkProperty;
}
/**
 * This interface was referenced by `RestErrorDocument`'s JSON-Schema
 * via the `definition` "ErrorSource".
 */
export interface ErrorSource {
  /**
   * A JSON Pointer [RFC6901] to the associated entity in the request document.
   */
  pointer?: string;
  /**
   * A string indicating which URI query parameter caused the error.
   */
  parameter?: string;
}
