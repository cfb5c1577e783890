/**
 * Seeded Snyk API & Web users (users-list docs model). The first users are planted so that every audit rule and every
 * `/users/` filter has both a positive and a negative subject even in a small tenant; the rest are drawn from
 * realistic distributions. Users are kept compact (indexes, microsecond numbers) and serialised lazily.
 */
import type { ApiwebDateForm } from '../clock.ts';
import { DAY_MS } from '../clock.ts';
import { Rng } from '../random.ts';
import type { ApiwebCatalog } from './apiweb-catalog.ts';
import { HOSTILE_EMAIL_LOCALS, HOSTILE_NAMES } from './hostile.ts';
import { API_USER_DOMAIN, COMPANY_DOMAIN, EXTERNAL_DOMAINS, FIRST_NAMES, LAST_NAMES, TITLES } from './names.ts';

export type Tier = 'account' | 'team' | 'scope';
export type Title = (typeof TITLES)[number];

/** A role held by a user; its own id is derived on serialisation (`assignmentId`), which keeps generation cheap. */
export interface RoleAssignment {
  role: number;
  tier: Tier;
  team?: number;
  target?: number;
}

/** A timestamp as served: microseconds since the epoch, its textual form, and the 7th digit for `n7`. */
export interface ApiwebStamp {
  micros: number;
  form: ApiwebDateForm;
  d7: number;
}

export interface ApiwebUser {
  index: number;
  id: string;
  email: string;
  name: string;
  title: Title;
  isBillingAdmin: boolean;
  /** Index of the user who last changed this one. */
  changedBy: number;
  changed: ApiwebStamp;
  active: boolean;
  labels: readonly number[];
  roles: readonly RoleAssignment[];
  lastLogin: ApiwebStamp | null;
  isApiuser: boolean;
  mfaEnabled: boolean;
}

/** Label metadata carried per label (users-list docs: every label has `changed_by` and `changed`). */
export interface ApiwebLabelMeta {
  changedBy: number;
  changed: ApiwebStamp;
}

interface Profile {
  human?: boolean;
  active?: boolean;
  mfa?: boolean;
  billing?: boolean;
  /** Days since the last login; null: never logged in. */
  loginDays?: number | null;
  /** Days since `changed` (default: drawn); a never-logged-in user's inactivity clock starts there. */
  changedDays?: number;
  external?: boolean;
  labels?: number[];
  /** [role index, tier, team or target index]. */
  roles?: [number, Tier, number?][];
}

// Role indexes in APIWEB_ROLES.
const ADMIN = 0;
const SCAN_MANAGER = 1;
const DEVELOPER = 2;
const VIEWER = 3;
const TEAM_ADMIN = 4;
const TARGET_OPERATOR = 5;

/** The inactivity thresholds the documented profiles use (days). */
const INACTIVITY_THRESHOLDS = [30, 35, 45, 90] as const;

/**
 * A generated login age within a day of a threshold moves a day and a half past it: the tenant's data is
 * relative to its start and a run judges against its own start, so an age seconds from a threshold would make
 * the same seed's outcome depend on how long the run took to start (two runs, or two shards, would disagree).
 */
function clearOfThresholds(days: number | null): number | null {
  if (days === null) return null;
  const near = INACTIVITY_THRESHOLDS.find((t) => Math.abs(days - t) < 1);
  return near === undefined ? days : near + 1.5;
}

/**
 * Planted subjects. Login ages keep clear of the documented inactivity thresholds (30/35/45/90 days) so a
 * subject's outcome cannot flip within a day of the tenant's start.
 */
const PLANTED: readonly Profile[] = [
  // 0: the owner who changes everyone else; billing admin with MFA and an account-tier Admin role.
  { billing: true, mfa: true, loginDays: 1, labels: [0], roles: [[ADMIN, 'account']] },
  // 1: mfa-disabled positive (active human without MFA), recent login.
  { mfa: false, loginDays: 3, roles: [[DEVELOPER, 'team', 0]] },
  // 2: inactive-account positive under every profile (400 days).
  { mfa: true, loginDays: 400, labels: [1], roles: [[VIEWER, 'account']] },
  // 3: inactive-account positive: never logged in, record unchanged for 200 days.
  { mfa: true, loginDays: null, changedDays: 200, roles: [[DEVELOPER, 'scope', 0]] },
  // 4: 60 days: positive for 35/45-day profiles, negative for 90.
  { mfa: true, loginDays: 60, labels: [2], roles: [[SCAN_MANAGER, 'team', 1]] },
  // 5: 40 days: positive for 35 only.
  { mfa: true, loginDays: 40, roles: [[DEVELOPER, 'team', 2]] },
  // 6: deactivated-with-roles positive.
  {
    active: false,
    mfa: true,
    loginDays: 200,
    roles: [
      [DEVELOPER, 'team', 0],
      [VIEWER, 'account'],
    ],
  },
  // 7: deactivated-with-roles negative: deactivated, no roles (no_access=true).
  { active: false, mfa: false, loginDays: 500, roles: [] },
  // 8: privileged-without-mfa positive: account-tier Admin without MFA.
  { mfa: false, loginDays: 2, labels: [6], roles: [[ADMIN, 'account']] },
  // 9: privileged-without-mfa positive: billing admin without MFA, no admin role.
  { billing: true, mfa: false, loginDays: 5, roles: [[VIEWER, 'account']] },
  // 10: api-user-privileged positive: API user with the account-tier Admin role.
  { human: false, mfa: false, loginDays: 1, roles: [[ADMIN, 'account']] },
  // 11: api-user-privileged negative: API user scoped to one target; never logged in (apps need not).
  { human: false, mfa: false, loginDays: null, roles: [[TARGET_OPERATOR, 'scope', 1]] },
  // 12: external-domain positive.
  { external: true, mfa: true, loginDays: 7, labels: [1], roles: [[DEVELOPER, 'scope', 2]] },
  // 13: deactivated without MFA and long inactive: negative for mfa-disabled and inactive-account (not active).
  { active: false, mfa: false, loginDays: 300, roles: [[VIEWER, 'team', 3]] },
  // 14: two labels (label AND positives), target-tier role.
  { mfa: true, loginDays: 4, labels: [0, 2], roles: [[TARGET_OPERATOR, 'scope', 3]] },
  // 15 and 16: one label each (label AND negatives, OR positives).
  { mfa: true, loginDays: 6, labels: [0], roles: [[DEVELOPER, 'team', 4]] },
  // 16 is also an inactive-account negative: invited 3 days ago, not logged in yet (the clock starts at `changed`).
  { mfa: true, loginDays: null, changedDays: 3, labels: [2], roles: [[TEAM_ADMIN, 'team', 5]] },
  // 17: active human without any role (no_access=true).
  { mfa: true, loginDays: 9, roles: [] },
  // 18: team role plus an account-tier Viewer role.
  {
    mfa: true,
    loginDays: 10,
    labels: [3, 4],
    roles: [
      [DEVELOPER, 'team', 1],
      [VIEWER, 'account'],
    ],
  },
  // 19: billing admin with MFA (privileged-without-mfa negative).
  { billing: true, mfa: true, loginDays: 12, labels: [5], roles: [[SCAN_MANAGER, 'account']] },
  // 20: account Admin with MFA (privileged-without-mfa negative); labels 5–7 so every label is held by someone.
  {
    mfa: true,
    loginDays: 14,
    labels: [7, 6, 5],
    roles: [
      [ADMIN, 'account'],
      [TEAM_ADMIN, 'team', 2],
    ],
  },
  // 21..23: more team/target coverage.
  {
    mfa: true,
    loginDays: 20,
    roles: [
      [DEVELOPER, 'scope', 4],
      [DEVELOPER, 'scope', 5],
    ],
  },
  { mfa: false, loginDays: 150, external: true, roles: [[VIEWER, 'team', 3]] },
  {
    mfa: true,
    loginDays: 25,
    labels: [4],
    roles: [
      [SCAN_MANAGER, 'scope', 6],
      [VIEWER, 'team', 5],
    ],
  },
];

function pad(n: number): string {
  return String(n);
}

export interface GeneratedApiwebUsers {
  users: ApiwebUser[];
  labelMeta: ApiwebLabelMeta[];
}

export function generateApiwebUsers(
  count: number,
  seed: number,
  anchorMs: number,
  catalog: ApiwebCatalog,
  hostile: boolean,
): GeneratedApiwebUsers {
  const rng = new Rng(seed, 'apiweb-users');
  const used = new Map<string, number>();
  const users: ApiwebUser[] = new Array<ApiwebUser>(count);
  const anchorMicros = anchorMs * 1000;
  const nTeams = catalog.teams.length;
  const nTargets = catalog.targets.length;
  const nLabels = catalog.labels.length;

  const stamp = (daysAgo: number): ApiwebStamp => {
    // Spread within the day; 85% as recorded (`…ffffffZ`), 15% as in the docs example (7 digits, no zone).
    const offset = Math.floor(daysAgo * DAY_MS * 1000) + rng.int(DAY_MS * 1000 - 1);
    return { micros: anchorMicros - offset, form: rng.chance(0.15) ? 'n7' : 'z6', d7: rng.int(10) };
  };

  const uniqueLocal = (base: string): string => {
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    return seen === 0 ? base : `${base}${pad(seen + 1)}`;
  };

  for (let index = 0; index < count; index++) {
    const planted: Profile | undefined = PLANTED[index];
    const human = planted ? planted.human !== false : !rng.chance(0.04);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let name = human
      ? `${first} ${last}`
      : `${rng.pick(['Ci Runner', 'Sync Agent', 'Scanner', 'Jira Sync', 'Report Bot'])} ${index}`;
    let local = human
      ? uniqueLocal(`${first}.${last}`.toLowerCase())
      : uniqueLocal(name.toLowerCase().replace(/ /g, '-'));
    const external = planted ? planted.external === true : human && rng.chance(0.06);
    const domain = !human ? API_USER_DOMAIN : external ? rng.pick(EXTERNAL_DOMAINS) : COMPANY_DOMAIN;
    if (hostile && index > 0 && index % 9 === 4) name = HOSTILE_NAMES[((index / 9) % HOSTILE_NAMES.length) | 0]!;
    if (hostile && index > 0 && index % 13 === 6) local = `${HOSTILE_EMAIL_LOCALS[((index / 13) % 4) | 0]!}${index}`;

    const active = planted ? planted.active !== false : rng.chance(0.92);
    const mfaEnabled = planted ? planted.mfa === true : human ? rng.chance(0.75) : rng.chance(0.1);
    const isBillingAdmin = planted ? planted.billing === true : human && rng.chance(0.01);

    let loginDays: number | null;
    if (planted) loginDays = planted.loginDays ?? null;
    else {
      const r = rng.next();
      loginDays = clearOfThresholds(
        r < 0.06 ? null : r < 0.66 ? rng.next() * 30 : r < 0.86 ? 30 + rng.next() * 90 : 120 + rng.next() * 610,
      );
    }

    let labels: number[];
    if (planted) labels = planted.labels ?? [];
    else {
      const r = rng.next();
      const k = r < 0.5 ? 0 : r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
      const set = new Set<number>();
      while (set.size < k) set.add(rng.int(nLabels));
      labels = [...set].sort((a, b) => a - b);
    }

    let roleSpecs: [number, Tier, number?][];
    if (planted) roleSpecs = planted.roles ?? [];
    else if (rng.chance(0.08)) roleSpecs = [];
    else {
      const k = rng.range(1, 3);
      roleSpecs = [];
      for (let i = 0; i < k; i++) {
        const t = rng.next();
        if (t < 0.35)
          roleSpecs.push([rng.chance(0.04) ? ADMIN : rng.pick([SCAN_MANAGER, DEVELOPER, VIEWER]), 'account']);
        else if (t < 0.75)
          roleSpecs.push([rng.pick([DEVELOPER, VIEWER, TEAM_ADMIN, SCAN_MANAGER]), 'team', rng.int(nTeams)]);
        else roleSpecs.push([rng.pick([TARGET_OPERATOR, DEVELOPER, VIEWER]), 'scope', rng.int(nTargets)]);
      }
    }
    const roles = roleSpecs.map(([role, tier, where]): RoleAssignment => {
      const assignment: RoleAssignment = { role, tier };
      if (tier === 'team') assignment.team = (where ?? 0) % nTeams;
      if (tier === 'scope') assignment.target = (where ?? 0) % nTargets;
      return assignment;
    });

    const lastLogin = loginDays === null ? null : stamp(loginDays);
    const drawn = rng.next();
    const changedDays = planted?.changedDays ?? (loginDays === null ? (clearOfThresholds(drawn * 700) as number) : Math.min(700, loginDays + drawn * 60));
    // Apps have no mailbox: about half the API users are served with `email: ""` (fixture
    // users-list.200.documented-shape.json); planted user 11 is one of them.
    const noMailbox = !human && (planted ? index === 11 : rng.chance(0.5));
    users[index] = {
      index,
      id: rng.base58(),
      email: noMailbox ? '' : `${local}@${domain}`,
      name: name.slice(0, 60),
      title: human ? rng.pick(TITLES) : '',
      isBillingAdmin,
      changedBy: index === 0 ? 0 : rng.chance(0.8) ? 0 : Math.min(count - 1, rng.pick([8, 19, 20])),
      changed: stamp(changedDays),
      active,
      labels,
      roles,
      lastLogin,
      isApiuser: !human,
      mfaEnabled,
    };
  }

  const labelMeta = catalog.labels.map(() => ({ changedBy: 0, changed: stamp(rng.next() * 300) }));
  return { users, labelMeta };
}
