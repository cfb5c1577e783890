/**
 * The check registry: every contract check as a plain definition in one array (ajv habit: rules as data).
 * Order matters only within a suite file: the residue check runs last, after every provision write.
 */
import type { OperationName } from '../model/operations.ts';
import type { CheckDefinition } from './check-types.ts';
import { ContractError } from './contract-error.ts';
import { contentTypeConformance } from './checks/content-type-conformance.ts';
import { crossEndpointConsistency } from './checks/cross-endpoint-consistency.ts';
import { cursorPagination } from './checks/cursor-pagination.ts';
import { ensureResourceAvailability } from './checks/ensure-resource-availability.ts';
import { fieldExclusion } from './checks/field-exclusion.ts';
import { filterSemantics } from './checks/filter-semantics.ts';
import { groupUserRemovalCheck } from './checks/group-user-removal.ts';
import { ignoredAuth } from './checks/ignored-auth.ts';
import { jsonapiStructure } from './checks/jsonapi-structure.ts';
import { negativeDataRejection } from './checks/negative-data-rejection.ts';
import { notAServerError } from './checks/not-a-server-error.ts';
import { orderingConformance } from './checks/ordering-conformance.ts';
import { paginationArithmetic } from './checks/pagination-arithmetic.ts';
import { positiveDataAcceptance } from './checks/positive-data-acceptance.ts';
import { provisionLifecycle } from './checks/provision-lifecycle.ts';
import { provisionResidue } from './checks/provision-residue.ts';
import { responseHeadersConformance } from './checks/response-headers-conformance.ts';
import { responseSchemaConformance } from './checks/response-schema-conformance.ts';
import { roleXorRolePublicId } from './checks/role-xor-role-public-id.ts';
import { servedSpecConformance } from './checks/served-spec-conformance.ts';
import { searchSemantics } from './checks/search-semantics.ts';
import { statusCodeConformance } from './checks/status-code-conformance.ts';
import { useAfterFree } from './checks/use-after-free.ts';
import { versionNegotiation } from './checks/version-negotiation.ts';

export const CHECKS: readonly CheckDefinition[] = [
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  responseHeadersConformance,
  responseSchemaConformance,
  negativeDataRejection,
  positiveDataAcceptance,
  ignoredAuth,
  jsonapiStructure,
  versionNegotiation,
  servedSpecConformance,
  cursorPagination,
  paginationArithmetic,
  filterSemantics,
  orderingConformance,
  fieldExclusion,
  searchSemantics,
  crossEndpointConsistency,
  useAfterFree,
  ensureResourceAvailability,
  roleXorRolePublicId,
  provisionLifecycle,
  groupUserRemovalCheck,
  provisionResidue,
];

const BY_ID = new Map(CHECKS.map((c) => [c.id as string, c]));

export function getCheck(id: string): CheckDefinition {
  const check = BY_ID.get(id);
  if (!check) throw new ContractError('CONTRACT_UNKNOWN_CHECK', `unknown check ${id}`);
  return check;
}

export interface PlannedCheck {
  check: CheckDefinition;
  operation: OperationName;
}

/** Every (operation × check) that applies, operations in the given order, checks in registry order. */
export function plannedChecks(operations: readonly OperationName[]): PlannedCheck[] {
  const out: PlannedCheck[] = [];
  for (const operation of operations) {
    for (const check of CHECKS) if (check.operations.includes(operation)) out.push({ check, operation });
  }
  // The residue check judges every write before it, whatever its operation.
  return [...out.filter((p) => p.check.id !== 'provision_residue'), ...out.filter((p) => p.check.id === 'provision_residue')];
}
