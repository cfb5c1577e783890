/**
 * Indexes over the API & Web users so that a `/users/` page costs work proportional to the page: per-value
 * lists for every filter, per-field orderings (built on first use), and a small cache of filtered, ordered
 * results keyed by the normalised query. Users never change, so nothing is ever invalidated.
 */
import type { ApiwebCatalog } from '../data/apiweb-catalog.ts';
import type { ApiwebUser } from '../data/apiweb-users.ts';

export const ORDERING_FIELDS = [
  'id',
  'email',
  'name',
  'title',
  'changed',
  'last_login',
  'active',
  'mfa_enabled',
  'is_billing_admin',
  'is_apiuser',
] as const;
export type OrderingField = (typeof ORDERING_FIELDS)[number];

export interface OrderingTerm {
  field: OrderingField;
  desc: boolean;
}

/** A normalised `/users/` filter (ids already resolved to catalogue indexes; unknown ids resolve to -1). */
export interface UserFilter {
  account?: boolean;
  active?: boolean;
  mfaEnabled?: boolean;
  noAccess?: boolean;
  labels: number[];
  labelAnd: boolean;
  roles: number[];
  teams: number[];
  targets: number[];
  excludeTeams: number[];
  excludeTargets: number[];
  search?: string;
}

const CACHE_LIMIT = 64;

function listOf(values: number[]): Int32Array {
  return Int32Array.from(values);
}

export class ApiwebIndex {
  readonly users: readonly ApiwebUser[];
  readonly catalog: ApiwebCatalog;
  readonly #bool = new Map<string, Int32Array>();
  readonly #byLabel: Int32Array[];
  readonly #byRole: Int32Array[];
  readonly #byTeam: Int32Array[];
  readonly #byTarget: Int32Array[];
  readonly #keyRank = new Map<OrderingField, Int32Array>();
  readonly #ordered = new Map<OrderingField, Int32Array>();
  readonly #cache = new Map<string, Int32Array>();
  readonly #search = new Map<string, Int32Array>();
  readonly #idToIndex = new Map<string, number>();

  constructor(users: readonly ApiwebUser[], catalog: ApiwebCatalog) {
    this.users = users;
    this.catalog = catalog;
    const buckets = (size: number) => Array.from({ length: size }, () => [] as number[]);
    const labels = buckets(catalog.labels.length);
    const roles = buckets(catalog.roles.length);
    const teams = buckets(catalog.teams.length);
    const targets = buckets(catalog.targets.length);
    const flags = { active: [[], []], mfa: [[], []], account: [[], []], noAccess: [[], []] } as Record<
      string,
      [number[], number[]]
    >;
    const flag = (name: string, value: boolean, i: number) => flags[name]![value ? 1 : 0].push(i);
    for (let i = 0; i < users.length; i++) {
      const u = users[i]!;
      this.#idToIndex.set(u.id, i);
      flag('active', u.active, i);
      flag('mfa', u.mfaEnabled, i);
      const rs = u.roles;
      let account = false;
      for (let k = 0; k < rs.length; k++) {
        const r = rs[k]!;
        if (r.tier === 'account') account = true;
        // A user holds at most a few roles: a backwards scan is cheaper than a Set.
        let newRole = true;
        let newTeam = r.team !== undefined;
        let newTarget = r.target !== undefined;
        for (let j = 0; j < k; j++) {
          const p = rs[j]!;
          if (p.role === r.role) newRole = false;
          if (newTeam && p.team === r.team) newTeam = false;
          if (newTarget && p.target === r.target) newTarget = false;
        }
        if (newRole) roles[r.role]!.push(i);
        if (newTeam) teams[r.team!]!.push(i);
        if (newTarget) targets[r.target!]!.push(i);
      }
      flag('account', account, i);
      flag('noAccess', rs.length === 0, i);
      for (const l of u.labels) labels[l]!.push(i);
    }
    for (const [name, [no, yes]] of Object.entries(flags)) {
      this.#bool.set(`${name}:false`, listOf(no));
      this.#bool.set(`${name}:true`, listOf(yes));
    }
    this.#byLabel = labels.map(listOf);
    this.#byRole = roles.map(listOf);
    this.#byTeam = teams.map(listOf);
    this.#byTarget = targets.map(listOf);
  }

  indexOfId(id: string): number | undefined {
    return this.#idToIndex.get(id);
  }

  /** Dense rank of each user's value for `field` (equal values share a rank; null last). */
  keyRank(field: OrderingField): Int32Array {
    const cached = this.#keyRank.get(field);
    if (cached) return cached;
    const n = this.users.length;
    const users = this.users;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    let same: (a: number, b: number) => boolean;
    if (field === 'id' || field === 'email' || field === 'name' || field === 'title') {
      // Text: case-insensitive first, then the raw text, then creation order.
      const raw = users.map((u) =>
        field === 'id' ? u.id : field === 'email' ? u.email : field === 'name' ? u.name : u.title,
      );
      const lower = raw.map((t) => t.toLowerCase());
      order.sort((a, b) => {
        const x = lower[a]!;
        const y = lower[b]!;
        if (x !== y) return x < y ? -1 : 1;
        const p = raw[a]!;
        const q = raw[b]!;
        if (p !== q) return p < q ? -1 : 1;
        return a - b;
      });
      same = (a, b) => raw[a] === raw[b];
    } else if (field === 'changed' || field === 'last_login') {
      // Microseconds, then the 7th fractional digit of the `n7` form; never logged in sorts last.
      const micros = new Float64Array(n);
      const d7 = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const s = field === 'changed' ? users[i]!.changed : users[i]!.lastLogin;
        micros[i] = s === null ? Number.POSITIVE_INFINITY : s.micros;
        d7[i] = s !== null && s.form === 'n7' ? s.d7 : 0;
      }
      order.sort((a, b) => micros[a]! - micros[b]! || d7[a]! - d7[b]! || a - b);
      same = (a, b) => micros[a] === micros[b] && d7[a] === d7[b];
    } else {
      // Booleans: false before true, a stable two-bucket pass.
      const value = (u: ApiwebUser): boolean =>
        field === 'active'
          ? u.active
          : field === 'mfa_enabled'
            ? u.mfaEnabled
            : field === 'is_billing_admin'
              ? u.isBillingAdmin
              : u.isApiuser;
      let k = 0;
      for (let i = 0; i < n; i++) if (!value(users[i]!)) order[k++] = i;
      for (let i = 0; i < n; i++) if (value(users[i]!)) order[k++] = i;
      same = (a, b) => value(users[a]!) === value(users[b]!);
    }
    const rank = new Int32Array(n);
    let r = 0;
    for (let k = 0; k < n; k++) {
      if (k > 0 && !same(order[k - 1]!, order[k]!)) r++;
      rank[order[k]!] = r;
    }
    this.#keyRank.set(field, rank);
    this.#ordered.set(field, order);
    return rank;
  }

  /** All users in ascending order of `field` (ties by creation order). */
  ordered(field: OrderingField): Int32Array {
    if (!this.#ordered.has(field)) this.keyRank(field);
    return this.#ordered.get(field)!;
  }

  /** Whether `field`'s ordering is built. */
  isWarm(field: OrderingField): boolean {
    return this.#ordered.has(field);
  }

  /** Builds every ordering now. */
  warm(): void {
    for (const f of ORDERING_FIELDS) this.keyRank(f);
  }

  /**
   * Builds the orderings one per event-loop turn after the server listens, so start-up stays short and no
   * later request sorts the whole tenant. `stopped` ends the warm-up early (server closed).
   */
  warmInBackground(stopped: () => boolean): void {
    const pending = ORDERING_FIELDS.filter((f) => !this.isWarm(f));
    const step = () => {
      const field = pending.shift();
      if (field === undefined || stopped()) return;
      this.keyRank(field);
      setImmediate(step);
    };
    setImmediate(step);
  }

  #searchList(term: string): Int32Array {
    let list = this.#search.get(term);
    if (!list) {
      const needle = term.toLowerCase();
      const out: number[] = [];
      for (let i = 0; i < this.users.length; i++) {
        const u = this.users[i]!;
        if (u.name.toLowerCase().includes(needle) || u.email.toLowerCase().includes(needle)) out.push(i);
      }
      list = listOf(out);
      if (this.#search.size >= CACHE_LIMIT) this.#search.delete(this.#search.keys().next().value!);
      this.#search.set(term, list);
    }
    return list;
  }

  #matches(u: ApiwebUser, f: UserFilter): boolean {
    if (f.active !== undefined && u.active !== f.active) return false;
    if (f.mfaEnabled !== undefined && u.mfaEnabled !== f.mfaEnabled) return false;
    if (f.account !== undefined && u.roles.some((r) => r.tier === 'account') !== f.account) return false;
    if (f.noAccess !== undefined && (u.roles.length === 0) !== f.noAccess) return false;
    if (f.labels.length > 0) {
      const has = (l: number) => u.labels.includes(l);
      if (f.labelAnd ? !f.labels.every(has) : !f.labels.some(has)) return false;
    }
    if (f.roles.length > 0 && !u.roles.some((r) => f.roles.includes(r.role))) return false;
    if (f.teams.length > 0 && !u.roles.some((r) => r.team !== undefined && f.teams.includes(r.team))) return false;
    if (f.targets.length > 0 && !u.roles.some((r) => r.target !== undefined && f.targets.includes(r.target)))
      return false;
    if (f.excludeTeams.length > 0 && u.roles.some((r) => r.team !== undefined && f.excludeTeams.includes(r.team)))
      return false;
    if (
      f.excludeTargets.length > 0 &&
      u.roles.some((r) => r.target !== undefined && f.excludeTargets.includes(r.target))
    ) {
      return false;
    }
    if (
      f.search !== undefined &&
      !(u.name.toLowerCase().includes(f.search.toLowerCase()) || u.email.toLowerCase().includes(f.search.toLowerCase()))
    ) {
      return false;
    }
    return true;
  }

  /** Candidate lists a filter implies (each ascending); the smallest drives the scan. */
  #drivers(f: UserFilter): Int32Array[] {
    const out: Int32Array[] = [];
    const empty = new Int32Array(0);
    const bool = (name: string, v: boolean | undefined) => {
      if (v !== undefined) out.push(this.#bool.get(`${name}:${v}`) ?? empty);
    };
    bool('active', f.active);
    bool('mfa', f.mfaEnabled);
    bool('account', f.account);
    bool('noAccess', f.noAccess);
    const union = (lists: Int32Array[], ids: number[]) => {
      const picked = ids.map((i) => lists[i] ?? empty);
      if (picked.length === 1) return picked[0]!;
      const set = new Set<number>();
      for (const l of picked) for (const i of l) set.add(i);
      return Int32Array.from([...set].sort((a, b) => a - b));
    };
    if (f.labels.length > 0) {
      if (f.labelAnd) out.push(...f.labels.map((l) => this.#byLabel[l] ?? empty));
      else out.push(union(this.#byLabel, f.labels));
    }
    if (f.roles.length > 0) out.push(union(this.#byRole, f.roles));
    if (f.teams.length > 0) out.push(union(this.#byTeam, f.teams));
    if (f.targets.length > 0) out.push(union(this.#byTarget, f.targets));
    if (f.search !== undefined) out.push(this.#searchList(f.search));
    return out;
  }

  /**
   * Matching user indexes in the requested order. Unfiltered default order is the identity (no work); an
   * unfiltered single-field order is a precomputed array; anything else is computed once and cached.
   */
  select(f: UserFilter, ordering: readonly OrderingTerm[]): { count: number; at: (i: number) => number } {
    const filtered = this.#isEmpty(f);
    if (filtered && ordering.length === 0) return { count: this.users.length, at: (i) => i };
    if (filtered && ordering.length === 1) {
      const arr = this.ordered(ordering[0]!.field);
      const n = arr.length;
      return ordering[0]!.desc ? { count: n, at: (i) => arr[n - 1 - i]! } : { count: n, at: (i) => arr[i]! };
    }
    const key = JSON.stringify([f, ordering]);
    let result = this.#cache.get(key);
    if (!result) {
      result = this.#compute(f, ordering);
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(key, result);
    }
    const r = result;
    return { count: r.length, at: (i) => r[i]! };
  }

  #isEmpty(f: UserFilter): boolean {
    return (
      f.account === undefined &&
      f.active === undefined &&
      f.mfaEnabled === undefined &&
      f.noAccess === undefined &&
      f.labels.length === 0 &&
      f.roles.length === 0 &&
      f.teams.length === 0 &&
      f.targets.length === 0 &&
      f.excludeTeams.length === 0 &&
      f.excludeTargets.length === 0 &&
      f.search === undefined
    );
  }

  #compute(f: UserFilter, ordering: readonly OrderingTerm[]): Int32Array {
    const drivers = this.#drivers(f);
    let matched: Int32Array;
    if (drivers.length === 0) {
      const out: number[] = [];
      for (let i = 0; i < this.users.length; i++) if (this.#matches(this.users[i]!, f)) out.push(i);
      matched = listOf(out);
    } else {
      const driver = drivers.reduce((a, b) => (b.length < a.length ? b : a));
      matched = driver.filter((i) => this.#matches(this.users[i]!, f));
    }
    if (ordering.length === 0) return matched;
    const ranks = ordering.map((t) => ({ rank: this.keyRank(t.field), dir: t.desc ? -1 : 1 }));
    const single = ordering.length === 1 ? ranks[0]! : undefined;
    return matched.sort((a, b) => {
      for (const { rank, dir } of ranks) {
        const d = rank[a]! - rank[b]!;
        if (d !== 0) return d * dir;
      }
      // A single descending field is the exact reverse of the ascending order (ties included).
      return (a - b) * (single ? single.dir : 1);
    });
  }
}
