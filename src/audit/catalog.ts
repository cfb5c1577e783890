/**
 * The rule catalog: every audit rule, in report order (core rules of INTERFACE.md first). Adding a rule is
 * adding a file in rules/ and a line here; test/audit/catalog.test.ts checks ids, controls and parameters.
 */
import type { RuleDefinition } from './rule.ts';
import { apiUserPrivileged } from './rules/api-user-privileged.ts';
import { deactivatedWithRoles } from './rules/deactivated-with-roles.ts';
import { externalDomain } from './rules/external-domain.ts';
import { inactiveAccount } from './rules/inactive-account.ts';
import { mfaDisabled } from './rules/mfa-disabled.ts';
import { pendingAdminProvision } from './rules/pending-admin-provision.ts';
import { privilegedWithoutMfa } from './rules/privileged-without-mfa.ts';
import { snykMemberInactive } from './rules/snyk-member-inactive.ts';
import { staleProvision } from './rules/stale-provision.ts';
import { tooManyBillingAdmins } from './rules/too-many-billing-admins.ts';

export const RULES: readonly RuleDefinition[] = [
  mfaDisabled,
  inactiveAccount,
  deactivatedWithRoles,
  staleProvision,
  privilegedWithoutMfa,
  apiUserPrivileged,
  pendingAdminProvision,
  externalDomain,
  snykMemberInactive,
  tooManyBillingAdmins,
];

/** The four rules INTERFACE.md names; their ids are stable. */
export const CORE_RULE_IDS = ['mfa-disabled', 'inactive-account', 'deactivated-with-roles', 'stale-provision'] as const;

