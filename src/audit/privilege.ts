/**
 * What counts as privileged on Snyk API & Web and on a provision. users-list docs and saw-mcp: a role assignment is
 * `{ role: { id, name }, scope: { tier: "account"|"team"|"scope" } }`; an account-tier role whose name
 * contains "admin" administers the whole account. `is_billing_admin` (users-list docs) manages billing.
 */
import { rawRoleName, rawRoleTier, type ApiWebRole, type ApiWebUserRecord, type ProvisionRecord } from './inventory.ts';
import type { Tri } from './logic.ts';

const ADMIN = /admin/i;

/** Whether one role assignment is an account-tier admin role; undefined when its name or tier is missing. */
export function isAccountAdminRole(role: ApiWebRole): Tri {
  return accountAdmin(role.tier, role.roleName);
}

function accountAdmin(tier: string | undefined, roleName: string | undefined): Tri {
  if (tier !== undefined && tier !== 'account') return false;
  if (roleName !== undefined && !ADMIN.test(roleName)) return false;
  return tier !== undefined && roleName !== undefined ? true : undefined;
}

/** Whether the user holds an account-tier admin role; undefined when `user_roles` is absent or unreadable. */
export function hasAccountAdminRole(roles: readonly ApiWebRole[] | undefined): Tri {
  if (roles === undefined) return undefined;
  let unknown = false;
  for (const role of roles) {
    const admin = isAccountAdminRole(role);
    if (admin === true) return true;
    if (admin === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/**
 * Account-tier admin or billing admin (Kleene or). Reads the raw `user_roles` rather than the normalised
 * roles: the same judgement (the same readers), without building role objects for every user it asks about.
 */
export function isPrivileged(user: ApiWebUserRecord): Tri {
  if (user.isBillingAdmin === true) return true;
  const list = user.raw.user_roles;
  if (!Array.isArray(list)) return undefined;
  let unknown = user.isBillingAdmin === undefined;
  for (const raw of list) {
    const admin = accountAdmin(rawRoleTier(raw), rawRoleName(raw));
    if (admin === true) return true;
    if (admin === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/** The account-tier admin roles a user holds, for evidence. */
export function adminRoleNames(roles: readonly ApiWebRole[] | undefined): string[] {
  return (roles ?? []).filter((r) => isAccountAdminRole(r) === true).map((r) => r.roleName ?? '');
}

/**
 * Whether a pending provision grants an admin role. provision docs: `role` is `ADMIN` (legacy) or a role name
 * (`Org Collaborator` in the GET fixture); `rolePublicId` names a custom role, which is admin only when the
 * policy lists it. With a policy list, ids not on it are not admin; without one they cannot be told.
 */
export function isAdminProvision(p: ProvisionRecord, adminRolePublicIds: readonly string[]): Tri {
  if (p.rolePublicId !== undefined && adminRolePublicIds.includes(p.rolePublicId)) return true;
  if (p.role !== undefined) return ADMIN.test(p.role);
  if (p.rolePublicId !== undefined) return adminRolePublicIds.length > 0 ? false : undefined;
  return undefined;
}
