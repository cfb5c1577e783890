// REST audit-log search (audit-log docs).
import { defineContractSuite } from './contract-harness.ts';

defineContractSuite('REST audit-log search', [
  'GET /rest/groups/{group_id}/audit_logs/search',
  'GET /rest/orgs/{org_id}/audit_logs/search',
]);
