/** Drifts of REST /self, the org user and group user removal (REST Users reference; about-the-rest-api, versioning). */
import type { DriftDefinition } from './drift-definition.ts';

const SELF = 'GET /rest/self';
const ORG_USER = 'GET /rest/orgs/{org_id}/users/{id}';
const PATCH_USER = 'PATCH /rest/groups/{group_id}/users/{id}';

export const REST_USER_DRIFTS = [
  {
    name: 'self-json-content-type',
    operation: SELF,
    kind: 'content-type',
    description: '/rest/self is served as `application/json` (documented: application/vnd.api+json).',
    expectedChecks: ['content_type_conformance'],
  },
  {
    name: 'self-missing-request-id',
    operation: SELF,
    kind: 'headers',
    description: '/rest/self responses lack the `snyk-request-id` header.',
    expectedChecks: ['response_headers_conformance'],
    assumed: 'response_headers_conformance.rest-success-headers',
  },
  {
    name: 'self-missing-jsonapi',
    operation: SELF,
    kind: 'schema',
    description: 'The /rest/self document lacks the required `jsonapi` member.',
    expectedChecks: ['jsonapi_structure', 'response_schema_conformance'],
  },
  {
    name: 'self-unauthenticated',
    operation: SELF,
    kind: 'auth',
    description: '/rest/self answers 200 with the owner of the token when Authorization is missing or wrong.',
    expectedChecks: ['ignored_auth'],
  },
  {
    name: 'self-served-newer-than-requested',
    operation: SELF,
    kind: 'versioning',
    description: '`snyk-version-served` is a date after the requested version (served must be on or before it).',
    expectedChecks: ['version_negotiation', 'response_headers_conformance'],
  },
  {
    name: 'self-id-differs-from-org-user',
    operation: SELF,
    kind: 'consistency',
    description:
      '/rest/self reports an id that is no user of its default org (the org user and memberships know another id).',
    expectedChecks: ['cross_endpoint_consistency'],
  },
  {
    name: 'org-user-ga-version-accepted',
    operation: ORG_USER,
    kind: 'versioning',
    description: 'The beta-only org user endpoint answers 200 to a GA version date (documented: 404, needs `~beta`).',
    expectedChecks: ['version_negotiation'],
  },
  {
    name: 'org-user-error-without-jsonapi',
    operation: ORG_USER,
    kind: 'schema',
    description: 'Error documents (404 unknown user, 400 bad id) lack the required `jsonapi` member.',
    expectedChecks: ['jsonapi_structure', 'response_schema_conformance'],
  },
  {
    name: 'org-user-invalid-lifecycle-stage',
    operation: ORG_USER,
    kind: 'lifecycle',
    description: '`snyk-version-lifecycle-stage` is `stable`, not one of wip|experimental|beta|ga|deprecated|sunset.',
    expectedChecks: ['response_headers_conformance', 'version_negotiation'],
  },
  {
    name: 'org-user-unknown-user-server-error',
    operation: ORG_USER,
    kind: 'status',
    description: 'A well-formed id of a user outside the org answers 500 instead of 404.',
    expectedChecks: ['not_a_server_error'],
  },
  {
    name: 'group-user-patch-accepts-membership-object',
    operation: PATCH_USER,
    kind: 'status',
    description:
      'PATCH with a non-null `membership` (a role change) answers 204 (only `membership: null` is supported).',
    expectedChecks: ['negative_data_rejection'],
  },
  {
    name: 'group-user-patch-keeps-group-membership',
    operation: PATCH_USER,
    kind: 'consistency',
    description: 'PATCH `membership: null` answers 204 but the user stays in the group memberships.',
    expectedChecks: ['group_user_removal'],
  },
  {
    name: 'group-user-patch-keeps-org-memberships',
    operation: PATCH_USER,
    kind: 'consistency',
    description: "PATCH `membership: null` removes the group membership but keeps the user in the group's orgs.",
    expectedChecks: ['group_user_removal'],
    assumed: 'group_user_removal.removal-cascades-to-orgs',
  },
  {
    name: 'group-user-patch-ignores-content-type',
    operation: PATCH_USER,
    kind: 'status',
    description: 'PATCH with `Content-Type: application/json` is processed (204) instead of refused with 400.',
    expectedChecks: ['negative_data_rejection'],
  },
  {
    name: 'group-user-patch-missing-version-headers',
    operation: PATCH_USER,
    kind: 'headers',
    description: 'PATCH responses lack `snyk-version-served` and `snyk-version-lifecycle-stage`.',
    expectedChecks: ['response_headers_conformance'],
    assumed: 'response_headers_conformance.rest-success-headers',
  },
] as const satisfies readonly DriftDefinition[];
