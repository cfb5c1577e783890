/** Drifts of the REST memberships lists and audit-log searches (about-the-rest-api, pagination; REST spec; audit-log docs). */
import type { DriftDefinition } from './drift-definition.ts';

const ORG_MEMBERSHIPS = 'GET /rest/orgs/{org_id}/memberships';
const GROUP_MEMBERSHIPS = 'GET /rest/groups/{group_id}/memberships';
const GROUP_AUDIT = 'GET /rest/groups/{group_id}/audit_logs/search';
const ORG_AUDIT = 'GET /rest/orgs/{org_id}/audit_logs/search';

export const REST_LIST_DRIFTS = [
  {
    name: 'org-memberships-limit-not-validated',
    operation: ORG_MEMBERSHIPS,
    kind: 'status',
    description: '`limit` outside 10..100 or not a multiple of 10 (5, 25, 150) is accepted with 200.',
    expectedChecks: ['negative_data_rejection'],
  },
  {
    name: 'org-memberships-next-equals-self',
    operation: ORG_MEMBERSHIPS,
    kind: 'pagination',
    description: 'The last page carries `links.next` equal to `links.self` (a client following it loops forever).',
    expectedChecks: ['cursor_pagination'],
  },
  {
    name: 'org-memberships-duplicates-across-pages',
    operation: ORG_MEMBERSHIPS,
    kind: 'pagination',
    description: "Each page after the first repeats the previous page's last membership.",
    expectedChecks: ['cursor_pagination'],
  },
  {
    name: 'org-memberships-default-order-desc',
    operation: ORG_MEMBERSHIPS,
    kind: 'ordering',
    description: 'Without `sort_order` org memberships are sorted descending (documented default for orgs: ASC).',
    expectedChecks: ['ordering_conformance'],
  },
  {
    name: 'org-memberships-email-filter-ignored',
    operation: ORG_MEMBERSHIPS,
    kind: 'filters',
    description: 'The `email` filter is ignored: every membership is returned.',
    expectedChecks: ['filter_semantics'],
  },
  {
    name: 'org-memberships-missing-links',
    operation: ORG_MEMBERSHIPS,
    kind: 'schema',
    description: 'Membership list documents lack the required `links` member.',
    expectedChecks: ['response_schema_conformance', 'jsonapi_structure'],
  },
  {
    name: 'org-memberships-spec-stale',
    operation: ORG_MEMBERSHIPS,
    kind: 'schema',
    description:
      'The served OpenAPI document (`GET /rest/openapi/{version}`) still describes the org memberships list with its 2024-05-09~experimental body (a required `attributes.updated_at`) while the tenant answers with the GA body.',
    expectedChecks: ['served_spec_conformance'],
  },
  {
    name: 'org-memberships-serves-experimental',
    operation: ORG_MEMBERSHIPS,
    kind: 'lifecycle',
    description:
      'A GA version is answered from the 2024-05-09~experimental release (served stability below the requested one).',
    expectedChecks: ['version_negotiation'],
  },
  {
    name: 'group-memberships-empty-page-with-next',
    operation: GROUP_MEMBERSHIPS,
    kind: 'pagination',
    description: 'The last page links to a further page that is empty and itself carries `links.next` (pysnyk #212).',
    expectedChecks: ['cursor_pagination'],
  },
  {
    name: 'group-memberships-page-exceeds-limit',
    operation: GROUP_MEMBERSHIPS,
    kind: 'pagination',
    description: 'Pages hold `limit + 1` memberships.',
    expectedChecks: ['cursor_pagination', 'pagination_arithmetic'],
  },
  {
    name: 'group-memberships-default-order-asc',
    operation: GROUP_MEMBERSHIPS,
    kind: 'ordering',
    description: 'Without `sort_order` group memberships are sorted ascending (documented default for groups: DESC).',
    expectedChecks: ['ordering_conformance'],
  },
  {
    name: 'group-memberships-role-filter-ignored',
    operation: GROUP_MEMBERSHIPS,
    kind: 'filters',
    description: 'The `role_name` filter is ignored: memberships of every role are returned.',
    expectedChecks: ['filter_semantics'],
  },
  {
    name: 'group-memberships-user-missing-email',
    operation: GROUP_MEMBERSHIPS,
    kind: 'schema',
    description: 'The user relationship of memberships lacks the required `email` attribute.',
    expectedChecks: ['response_schema_conformance'],
  },
  {
    name: 'group-audit-size-ignored',
    operation: GROUP_AUDIT,
    kind: 'pagination',
    description: '`size` is ignored: pages hold up to 100 items whatever size asks for.',
    expectedChecks: ['cursor_pagination', 'pagination_arithmetic'],
  },
  {
    name: 'group-audit-items-missing-created',
    operation: GROUP_AUDIT,
    kind: 'schema',
    description: 'Audit-log items lack the required `created`.',
    expectedChecks: ['response_schema_conformance'],
  },
  {
    name: 'group-audit-events-with-exclude-accepted',
    operation: GROUP_AUDIT,
    kind: 'status',
    description: '`events` together with `exclude_events` (mutually exclusive) answers 200.',
    expectedChecks: ['negative_data_rejection'],
  },
  {
    name: 'group-audit-user-filter-ignored',
    operation: GROUP_AUDIT,
    kind: 'filters',
    description: 'The `user_id` filter is ignored: items of every user are returned.',
    expectedChecks: ['filter_semantics'],
  },
  {
    name: 'org-audit-sort-order-ignored',
    operation: ORG_AUDIT,
    kind: 'ordering',
    description: '`sort_order=ASC` is ignored: items always come newest first.',
    expectedChecks: ['ordering_conformance'],
  },
  {
    name: 'org-audit-window-ignored',
    operation: ORG_AUDIT,
    kind: 'filters',
    description: '`from` and `to` are ignored: items outside the requested window are returned.',
    expectedChecks: ['filter_semantics'],
  },
  {
    name: 'org-audit-future-version-accepted',
    operation: ORG_AUDIT,
    kind: 'versioning',
    description:
      'A version date after today answers 200 (documented: 400 "requested version newer than present date").',
    expectedChecks: ['version_negotiation'],
  },
  {
    name: 'org-audit-missing-served-header',
    operation: ORG_AUDIT,
    kind: 'headers',
    description: 'Responses lack `snyk-version-served`.',
    expectedChecks: ['response_headers_conformance', 'version_negotiation'],
    assumed: 'response_headers_conformance.rest-success-headers',
  },
  {
    name: 'org-audit-unauthenticated',
    operation: ORG_AUDIT,
    kind: 'auth',
    description: 'Audit-log search answers 200 when Authorization is missing or wrong.',
    expectedChecks: ['ignored_auth'],
  },
  // Documented behaviours exercised for issue 13 (item 4).
  {
    name: 'org-memberships-ending-before-from-start',
    operation: ORG_MEMBERSHIPS,
    kind: 'pagination',
    description:
      '`ending_before` is ignored: `links.prev` always leads to the first page (spec EndingBefore: "Return the page of results immediately before this cursor").',
    expectedChecks: ['cursor_pagination'],
  },
  {
    name: 'org-audit-project-filter-ignored',
    operation: ORG_AUDIT,
    kind: 'filters',
    description: 'The `project_id` filter is ignored (spec: "Filter logs by project ID."): events of every project are returned.',
    expectedChecks: ['filter_semantics'],
  },
  {
    name: 'group-memberships-login-method-sort-ignored',
    operation: GROUP_MEMBERSHIPS,
    kind: 'ordering',
    description: '`sort_by=login_method` (in the spec\'s sort_by enum) is accepted but the items come in creation order.',
    expectedChecks: ['ordering_conformance'],
  },
] as const satisfies readonly DriftDefinition[];
