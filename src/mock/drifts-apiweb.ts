/** Drifts of Snyk API & Web GET /users/ (seed 004; snyk-api.md §9). */
import type { DriftDefinition } from './drift-definition.ts';

const USERS = 'GET /users/';

export const APIWEB_DRIFTS = [
  {
    name: 'users-count-off-by-one',
    operation: USERS,
    kind: 'pagination',
    description: '`count` is one more than the number of matching users.',
    expectedChecks: ['pagination_arithmetic'],
  },
  {
    name: 'users-page-total-wrong',
    operation: USERS,
    kind: 'pagination',
    description: '`page_total` is floor(count/length) instead of ceil(count/length).',
    expectedChecks: ['pagination_arithmetic'],
  },
  {
    name: 'users-last-page-short',
    operation: USERS,
    kind: 'pagination',
    description: 'The last page drops its final user.',
    expectedChecks: ['pagination_arithmetic'],
  },
  {
    name: 'users-page-past-end-ok',
    operation: USERS,
    kind: 'pagination',
    description: 'A page past the last one answers 200 with no results instead of 404.',
    expectedChecks: ['pagination_arithmetic'],
  },
  {
    name: 'users-duplicates-across-pages',
    operation: USERS,
    kind: 'pagination',
    description: "Each page after the first starts with the previous page's last user (and drops its own last).",
    expectedChecks: ['pagination_arithmetic'],
  },
  {
    name: 'users-active-false-ignored',
    operation: USERS,
    kind: 'filters',
    description: '`active=false` returns every user, active ones included.',
    expectedChecks: ['filter_semantics'],
  },
  {
    name: 'users-mfa-filter-ignored',
    operation: USERS,
    kind: 'filters',
    description: 'The `mfa_enabled` filter is ignored.',
    expectedChecks: ['filter_semantics'],
  },
  {
    name: 'users-label-and-as-or',
    operation: USERS,
    kind: 'filters',
    description: '`label_logical_operator=and` is treated as `or`.',
    expectedChecks: ['filter_semantics'],
  },
  {
    name: 'users-descending-ordering-ascending',
    operation: USERS,
    kind: 'ordering',
    description: '`ordering=-field` sorts ascending, like `ordering=field`.',
    expectedChecks: ['ordering_conformance'],
  },
  {
    name: 'users-exclude-ignored',
    operation: USERS,
    kind: 'filters',
    description: '`exclude` does not remove the named fields from the results.',
    expectedChecks: ['field_exclusion'],
  },
  {
    name: 'users-search-ignored',
    operation: USERS,
    kind: 'filters',
    description: '`search` does not narrow the results.',
    expectedChecks: ['search_semantics'],
  },
  {
    name: 'users-null-last-login-omitted',
    operation: USERS,
    kind: 'schema',
    description:
      'Users who never logged in lack `last_login` instead of carrying null (seed 004: nullable and required).',
    expectedChecks: ['response_schema_conformance'],
  },
  {
    name: 'users-missing-mfa-enabled',
    operation: USERS,
    kind: 'schema',
    description: 'Results lack the required `mfa_enabled`.',
    expectedChecks: ['response_schema_conformance'],
  },
  {
    name: 'users-invalid-changed-format',
    operation: USERS,
    kind: 'schema',
    description: '`changed` is served as `09/08/2023 13:27:43`, not an ISO 8601 date-time.',
    expectedChecks: ['response_schema_conformance'],
  },
  {
    name: 'users-unauthenticated',
    operation: USERS,
    kind: 'auth',
    description: '/users/ answers 200 without a valid `JWT` key.',
    expectedChecks: ['ignored_auth'],
  },
  {
    name: 'users-length-zero-accepted',
    operation: USERS,
    kind: 'status',
    description: '`length=0` and negative lengths answer 200 instead of a DRF 400 field error.',
    expectedChecks: ['negative_data_rejection'],
    assumed: 'negative_data_rejection.apiweb-length-bounds',
  },
  {
    name: 'users-unknown-ordering-server-error',
    operation: USERS,
    kind: 'status',
    description: 'An unknown `ordering` field answers 500 instead of a 400 field error.',
    expectedChecks: ['not_a_server_error'],
  },
] as const satisfies readonly DriftDefinition[];
