// v1 provisions (provision docs): all writes of the file go through one ledger; the residue check runs last.
import { defineContractSuite } from './contract-harness.ts';

defineContractSuite('v1 provision', [
  'GET /v1/org/{orgId}/provision',
  'POST /v1/org/{orgId}/provision',
  'DELETE /v1/org/{orgId}/provision',
]);
