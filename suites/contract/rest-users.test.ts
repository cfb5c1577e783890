// REST users and memberships (REST Users reference, REST Users reference; REST spec, memberships). PATCH group user comes last: it removes
// SNYK_TEST_USER_ID, which the membership checks of this file must not see disappear mid-walk.
import { defineContractSuite } from './contract-harness.ts';

defineContractSuite('REST users and memberships', [
  'GET /rest/self',
  'GET /rest/orgs/{org_id}/users/{id}',
  'GET /rest/orgs/{org_id}/memberships',
  'GET /rest/groups/{group_id}/memberships',
  'PATCH /rest/groups/{group_id}/users/{id}',
]);
