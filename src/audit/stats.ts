/**
 * Inventory statistics for the report summary (results schema `Stats`): records per source, MFA coverage and
 * the last-login histogram of active human API & Web users, pending provisions by age. Counters only.
 */
import type { Stats } from '../model/results.ts';
import { DAY_MS } from './api-date.ts';
import type { InventoryRecord } from './inventory.ts';

interface Bucket {
  label: string;
  /** Upper bound in days (inclusive); Infinity for the last. */
  maxDays: number;
}

const LOGIN_BUCKETS: readonly Bucket[] = [
  { label: '≤ 7 days', maxDays: 7 },
  { label: '8–30 days', maxDays: 30 },
  { label: '31–90 days', maxDays: 90 },
  { label: '91–180 days', maxDays: 180 },
  { label: '181–365 days', maxDays: 365 },
  { label: '> 365 days', maxDays: Number.POSITIVE_INFINITY },
];

const PROVISION_BUCKETS: readonly Bucket[] = [
  { label: '≤ 7 days', maxDays: 7 },
  { label: '8–30 days', maxDays: 30 },
  { label: '31–90 days', maxDays: 90 },
  { label: '> 90 days', maxDays: Number.POSITIVE_INFINITY },
];

/** The inventory counters, in the order results.json lists them (a counter that stayed 0 is left out). */
const INVENTORY_KEYS = [
  'apiwebUsers',
  'apiwebApiUsers',
  'apiwebDeactivated',
  'apiwebBillingAdmins',
  'apiwebActiveHumans',
  'orgMemberships',
  'groupMemberships',
  'pendingProvisions',
  'auditLogEvents',
] as const;
type InventoryKey = (typeof INVENTORY_KEYS)[number];

export class StatsCollector {
  /** Fixed counters (one property each, not a string-keyed map: this runs once per record). */
  readonly #counts: Record<InventoryKey, number> = {
    apiwebUsers: 0,
    apiwebApiUsers: 0,
    apiwebDeactivated: 0,
    apiwebBillingAdmins: 0,
    apiwebActiveHumans: 0,
    orgMemberships: 0,
    groupMemberships: 0,
    pendingProvisions: 0,
    auditLogEvents: 0,
  };
  readonly #extra: Record<string, number> = {};
  readonly #mfa = { enabled: 0, disabled: 0, unknown: 0 };
  readonly #logins: number[] = LOGIN_BUCKETS.map(() => 0);
  #never = 0;
  #loginUnknown = 0;
  readonly #provisions: number[] = PROVISION_BUCKETS.map(() => 0);
  #provisionUnknown = 0;

  readonly #loginFloors: readonly number[];
  readonly #provisionFloors: readonly number[];

  constructor(now: number) {
    this.#loginFloors = LOGIN_BUCKETS.map((b) => now - b.maxDays * DAY_MS);
    this.#provisionFloors = PROVISION_BUCKETS.map((b) => now - b.maxDays * DAY_MS);
  }

  observe(record: InventoryRecord): void {
    const c = this.#counts;
    switch (record.kind) {
      case 'apiweb-user': {
        c.apiwebUsers++;
        if (record.isApiUser === true) c.apiwebApiUsers++;
        if (record.active === false) c.apiwebDeactivated++;
        if (record.isBillingAdmin === true) c.apiwebBillingAdmins++;
        // Coverage figures describe the accounts a person can sign in with: active humans.
        if (record.active !== true || record.isApiUser !== false) return;
        c.apiwebActiveHumans++;
        if (record.mfaEnabled === true) this.#mfa.enabled++;
        else if (record.mfaEnabled === false) this.#mfa.disabled++;
        else this.#mfa.unknown++;
        if (record.lastLogin === null) this.#never++;
        else if (record.lastLogin === undefined) this.#loginUnknown++;
        else this.#bucket(this.#logins, this.#loginFloors, record.lastLogin);
        return;
      }
      case 'snyk-membership':
        if (record.scope === 'org') c.orgMemberships++;
        else c.groupMemberships++;
        return;
      case 'pending-provision':
        c.pendingProvisions++;
        if (record.created === undefined) this.#provisionUnknown++;
        else this.#bucket(this.#provisions, this.#provisionFloors, record.created);
        return;
      case 'activity':
        c.auditLogEvents++;
        return;
      case 'activity-lookup':
        return;
    }
  }

  /** `floors[i]`: the earliest instant of bucket i (older than `maxDays` days = before it); no division per record. */
  #bucket(counts: number[], floors: readonly number[], at: number): void {
    let i = 0;
    while (i < floors.length - 1 && at < floors[i]!) i++;
    counts[i] = (counts[i] ?? 0) + 1;
  }

  /** Extra inventory figures known only outside the records (e.g. distinct active users). */
  set(key: string, value: number): void {
    this.#extra[key] = value;
  }

  #inventory(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of INVENTORY_KEYS) if (this.#counts[key] > 0) out[key] = this.#counts[key];
    return { ...out, ...this.#extra };
  }

  stats(): Stats {
    return {
      inventory: this.#inventory(),
      mfa: { ...this.#mfa },
      lastLoginHistogram: [
        { label: 'never', count: this.#never },
        ...LOGIN_BUCKETS.map((b, i) => ({ label: b.label, count: this.#logins[i] ?? 0 })),
        { label: 'unknown', count: this.#loginUnknown },
      ],
      provisionAges: [
        ...PROVISION_BUCKETS.map((b, i) => ({ label: b.label, count: this.#provisions[i] ?? 0 })),
        { label: 'unknown', count: this.#provisionUnknown },
      ],
    };
  }
}
