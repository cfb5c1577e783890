/**
 * Requests per minute per API key (rate limits: about-the-rest-api, v1-api docs: "1620 requests per minute per API key" on REST, 2000 on v1;
 * the mock applies one configurable limit to every key). A sliding one-minute window per key: past the limit a
 * request is refused with the number of whole seconds until the oldest counted request leaves the window.
 * Uses the monotonic clock, not the tenant clock, so a frozen tenant clock does not freeze the window.
 */
import { performance } from 'node:perf_hooks';

const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  #limit: number | undefined;
  readonly #hits = new Map<string, number[]>();
  readonly #now: () => number;

  constructor(perMinute: number | undefined, now: () => number = () => performance.now()) {
    this.#limit = RateLimiter.#check(perMinute);
    this.#now = now;
  }

  static #check(perMinute: number | undefined): number | undefined {
    if (perMinute === undefined) return undefined;
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new RangeError('rateLimit must be a positive integer');
    return perMinute;
  }

  setLimit(perMinute: number | undefined): void {
    this.#limit = RateLimiter.#check(perMinute);
    this.#hits.clear();
  }

  /** Counts a request for `key` and says whether it may proceed. Refused requests are not counted. */
  take(key: string): RateDecision {
    const limit = this.#limit;
    if (limit === undefined) return { allowed: true };
    const now = this.#now();
    let hits = this.#hits.get(key);
    if (!hits) {
      hits = [];
      this.#hits.set(key, hits);
    }
    let drop = 0;
    while (drop < hits.length && (hits[drop] as number) <= now - WINDOW_MS) drop++;
    if (drop > 0) hits.splice(0, drop);
    if (hits.length >= limit) {
      const oldest = hits[0] as number;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
    }
    hits.push(now);
    return { allowed: true };
  }
}
