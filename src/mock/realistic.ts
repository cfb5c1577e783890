/**
 * The mock's realistic mode (`mock --realistic`, `run --mock-realistic`; issue 13): where the documentation is
 * silent, answer the way real servers are reported to, or in another way the documentation allows, instead of
 * the way our own reading expects. Every behaviour names the contract check assertion it exercises, which is
 * assumed (docs/checks.md): a run against the realistic mock draws warnings, never failures, unless
 * `--strict`. None of them is a drift: a drift breaks what the documentation says (drifts.ts).
 */
import type { OperationName } from '../model/operations.ts';

export interface RealisticBehaviour {
  name: string;
  operation: OperationName;
  description: string;
  /** The public report the behaviour follows, when there is one. */
  reported?: string;
  /**
   * `<check>.<assertion>`: the assumed assertion a contract run notices it through (a warning; a failure under
   * `--strict`). Absent: the checks accept it as it is (a note, or a skip with its reason), even under strict.
   */
  assertion?: string;
}

export const REALISTIC_BEHAVIOURS = [
  {
    name: 'provision-delete-absent-ok-false',
    operation: 'DELETE /v1/org/{orgId}/provision',
    description: 'DELETE of an address with no pending provision answers 200 `{"ok": false}` (the v1 spec\'s example), not 404.',
    assertion: 'positive_data_acceptance.delete-absent-404',
  },
  {
    name: 'v1-errors-without-error-reference',
    operation: 'DELETE /v1/org/{orgId}/provision',
    description: 'v1 errors carry no `x-error-reference` header.',
    assertion: 'response_headers_conformance.v1-error-reference',
  },
  {
    name: 'provision-created-without-zone',
    operation: 'POST /v1/org/{orgId}/provision',
    description: 'Provision `created` is a date-time without a zone designator (`2024-05-01T10:00:00.000`); the docs show `"created": Date`.',
    assertion: 'response_schema_conformance.v1-formats',
  },
  {
    name: 'group-memberships-empty-last-page',
    operation: 'GET /rest/groups/{group_id}/memberships',
    description: 'The last page links to an empty page that itself carries `links.next`.',
    reported: 'https://github.com/snyk-labs/pysnyk/issues/212',
    assertion: 'cursor_pagination.no-empty-page-with-next',
  },
  {
    name: 'org-member-service-account',
    operation: 'GET /rest/orgs/{org_id}/users/{id}',
    description:
      'The first member the org memberships list (not the token\'s own user) is a service account: GET org user answers 404 for it ("Service Accounts are not returned by this endpoint").',
  },
  {
    name: 'group-removal-keeps-org-memberships',
    operation: 'PATCH /rest/groups/{group_id}/users/{id}',
    description: "Removing a group membership leaves the user's org memberships in place (no cascade).",
    assertion: 'group_user_removal.removal-cascades-to-orgs',
  },
  {
    name: 'group-removal-without-version-headers',
    operation: 'PATCH /rest/groups/{group_id}/users/{id}',
    description: 'The 204 of a group user removal carries no `snyk-version-*` headers.',
    assertion: 'response_headers_conformance.rest-success-headers',
  },
  {
    name: 'audit-logs-beyond-90-days',
    operation: 'GET /rest/orgs/{org_id}/audit_logs/search',
    description: 'Audit-log search also returns events older than 90 days (the docs promise 90 days, not a ceiling).',
    assertion: 'filter_semantics.audit-90-day-ceiling',
  },
  {
    name: 'provision-delete-any-email',
    operation: 'DELETE /v1/org/{orgId}/provision',
    description:
      'DELETE with an `email` that is not an address answers 200 `{"ok": false}` like any address without a provision (it follows from `provision-delete-absent-ok-false`).',
    assertion: 'negative_data_rejection.provision-email-format',
  },
  {
    name: 'users-length-fallback',
    operation: 'GET /users/',
    description: '`length=0` or a negative length falls back to the default page size (Django REST framework), not a 400.',
    assertion: 'negative_data_rejection.apiweb-length-bounds',
  },
  {
    name: 'users-no-access-false-ignored',
    operation: 'GET /users/',
    description: '`no_access=false` is ignored (every user is listed), so `no_access` true and false do not partition the users.',
    assertion: 'filter_semantics.account-no-access',
  },
  {
    name: 'users-search-not-by-email',
    operation: 'GET /users/',
    description: '`search` does not match whole email addresses: a term with `@` finds nobody.',
    assertion: 'search_semantics.full-email-case-insensitive',
  },
  {
    name: 'users-ordering-unknown-ignored',
    operation: 'GET /users/',
    description: 'An unknown `ordering` field is ignored (default order) instead of refused with 400.',
  },
  {
    name: 'users-detail-not-served',
    operation: 'GET /users/',
    description: '`GET /users/{id}/` (not in the documentation this suite follows) answers 404.',
  },
] as const satisfies readonly RealisticBehaviour[];

export type RealisticBehaviourName = (typeof REALISTIC_BEHAVIOURS)[number]['name'];
