/* Generated from schemas/rest/self-document.schema.json by `npm run gen:types`. Do not edit. */

import type { JsonApi } from './jsonapi.ts';
import type { Links } from './links.ts';

/**
 * GET /rest/self 200: the principal (user, service account or app instance) making the request.
 */
export interface SelfDocument {
  data: Principal20240422;
  jsonapi: JsonApi;
  links: Links;
}
/**
 * This interface was referenced by `SelfDocument`'s JSON-Schema
 * via the `definition` "Principal20240422".
 */
export interface Principal20240422 {
  attributes: User20240422 | ServiceAccount20240422 | AppInstance;
  /**
   * The Snyk ID corresponding to this user, service account or app instance
   */
  id: string;
  /**
   * Content type.
   */
  type: 'user' | 'service_account' | 'app_instance';
}
/**
 * This interface was referenced by `SelfDocument`'s JSON-Schema
 * via the `definition` "User20240422".
 */
export interface User20240422 {
  /**
   * The avatar url of the user.
   */
  avatar_url: string;
  /**
   * The default org of the user.
   */
  default_org_context?: string;
  /**
   * The email of the user.
   */
  email: string;
  /**
   * The name of the user.
   */
  name: string;
  /**
   * The username of the user.
   */
  username?: string;
}
/**
 * This interface was referenced by `SelfDocument`'s JSON-Schema
 * via the `definition` "ServiceAccount20240422".
 */
export interface ServiceAccount20240422 {
  /**
   * The default org of the service account.
   */
  default_org_context?: string;
  /**
   * The name of the service account.
   */
  name: string;
}
/**
 * This interface was referenced by `SelfDocument`'s JSON-Schema
 * via the `definition` "AppInstance".
 */
export interface AppInstance {
  /**
   * The default org of the app instance.
   */
  default_org_context?: string;
  /**
   * The name of the app instance.
   */
  name: string;
}
