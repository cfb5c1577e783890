/**
 * What counts as privileged on Snyk API & Web and on a provision. NOTES.md: a role assignment is
 * `{ role: { id, name }, scope: { tier: "account"|"team"|"scope" } }`; an account-tier role whose name
 * contains "admin" administers the whole account. `is_billing_admin` (seed 004) manages billing.
 */
import type { ApiWebRole, ApiWebUserRecord, ProvisionRecord } from './inventory.ts';
import { or3, type Tri } from './logic.ts';

const ADMIN = /admin/i;

/** Whether one role assignment is an account-tier admin role; undefined when its name or tier is missing. */
export function isAccountAdminRole(role: ApiWebRole): Tri {
  const tierAccount = role.tier === undefined ? undefined : role.tier === 'account';
  const adminName = role.roleName === undefined ? undefined : ADMIN.test(role.roleName);
  if (tierAccount === false || adminName === false) return false;
  return tierAccount && adminName ? true : undefined;
}

/** Whether the user holds an account-tier admin role; undefined when `user_roles` is absent or unreadable. */
export function hasAccountAdminRole(roles: readonly ApiWebRole[] | undefined): Tri {
  if (roles === undefined) return undefined;
  return or3(...roles.map(isAccountAdminRole));
}

/** Account-tier admin or billing admin. */
export function isPrivileged(user: ApiWebUserRecord): Tri {
  return or3(user.isBillingAdmin, hasAccountAdminRole(user.roles));
}

/** The account-tier admin roles a user holds, for evidence. */
export function adminRoleNames(roles: readonly ApiWebRole[] | undefined): string[] {
  return (roles ?? []).filter((r) => isAccountAdminRole(r) === true).map((r) => r.roleName ?? '');
}

/**
 * Whether a pending provision grants an admin role. seed 001: `role` is `ADMIN` (legacy) or a role name
 * (`Org Collaborator` in the GET fixture); `rolePublicId` names a custom role, which is admin only when the
 * policy lists it. With a policy list, ids not on it are not admin; without one they cannot be told.
 */
export function isAdminProvision(p: ProvisionRecord, adminRolePublicIds: readonly string[]): Tri {
  if (p.rolePublicId !== undefined && adminRolePublicIds.includes(p.rolePublicId)) return true;
  if (p.role !== undefined) return ADMIN.test(p.role);
  if (p.rolePublicId !== undefined) return adminRolePublicIds.length > 0 ? false : undefined;
  return undefined;
}
