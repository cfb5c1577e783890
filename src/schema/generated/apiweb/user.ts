/* Generated from schemas/apiweb/user.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A unique Base58 value identifying this object.
 *
 * This interface was referenced by `ApiwebUser`'s JSON-Schema
 * via the `definition` "Base58Id".
 */
export type Base58Id = string;
/**
 * Date and time in ISO 8601 UTC format, with or without a zone designator.
 *
 * This interface was referenced by `ApiwebUser`'s JSON-Schema
 * via the `definition` "ApiwebDateTime".
 */
export type ApiwebDateTime = string;
/**
 * A unique Base58 value identifying this object (12 characters).
 *
 * This interface was referenced by `ApiwebUser`'s JSON-Schema
 * via the `definition` "Base58Id12".
 */
export type Base58Id12 = string;

/**
 * A Snyk API & Web user: an element of GET /users/ `results`.
 */
export interface ApiwebUser {
  id: Base58Id;
  /**
   * Email of the user ("" for an API user).
   */
  email: string;
  /**
   * Name of the user.
   */
  name: string;
  /**
   * Job title: ceo, cto, cso, seceng (security engineer), dev, devop, manager, other, or "".
   */
  title?: 'ceo' | 'cto' | 'cso' | 'seceng' | 'dev' | 'devop' | 'manager' | 'other' | '';
  /**
   * If true, the user has permissions to manage billing. Read-only.
   */
  is_billing_admin: boolean;
  changed_by: ApiwebChangedBy;
  changed: ApiwebDateTime;
  /**
   * If true, the user can authenticate to Snyk API & Web; if false, access to the apps and API is blocked. Defaults to true.
   */
  active?: boolean;
  labels: ApiwebLabel[];
  /**
   * Roles of the user (account-wide, team-scoped or target-scoped).
   */
  user_roles?: ApiwebUserRole[];
  /**
   * Date and time of the last login of the user, in ISO 8601 UTC format; null if the user never logged in.
   */
  last_login: string | null;
  /**
   * If true, it is an app that interacts with Snyk API & Web through the API; if false, a human using the web interface.
   */
  is_apiuser: boolean;
  /**
   * If true, the user has MFA enabled at login.
   */
  mfa_enabled: boolean;
}
/**
 * User who last made changes.
 *
 * This interface was referenced by `ApiwebUser`'s JSON-Schema
 * via the `definition` "ApiwebChangedBy".
 */
export interface ApiwebChangedBy {
  id: Base58Id;
  /**
   * Email of the user.
   */
  email?: string;
  /**
   * Name of the user.
   */
  name: string;
}
/**
 * This interface was referenced by `ApiwebUser`'s JSON-Schema
 * via the `definition` "ApiwebLabel".
 */
export interface ApiwebLabel {
  id: Base58Id;
  /**
   * Name of the label. The maximum length is 255 characters.
   */
  name: string;
  /**
   * Color of the label, in RGB hexadecimal format prefixed with "#" (e.g. "#00FF00").
   */
  color?: string;
  changed_by: ApiwebChangedBy;
  changed: ApiwebDateTime;
}
/**
 * This interface was referenced by `ApiwebUser`'s JSON-Schema
 * via the `definition` "ApiwebUserRole".
 */
export interface ApiwebUserRole {
  id?: Base58Id;
  role: ApiwebNamedRef;
  scope: ApiwebRoleScope;
}
/**
 * A role, team or target: a 12-character Base58 id and a name.
 *
 * This interface was referenced by `ApiwebUser`'s JSON-Schema
 * via the `definition` "ApiwebNamedRef".
 */
export interface ApiwebNamedRef {
  id: Base58Id12;
  name: string;
}
/**
 * This interface was referenced by `ApiwebUser`'s JSON-Schema
 * via the `definition` "ApiwebRoleScope".
 */
export interface ApiwebRoleScope {
  /**
   * account, team or scope.
   */
  tier: 'account' | 'team' | 'scope';
  team?: ApiwebNamedRef;
  target?: ApiwebNamedRef;
}
