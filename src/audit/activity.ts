/**
 * Audit-log activity of this run merged with the last-seen state: the latest event per Snyk user id, the
 * outcome of each user's documented audit-log search, and the window in which all activity has been seen. This map grows with the number of users active in the window
 * (one small entry each), the one per-identity structure the audit keeps; the state file needs it anyway.
 */
import type { ActivityLookupRecord, ActivityRecord } from './inventory.ts';
import type { ActivityLookup, ActivitySeen, ActivityView } from './rule.ts';
import { stateKey, type LastSeenEntry, type LastSeenState } from './state.ts';

export class ActivityIndex implements ActivityView {
  readonly #seen = new Map<string, LastSeenEntry>();
  readonly #apiweb = new Map<string, LastSeenEntry>();
  readonly #lookups = new Map<string, ActivityLookup>();
  readonly #state: LastSeenState | undefined;
  #windowFrom: number | undefined;
  #events = 0;

  constructor(options: { state?: LastSeenState; windowFrom?: number } = {}) {
    this.#state = options.state;
    this.#windowFrom = options.windowFrom;
  }

  setWindowFrom(from: number | undefined): void {
    this.#windowFrom = from;
  }

  add(record: ActivityRecord): void {
    this.#events++;
    const old = this.#seen.get(record.userId);
    if (old && old.at >= record.at) return;
    const entry: LastSeenEntry = { at: record.at, source: record.source };
    if (record.event) entry.event = record.event;
    this.#seen.set(record.userId, entry);
  }

  /** The outcome of a user's per-user audit-log search (collect.ts). */
  addLookup(record: ActivityLookupRecord): void {
    const lookup: ActivityLookup = { outcome: record.outcome };
    if (record.reason !== undefined) lookup.reason = record.reason;
    this.#lookups.set(record.userId, lookup);
  }

  lookup(userId: string): ActivityLookup | undefined {
    return this.#lookups.get(userId);
  }

  /** An API & Web login, kept only for the state file. */
  addApiwebLogin(id: string, at: number): void {
    this.#apiweb.set(id, { at, source: 'GET /users/', event: 'last_login' });
  }

  lastSeen(userId: string): ActivitySeen | undefined {
    const here = this.#seen.get(userId);
    const before = this.#state?.identities.get(stateKey.snykUser(userId));
    if (before && (!here || before.at > here.at)) {
      const seen: ActivitySeen = { at: before.at, source: `last-seen state (${before.source})` };
      if (before.event) seen.event = before.event;
      return seen;
    }
    return here;
  }

  windowFrom(): number | undefined {
    return this.#windowFrom;
  }

  coveredSince(): number | undefined {
    const from = this.#windowFrom;
    if (from === undefined) return undefined;
    const prev = this.#state?.auditLog;
    // The state's window joins this run's only when there is no gap between them.
    if (prev && prev.until >= from) return Math.min(prev.since, from);
    return from;
  }

  get users(): number {
    return this.#seen.size;
  }

  get events(): number {
    return this.#events;
  }

  /** What this run saw, keyed for the state file. */
  *observations(): Iterable<[string, LastSeenEntry]> {
    for (const [id, e] of this.#seen) yield [stateKey.snykUser(id), e];
    for (const [id, e] of this.#apiweb) yield [stateKey.apiwebUser(id), e];
  }
}
