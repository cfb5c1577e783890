/* Generated from schemas/rest/links.schema.json by `npm run gen:types`. Do not edit. */

/**
 * This interface was referenced by `Links`'s JSON-Schema
 * via the `definition` "LinkProperty".
 */
export type LinkProperty = string | LinkObject;

export interface Links {
  first?: LinkProperty;
  last?: LinkProperty;
  next?: LinkProperty;
  prev?: LinkProperty;
  related?: LinkProperty;
  self?: LinkProperty;
}
/**
 * This interface was referenced by `Links`'s JSON-Schema
 * via the `definition` "LinkObject".
 */
export interface LinkObject {
  /**
   * A string containing the link’s URL.
   */
  href: string;
  meta?: Meta;
}
/**
 * Free-form object that may contain non-standard information.
 *
 * This interface was referenced by `Links`'s JSON-Schema
 * via the `definition` "Meta".
 */
export interface Meta {
  [k: string]: unknown;
}
