/** Drifts of the Snyk v1 provision endpoints (provision docs; v1 spec). */
import type { DriftDefinition } from './drift-definition.ts';

const POST_PROVISION = 'POST /v1/org/{orgId}/provision';
const GET_PROVISION = 'GET /v1/org/{orgId}/provision';
const DELETE_PROVISION = 'DELETE /v1/org/{orgId}/provision';

export const V1_DRIFTS = [
  {
    name: 'provision-post-accepts-role-and-role-public-id',
    operation: POST_PROVISION,
    kind: 'status',
    description:
      'POST with both `role` and `rolePublicId` answers 200 (provision docs: "either role or rolePublicId but not both").',
    expectedChecks: ['role_xor_role_public_id', 'negative_data_rejection'],
  },
  {
    name: 'provision-post-accepts-missing-email',
    operation: POST_PROVISION,
    kind: 'status',
    description: 'POST without the required `email` answers 200 with a provision for an empty address.',
    expectedChecks: ['negative_data_rejection'],
  },
  {
    name: 'provision-post-accepts-existing-member',
    operation: POST_PROVISION,
    kind: 'consistency',
    description:
      'POST for the address of an existing group member answers 200 and lists a provision (the user must not already exist).',
    expectedChecks: ['provision_lifecycle', 'negative_data_rejection'],
  },
  {
    name: 'provision-post-server-error',
    operation: POST_PROVISION,
    kind: 'status',
    description: 'Every valid POST answers 500 with a v1 error; nothing is provisioned.',
    expectedChecks: ['not_a_server_error', 'positive_data_acceptance'],
  },
  {
    name: 'provision-post-not-created',
    operation: POST_PROVISION,
    kind: 'consistency',
    description: 'POST answers 200 with the provision, but it never appears in GET /provision.',
    expectedChecks: ['ensure_resource_availability', 'provision_lifecycle'],
  },
  {
    name: 'provision-post-missing-created',
    operation: POST_PROVISION,
    kind: 'schema',
    description: 'The POST response lacks `created` (provision docs response model).',
    expectedChecks: ['response_schema_conformance'],
  },
  {
    name: 'provision-list-missing-created',
    operation: GET_PROVISION,
    kind: 'schema',
    description: 'Pending provision entries lack `created`.',
    expectedChecks: ['response_schema_conformance'],
  },
  {
    name: 'provision-list-html-content-type',
    operation: GET_PROVISION,
    kind: 'content-type',
    description: 'GET /provision is served as `text/html; charset=utf-8` (documented: application/json).',
    expectedChecks: ['content_type_conformance'],
  },
  {
    name: 'provision-list-unauthenticated',
    operation: GET_PROVISION,
    kind: 'auth',
    description: 'GET /provision answers 200 with the list when Authorization is missing or wrong.',
    expectedChecks: ['ignored_auth'],
  },
  {
    name: 'provision-delete-unknown-ok',
    operation: DELETE_PROVISION,
    kind: 'status',
    description: 'DELETE of an email without a pending provision answers 200 `{"ok":true}` instead of 404.',
    expectedChecks: ['use_after_free', 'provision_lifecycle'],
    assumed: 'use_after_free.delete-again-404',
  },
  {
    name: 'provision-delete-keeps-entry',
    operation: DELETE_PROVISION,
    kind: 'consistency',
    description: 'DELETE answers 200 `{"ok":true}` but the provision is still listed afterwards.',
    expectedChecks: ['use_after_free', 'provision_lifecycle'],
  },
  {
    name: 'provision-delete-missing-email-ok',
    operation: DELETE_PROVISION,
    kind: 'status',
    description: 'DELETE without the `email` query parameter answers 200 instead of a 4xx.',
    expectedChecks: ['negative_data_rejection'],
  },
  {
    name: 'provision-delete-no-error-reference',
    operation: DELETE_PROVISION,
    kind: 'headers',
    description: 'v1 error responses of DELETE lack the `x-error-reference` header (v1-api.md: errors carry it).',
    expectedChecks: ['response_headers_conformance'],
    assumed: 'response_headers_conformance.v1-error-reference',
  },
  {
    name: 'provision-delete-ok-string',
    operation: DELETE_PROVISION,
    kind: 'schema',
    description: 'DELETE answers `{"ok":"true"}`: `ok` is a string, not a boolean.',
    expectedChecks: ['response_schema_conformance'],
  },
  // Documented assertions added for issue 13 (item 4): fields every documented response model shows.
  {
    name: 'provision-post-missing-role-public-id',
    operation: POST_PROVISION,
    kind: 'schema',
    description:
      'The POST response lacks `rolePublicId` (provision docs response model: `{ "email", "rolePublicId", "role", "created" }`).',
    expectedChecks: ['response_schema_conformance'],
  },
  {
    name: 'provision-list-missing-role',
    operation: GET_PROVISION,
    kind: 'schema',
    description: 'Pending provision entries lack `role` (provision docs, List pending user provisions response model shows it).',
    expectedChecks: ['response_schema_conformance'],
  },
  {
    name: 'provision-delete-ok-false',
    operation: DELETE_PROVISION,
    kind: 'lifecycle',
    description:
      'DELETE of a pending provision removes it but answers 200 `{"ok":false}` (provision docs response model: `{ "ok": true }`; spec: "Deletion succeeded.").',
    expectedChecks: ['provision_lifecycle'],
  },
] as const satisfies readonly DriftDefinition[];
