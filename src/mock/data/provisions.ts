/**
 * Seeded pending provisions (v1 `GET /org/{orgId}/provision`, provision docs): `{email, role, rolePublicId, created}`.
 * Ages cover fresh, under and over the 30-day stale threshold, and years old; roles cover every legacy role
 * and custom roles given by `rolePublicId`.
 */
import { DAY_MS } from '../clock.ts';
import { Rng } from '../random.ts';
import { HOSTILE_EMAIL_LOCALS } from './hostile.ts';
import { COMPANY_DOMAIN, EXTERNAL_DOMAINS, FIRST_NAMES, LAST_NAMES, PROVISION_ROLES } from './names.ts';
import type { SnykTenant } from './snyk-members.ts';

export interface Provision {
  orgId: string;
  email: string;
  /** As served: a legacy role (`ADMIN`…) when provisioned by `role`, the role's name when by `rolePublicId`. */
  role: string;
  rolePublicId: string;
  createdMs: number;
}

/** Ages in days, clear of the 30-day threshold, and whether each planted provision is for an admin. */
const PLANTED: readonly { days: number; role: (typeof PROVISION_ROLES)[number] | 'custom'; byId: boolean }[] = [
  { days: 0.2, role: 'COLLABORATOR', byId: false },
  { days: 3, role: 'ADMIN', byId: false }, // pending-admin-provision positive, not stale
  { days: 12, role: 'RESTRICTED_COLLABORATOR', byId: false },
  { days: 24, role: 'custom', byId: true },
  { days: 40, role: 'ADMIN', byId: true }, // stale and admin
  { days: 75, role: 'COLLABORATOR', byId: true }, // stale-provision positive
  { days: 140, role: 'RESTRICTED_COLLABORATOR', byId: false },
  { days: 420, role: 'COLLABORATOR', byId: false }, // years old
];

export function generateProvisions(
  count: number,
  seed: number,
  anchorMs: number,
  tenant: SnykTenant,
  hostile: boolean,
): Provision[] {
  const rng = new Rng(seed, 'provisions');
  const taken = new Set(tenant.members.map((m) => m.email.toLowerCase()));
  const out: Provision[] = [];
  const roleByLegacy = { ADMIN: 0, COLLABORATOR: 1, RESTRICTED_COLLABORATOR: 2 } as const;
  for (let i = 0; i < count; i++) {
    const planted = PLANTED[i];
    const days = planted ? planted.days : rng.next() * 200;
    const legacyOrCustom = planted ? planted.role : rng.chance(0.15) ? 'custom' : rng.pick(PROVISION_ROLES);
    const byId = planted ? planted.byId : legacyOrCustom === 'custom' || rng.chance(0.5);
    const roleIndex = legacyOrCustom === 'custom' ? 3 : roleByLegacy[legacyOrCustom];
    const orgRole = tenant.orgRoles[roleIndex]!;
    let email: string;
    do {
      const local =
        hostile && i % 5 === 2
          ? `${rng.pick(HOSTILE_EMAIL_LOCALS)}${i}`
          : `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}${rng.int(100)}`.toLowerCase();
      email = `${local}@${i % 4 === 3 ? rng.pick(EXTERNAL_DOMAINS) : COMPANY_DOMAIN}`;
    } while (taken.has(email.toLowerCase()));
    taken.add(email.toLowerCase());
    out.push({
      // Most pending provisions are in the org under test; a few in the other orgs of the group.
      orgId: tenant.orgs[i >= PLANTED.length && i % 6 === 5 ? 1 : 0]!.id,
      email,
      role: byId || legacyOrCustom === 'custom' ? orgRole.name : legacyOrCustom,
      rolePublicId: orgRole.id,
      createdMs: anchorMs - Math.floor(days * DAY_MS) + rng.int(3_600_000),
    });
  }
  return out;
}
