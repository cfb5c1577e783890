// REST audit-log search (snyk-api.md §6.8).
import { defineContractSuite } from './contract-harness.ts';

defineContractSuite('REST audit-log search', [
  'GET /rest/groups/{group_id}/audit_logs/search',
  'GET /rest/orgs/{org_id}/audit_logs/search',
]);
