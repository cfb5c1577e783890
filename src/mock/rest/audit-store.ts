/**
 * Audit-log events with the indexes a search needs: per scope (the group sees its own events and those of
 * its orgs; an org sees its own) and per scope and user, each in ascending (created, seq) order, so a
 * `from`/`to` window is two binary searches and a page walks only the events it returns or skips.
 */
import type { AuditEvent } from '../data/audit-events.ts';

export function compareEvents(a: AuditEvent, b: AuditEvent): number {
  return a.createdMs - b.createdMs || a.seq - b.seq;
}

/** First index whose event is at or after (createdMs, seq) in ascending order. */
export function lowerBound(events: readonly AuditEvent[], createdMs: number, seq: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = events[mid]!;
    if (e.createdMs < createdMs || (e.createdMs === createdMs && e.seq < seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class AuditStore {
  readonly #group: AuditEvent[] = [];
  readonly #orgs = new Map<number, AuditEvent[]>();
  readonly #groupByUser = new Map<string, AuditEvent[]>();
  readonly #orgByUser = new Map<string, AuditEvent[]>();
  #nextSeq = 0;

  constructor(events: readonly AuditEvent[]) {
    for (const e of [...events].sort(compareEvents)) this.#index(e);
    this.#nextSeq = events.reduce((max, e) => Math.max(max, e.seq + 1), 0);
  }

  #index(e: AuditEvent): void {
    const push = (map: Map<string | number, AuditEvent[]>, key: string | number) => {
      let list = map.get(key);
      if (!list) {
        list = [];
        map.set(key, list);
      }
      list.push(e);
    };
    this.#group.push(e);
    if (e.userId) push(this.#groupByUser as Map<string | number, AuditEvent[]>, e.userId);
    if (e.org !== undefined) {
      push(this.#orgs as Map<string | number, AuditEvent[]>, e.org);
      if (e.userId) push(this.#orgByUser as Map<string | number, AuditEvent[]>, `${e.org}|${e.userId}`);
    }
  }

  /** Records a new event (state changes log themselves, as Snyk's do); `createdMs` must not be in the past of the log. */
  append(event: Omit<AuditEvent, 'seq'>): void {
    const last = this.#group[this.#group.length - 1];
    const createdMs = last && last.createdMs > event.createdMs ? last.createdMs : event.createdMs;
    this.#index({ ...event, createdMs, seq: this.#nextSeq++ });
  }

  /** The ascending event list a search walks: the scope's, or the scope's for one user. */
  list(scope: { org?: number }, userId?: string): readonly AuditEvent[] {
    if (scope.org === undefined) return userId ? (this.#groupByUser.get(userId) ?? []) : this.#group;
    return userId ? (this.#orgByUser.get(`${scope.org}|${userId}`) ?? []) : (this.#orgs.get(scope.org) ?? []);
  }
}
