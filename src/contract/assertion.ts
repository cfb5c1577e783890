/**
 * What a contract check asserts, one statement at a time, and on what basis (issue 13). A check fails a
 * tenant only for breaking what the documentation says: a `documented` assertion quotes its public source; an
 * `assumed` one is our reading where the documentation is silent, and its failure is a warning on the check
 * unless the run is `--strict` (the rule is applied once, in `settle-verdict.ts`).
 */

/** The public documents a documented assertion may quote. */
export const SOURCES = {
  /** user-management docs */
  userManagement: 'https://docs.snyk.io/platform-administration/user-management/user-management-with-the-api',
  /** provision docs */
  provisionDocs:
    'https://docs.snyk.io/platform-administration/user-management/user-management-with-the-api/provision-users-to-organizations-using-the-api',
  /** REST Users reference (REST reference pages: Users) */
  restUsers: 'https://docs.snyk.io/snyk-api/reference/users',
  /** users-list docs (Snyk API & Web reference) */
  apiwebUsers: 'https://developers.probely.com/api/reference/users-list',
  /** The REST OpenAPI document (canonical live copy). */
  restSpec: 'https://api.snyk.io/rest/openapi',
  /** The v1 OpenAPI document as published with the docs. */
  v1Spec: 'https://docs.snyk.io/snyk-api/reference/organizations-v1',
  /** Snyk REST API versioning (how a version date is resolved). */
  restVersioning: 'https://docs.snyk.io/snyk-api/rest-api/about-the-rest-api#api-versioning',
  /** JSON:API 1.0, which the REST API declares (`jsonapi.version: "1.0"`). */
  jsonapi: 'https://jsonapi.org/format/1.0/',
  /** RFC 9110 (HTTP semantics): a 5xx is a server error. */
  rfc9110: 'https://www.rfc-editor.org/rfc/rfc9110#name-server-error-5xx',
} as const;

export interface DocumentedBasis {
  kind: 'documented';
  /** A public URL (SOURCES). */
  source: string;
  /** The words of the source the assertion rests on. */
  quote: string;
}

export interface AssumedBasis {
  kind: 'assumed';
  /** Our reading, in one line: why we expect it although the documentation does not say so. */
  reading: string;
}

export type AssertionBasis = DocumentedBasis | AssumedBasis;

export interface Assertion {
  /** Stable within its check (`<check>.<id>` is what reports name). */
  id: string;
  /** One sentence: what the tenant must do. */
  text: string;
  basis: AssertionBasis;
}

export const documented = (id: string, text: string, source: string, quote: string): Assertion => ({
  id,
  text,
  basis: { kind: 'documented', source, quote },
});

export const assumed = (id: string, text: string, reading: string): Assertion => ({ id, text, basis: { kind: 'assumed', reading } });
