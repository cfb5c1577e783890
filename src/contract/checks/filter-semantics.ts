/**
 * filter_semantics: documented filters as metamorphic relations (issue 5). Every result satisfies its
 * filter; a filter keeps every user or member that satisfies it (exact counts when the whole collection was
 * read, bounds otherwise); `active`, `mfa_enabled`, `account` and `no_access` true ∪ false = all, disjoint;
 * `label` with `or` (the default) is the union and with `and` the intersection (inclusion–exclusion);
 * `role`, `team`, `target`, `exclude_team`, `exclude_target` (users-list docs; the values come from the tenant).
 * REST memberships: `email`, `user_id`, `username`, `role_name`. Audit-log search: `user_id`, `events`,
 * `exclude_events`, `from` (inclusive) / `to` (exclusive).
 *
 * Where the documentation names a filter but not its exact meaning, the meaning used is the one the
 * response fields make observable: `account` = holds an account-tier role, `no_access` = holds no role,
 * `team`/`target` = holds a role scoped to it, email/username filters = the value contains the term.
 */
import { LIST_OPERATIONS, type OperationName } from '../../model/operations.ts';
import type { ScenarioCheck } from '../check-types.ts';
import type { AuditOperation, MembershipOperation } from '../discovery.ts';
import { apiwebFilters } from '../filters/apiweb-filters.ts';
import { auditFilters } from '../filters/audit-filters.ts';
import { FILTER_SEMANTICS } from '../filters/filter-failure.ts';
import { membershipFilters } from '../filters/membership-filters.ts';
import { filterSemanticsAssertions } from '../assertions/filter-semantics.ts';

// Every list operation: the catalogue's paged operations (memberships, audit-log search, GET /users/).
const OPS = LIST_OPERATIONS;

export const filterSemantics: ScenarioCheck = {
  id: 'filter_semantics',
  kind: 'scenario',
  title: FILTER_SEMANTICS.title,
  family: 'filters',
  severity: FILTER_SEMANTICS.severity,
  description: 'Every result satisfies its filter, nothing that satisfies it is left out, and complementary filters partition the collection.',
  assertions: filterSemanticsAssertions,
  operations: OPS,
  async run(ctx, op) {
    const name = op.name as OperationName;
    if (name === 'GET /users/') return { verdicts: await apiwebFilters(ctx) };
    if (op.pagination === 'rest-cursor') return { verdicts: await membershipFilters(ctx, name as MembershipOperation) };
    return { verdicts: await auditFilters(ctx, name as AuditOperation) };
  },
};
