/* Generated from schemas/rest/jsonapi.schema.json by `npm run gen:types`. Do not edit. */

export interface JsonApi {
  /**
   * Version of the JSON API specification this server supports.
   */
  version: string;
}
