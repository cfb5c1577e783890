/**
 * Matches findings against the policy's exemptions, break-glass and service accounts, and reports on the
 * exemptions themselves (the InSpec waiver practice: https://github.com/inspec/inspec/blob/main/docs/waivers.md): an expired exemption no longer exempts (its finding comes back
 * as a failure, with a warning); one that expires within 14 days gets a notice; one that matches nothing is
 * stale. Only counters and flags are kept per exemption, never per finding.
 */
import type { Subject, Warning } from '../model/results.ts';
import { DAY_MS } from './api-date.ts';
import type { PolicyExemption } from './policy.ts';

export const EXPIRY_NOTICE_DAYS = 14;

export interface ExemptionMatch {
  /** A matching exemption in force (named accounts first). */
  valid?: PolicyExemption;
  /** A matching exemption that has expired (only reported when no valid one matches). */
  expired?: PolicyExemption;
}

/** What `match` returns when no exemption names the rule or the subject (shared: the common case allocates nothing). */
export const NO_MATCH: ExemptionMatch = Object.freeze({});

export function subjectMatches(e: PolicyExemption, subject: Subject): boolean {
  if (e.subject !== undefined) {
    if (subject.id !== undefined && subject.id === e.subject) return true;
    return subject.email !== undefined && subject.email.toLowerCase() === e.subject.toLowerCase();
  }
  if (e.pattern !== undefined) {
    return (subject.id !== undefined && e.pattern.test(subject.id)) || (subject.email !== undefined && e.pattern.test(subject.email));
  }
  return false;
}

export class ExemptionBook {
  readonly #entries: readonly PolicyExemption[];
  readonly #now: number;
  readonly #matched: number[];
  readonly #revived: number[];
  /** Indices of the entries per rule id, so that a finding of a rule nobody exempts costs one lookup. */
  readonly #byRule = new Map<string, number[]>();

  constructor(entries: readonly PolicyExemption[], now: number) {
    this.#entries = entries;
    this.#now = now;
    this.#matched = entries.map(() => 0);
    this.#revived = entries.map(() => 0);
    entries.forEach((e, i) => {
      for (const rule of new Set(e.rules)) {
        const list = this.#byRule.get(rule) ?? [];
        list.push(i);
        this.#byRule.set(rule, list);
      }
    });
  }

  isExpired(e: PolicyExemption): boolean {
    return e.expiresAt !== undefined && this.#now >= e.expiresAt;
  }

  /** The exemptions matching a finding of the rule (NO_MATCH, the shared empty match, when none does). */
  match(ruleId: string, subject: Subject): ExemptionMatch {
    const candidates = this.#byRule.get(ruleId);
    if (candidates === undefined) return NO_MATCH;
    let out: ExemptionMatch | undefined;
    for (const i of candidates) {
      const e = this.#entries[i]!;
      if (!subjectMatches(e, subject)) continue;
      this.#matched[i] = (this.#matched[i] ?? 0) + 1;
      out ??= {};
      if (this.isExpired(e)) out.expired ??= e;
      else out.valid ??= e;
    }
    if (out === undefined) return NO_MATCH;
    if (out.valid === undefined && out.expired !== undefined) {
      const i = this.#entries.indexOf(out.expired);
      this.#revived[i] = (this.#revived[i] ?? 0) + 1;
    }
    return out;
  }

  /** Expired-and-revived, expiring-soon and stale exemptions, once each, in policy order. */
  warnings(): Warning[] {
    const out: Warning[] = [];
    this.#entries.forEach((e, i) => {
      const where = `${e.path}${e.line === undefined ? '' : ` (line ${e.line})`}`;
      const who = e.subject ?? `/${e.pattern?.source ?? ''}/`;
      const rules = e.rules.join(', ');
      if ((this.#revived[i] ?? 0) > 0) {
        out.push({
          code: 'EXEMPTION_EXPIRED',
          message: `${e.kind} ${where} for ${who} (${rules}) expired on ${e.expires}: ${this.#revived[i]} finding(s) fail again`,
          ...(e.rules.length === 1 ? { ruleId: e.rules[0] } : {}),
        });
      }
      if ((this.#matched[i] ?? 0) === 0) {
        const expired = this.isExpired(e) ? ` (expired on ${e.expires})` : '';
        out.push({
          code: 'EXEMPTION_STALE',
          message: `${e.kind} ${where} for ${who} (${rules}) matches no finding${expired}: remove it or correct its subject`,
          ...(e.rules.length === 1 ? { ruleId: e.rules[0] } : {}),
        });
      }
      if (e.expiresAt !== undefined && !this.isExpired(e) && e.expiresAt - this.#now <= EXPIRY_NOTICE_DAYS * DAY_MS) {
        const days = Math.ceil((e.expiresAt - this.#now) / DAY_MS);
        out.push({
          code: 'EXEMPTION_EXPIRING',
          message: `${e.kind} ${where} for ${who} (${rules}) expires on ${e.expires}, in ${days} day(s): renew or resolve (owner ${e.owner ?? 'unknown'}${e.ticket ? `, ticket ${e.ticket}` : ''})`,
          ...(e.rules.length === 1 ? { ruleId: e.rules[0] } : {}),
        });
      }
    });
    return out;
  }
}
