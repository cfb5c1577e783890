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

export class StatsCollector {
  readonly #now: number;
  readonly #inventory: Record<string, number> = {};
  readonly #mfa = { enabled: 0, disabled: 0, unknown: 0 };
  readonly #logins: number[] = LOGIN_BUCKETS.map(() => 0);
  #never = 0;
  #loginUnknown = 0;
  readonly #provisions: number[] = PROVISION_BUCKETS.map(() => 0);
  #provisionUnknown = 0;

  constructor(now: number) {
    this.#now = now;
  }

  #count(key: string): void {
    this.#inventory[key] = (this.#inventory[key] ?? 0) + 1;
  }

  observe(record: InventoryRecord): void {
    switch (record.kind) {
      case 'apiweb-user': {
        this.#count('apiwebUsers');
        if (record.isApiUser === true) this.#count('apiwebApiUsers');
        if (record.active === false) this.#count('apiwebDeactivated');
        if (record.isBillingAdmin === true) this.#count('apiwebBillingAdmins');
        // Coverage figures describe the accounts a person can sign in with: active humans.
        if (record.active !== true || record.isApiUser !== false) return;
        this.#count('apiwebActiveHumans');
        if (record.mfaEnabled === true) this.#mfa.enabled++;
        else if (record.mfaEnabled === false) this.#mfa.disabled++;
        else this.#mfa.unknown++;
        if (record.lastLogin === null) this.#never++;
        else if (record.lastLogin === undefined) this.#loginUnknown++;
        else this.#bucket(this.#logins, LOGIN_BUCKETS, record.lastLogin);
        return;
      }
      case 'snyk-membership':
        this.#count(record.scope === 'org' ? 'orgMemberships' : 'groupMemberships');
        return;
      case 'pending-provision':
        this.#count('pendingProvisions');
        if (record.created === undefined) this.#provisionUnknown++;
        else this.#bucket(this.#provisions, PROVISION_BUCKETS, record.created);
        return;
      case 'activity':
        this.#count('auditLogEvents');
        return;
    }
  }

  #bucket(counts: number[], buckets: readonly Bucket[], at: number): void {
    const days = Math.max(0, (this.#now - at) / DAY_MS);
    const i = buckets.findIndex((b) => days <= b.maxDays);
    counts[i] = (counts[i] ?? 0) + 1;
  }

  /** Extra inventory figures known only outside the records (e.g. distinct active users). */
  set(key: string, value: number): void {
    this.#inventory[key] = value;
  }

  stats(): Stats {
    return {
      inventory: { ...this.#inventory },
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
