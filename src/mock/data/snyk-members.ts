/**
 * The Snyk side of the tenant: one group, its organizations, group and org roles, and members with their
 * group and org memberships (REST spec, memberships). The self user (the token's owner) is member 0; a handful of
 * members are planted for the audit rules on Snyk members (external domains, no audit-log activity).
 */
import { DAY_MS } from '../clock.ts';
import { Rng } from '../random.ts';
import { HOSTILE_EMAIL_LOCALS, HOSTILE_NAMES } from './hostile.ts';
import {
  COMPANY_DOMAIN,
  EXTERNAL_DOMAINS,
  FIRST_NAMES,
  GROUP_NAME,
  GROUP_ROLE_NAMES,
  LAST_NAMES,
  LOGIN_METHODS,
  ORG_NAMES,
  ORG_ROLE_NAMES,
} from './names.ts';

export interface SnykRole {
  id: string;
  name: string;
}

export interface SnykOrg {
  index: number;
  id: string;
  name: string;
}

export interface SnykMembership {
  id: string;
  createdMs: number;
  /** Index into the group's or the org's role list. */
  role: number;
}

export interface SnykOrgMembership extends SnykMembership {
  org: number;
}

/** Audit-log activity of a member: days since the last event (null: none at all) and how many events. */
export interface SnykActivity {
  lastDaysAgo: number | null;
  events: number;
}

export interface SnykMember {
  index: number;
  id: string;
  name: string;
  username: string;
  email: string;
  loginMethod: string;
  active: boolean;
  /** Undefined: not a direct group member (only reachable through org memberships). */
  group: SnykMembership | undefined;
  orgs: SnykOrgMembership[];
  activity: SnykActivity;
}

export interface SnykTenant {
  group: { id: string; name: string };
  orgs: SnykOrg[];
  groupRoles: SnykRole[];
  orgRoles: SnykRole[];
  members: SnykMember[];
  selfIndex: number;
  /** A member that the suite may remove from the group (SNYK_TEST_USER_ID on the mock). */
  testUserIndex: number;
}

// Role indexes.
const G_ADMIN = 0;
const G_MEMBER = 1;
const G_VIEWER = 2;
const O_ADMIN = 0;
const O_COLLAB = 1;
const O_RESTRICTED = 2;
const O_CUSTOM = 3;

interface MemberPlan {
  external?: boolean;
  groupRole?: number | null;
  orgs: [org: number, role: number][];
  activity: SnykActivity;
  active?: boolean;
}

/** Planted members; activity ages keep clear of the 35/45/90-day inactivity thresholds. */
const PLANTED: readonly MemberPlan[] = [
  // 0: the token's owner (GET /rest/self): group and org admin, active daily.
  {
    groupRole: G_ADMIN,
    orgs: [
      [0, O_ADMIN],
      [1, O_ADMIN],
    ],
    activity: { lastDaysAgo: 0, events: 40 },
  },
  // 1: external-domain positive, active.
  { external: true, groupRole: G_MEMBER, orgs: [[0, O_COLLAB]], activity: { lastDaysAgo: 2, events: 12 } },
  // 2: snyk-member-inactive positive: no audit-log activity at all.
  { groupRole: G_MEMBER, orgs: [[0, O_COLLAB]], activity: { lastDaysAgo: null, events: 0 } },
  // 3: last activity 60 days ago: positive for 35/45 days, negative for 90.
  { groupRole: G_VIEWER, orgs: [[0, O_RESTRICTED]], activity: { lastDaysAgo: 60, events: 5 } },
  // 4: active member, recent events (negative).
  { groupRole: G_MEMBER, orgs: [[0, O_CUSTOM]], activity: { lastDaysAgo: 1, events: 20 } },
  // 5: group admin without a direct org membership (org user endpoint: strategy indirect).
  { groupRole: G_ADMIN, orgs: [], activity: { lastDaysAgo: 3, events: 8 } },
  // 6: member of another org only.
  { groupRole: G_MEMBER, orgs: [[2, O_COLLAB]], activity: { lastDaysAgo: 10, events: 6 } },
  // 7: the removable test user: in the group, the main org and a second org.
  {
    groupRole: G_MEMBER,
    orgs: [
      [0, O_COLLAB],
      [1, O_RESTRICTED],
    ],
    activity: { lastDaysAgo: 5, events: 4 },
  },
  // 8: deactivated member still in the org, no activity.
  { groupRole: G_MEMBER, orgs: [[0, O_COLLAB]], activity: { lastDaysAgo: null, events: 0 }, active: false },
  // 9: external org admin with events only older than 90 days (outside the logs' retention).
  { external: true, groupRole: G_MEMBER, orgs: [[0, O_ADMIN]], activity: { lastDaysAgo: 100, events: 3 } },
];

export function generateSnykTenant(
  count: number,
  seed: number,
  anchorMs: number,
  ids: { groupId: string; orgId: string; selfUserId: string },
  hostile: boolean,
): SnykTenant {
  const rng = new Rng(seed, 'snyk-members');
  const orgs = ORG_NAMES.map((name, index) => ({ index, id: index === 0 ? ids.orgId : rng.uuid(), name }));
  const groupRoles = GROUP_ROLE_NAMES.map((name) => ({ id: rng.uuid(), name }));
  const orgRoles = ORG_ROLE_NAMES.map((name) => ({ id: rng.uuid(), name }));
  const used = new Map<string, number>();
  const members: SnykMember[] = [];
  const total = Math.max(count, 1);

  const createdMs = (): number => anchorMs - Math.floor((30 + rng.next() * 900) * DAY_MS) + rng.int(DAY_MS);

  for (let index = 0; index < total; index++) {
    const plan: MemberPlan = PLANTED[index] ?? randomPlan(rng);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const base = `${first}.${last}`.toLowerCase();
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    let local = seen === 0 ? base : `${base}${seen + 1}`;
    let name = `${first} ${last}`;
    if (hostile && index > 0 && index % 7 === 3) name = HOSTILE_NAMES[((index / 7) % HOSTILE_NAMES.length) | 0]!;
    if (hostile && index > 0 && index % 11 === 5) local = `${HOSTILE_EMAIL_LOCALS[((index / 11) % 4) | 0]!}${index}`;
    const domain = plan.external ? rng.pick(EXTERNAL_DOMAINS) : COMPANY_DOMAIN;
    const email = `${local}@${domain}`;
    const loginMethod = rng.pick(LOGIN_METHODS);
    const groupCreated = createdMs();
    members.push({
      index,
      id: index === 0 ? ids.selfUserId : rng.uuid(),
      name,
      // SSO users sign in with their address; password users have a distinct username.
      username: loginMethod === 'password' ? `${local.replace(/[^a-z0-9.]/gi, '')}-${index}` : email,
      email,
      loginMethod,
      active: plan.active !== false,
      group:
        plan.groupRole === null || plan.groupRole === undefined
          ? undefined
          : { id: rng.uuid(), createdMs: groupCreated, role: plan.groupRole },
      orgs: plan.orgs.map(([org, role]) => ({
        id: rng.uuid(),
        org,
        role,
        createdMs: groupCreated + rng.int(30 * DAY_MS),
      })),
      activity: plan.activity,
    });
  }
  return {
    group: { id: ids.groupId, name: GROUP_NAME },
    orgs,
    groupRoles,
    orgRoles,
    members,
    selfIndex: 0,
    testUserIndex: Math.min(7, total - 1),
  };
}

function randomPlan(rng: Rng): MemberPlan {
  const r = rng.next();
  const groupRole = r < 0.06 ? G_ADMIN : r < 0.85 ? G_MEMBER : G_VIEWER;
  const orgs: [number, number][] = [];
  const orgRole = (): number => {
    const x = rng.next();
    return x < 0.12 ? O_ADMIN : x < 0.8 ? O_COLLAB : x < 0.92 ? O_RESTRICTED : O_CUSTOM;
  };
  if (rng.chance(0.8)) orgs.push([0, orgRole()]);
  if (rng.chance(0.3)) orgs.push([1, orgRole()]);
  if (rng.chance(0.2) || orgs.length === 0) orgs.push([2, orgRole()]);
  const a = rng.next();
  const activity: SnykActivity =
    a < 0.12
      ? { lastDaysAgo: null, events: 0 }
      : { lastDaysAgo: a < 0.3 ? 0 : a < 0.7 ? rng.next() * 20 : 20 + rng.next() * 100, events: rng.range(1, 12) };
  return { external: rng.chance(0.1), groupRole, orgs, activity, active: !rng.chance(0.03) };
}
