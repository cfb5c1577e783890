/**
 * Where the tenant is and how to authenticate: read from the environment (INTERFACE.md, "Environment for a
 * live tenant"). Tokens are kept out of `toJSON`/`inspect` so they cannot leak through a log by accident.
 */
export interface TenantConfig extends TenantCoordinates {
  snykToken?: string;
  apiwebToken?: string;
}

/** The tenant without its secrets: what a run plan carries to the suites (tokens stay in the environment). */
export interface TenantCoordinates {
  /** Snyk API origin; `/v1/…` and `/rest/…` hang below it. */
  snykApiUrl: string;
  /** Snyk API & Web origin; `/users/` hangs below it. */
  apiwebUrl: string;
  /** `token` for API tokens/PATs, `bearer` for OAuth access tokens. */
  snykAuthScheme: 'token' | 'bearer';
  /** REST GA version date; beta-only operations get `~beta` appended. */
  restVersion: string;
  orgIds: string[];
  groupId?: string;
  testUserId?: string;
}
