/**
 * Pacing: a token bucket per API key holding `limit` tokens, where a token comes back one window after the
 * answer to the request that spent it. A request reaches the server before its answer comes back, so two
 * requests that used the same token arrive at least one window apart: at most `limit` requests arrive in
 * any window, whatever window the server counts in (fixed or sliding) and however the network delays
 * them. A run that knows the limit therefore receives no 429, and it still runs at the full rate: the first
 * `limit` requests go at once, later ones as tokens return (a window plus a round trip per `limit`
 * requests). A classic refill-per-interval bucket of capacity `limit` could put 2 × limit requests into
 * one server window.
 *
 * Snyk: REST 1,620 requests per minute per API key, v1 2,000 (rate limits: about-the-rest-api, v1-api docs); past it every request gets a
 * 429 until the requests stop for the interval, so overshooting is expensive.
 *
 * A bucket can hold several windows (a per-second limit learned from `X-RateLimit-Limit: 160;w=1` besides the
 * per-minute one; a request takes a token from each) and a pause (a 429's `Retry-After` stops every request
 * on that key, not only the one that got it). Waiters are served first come, first served.
 */
import { StcError, ERROR_CODES } from '../model/errors.ts';

export interface LimiterClock {
  now(): number;
  /** Calls `fn` after `ms`; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
}

/** The real clock. */
export const SYSTEM_CLOCK: LimiterClock = {
  now: Date.now,
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

/** A clock whose waits go through an injected `sleep` (tests drive virtual time with it). */
export function clockFrom(now: () => number, sleep: (ms: number) => Promise<void>): LimiterClock {
  return {
    now,
    setTimer(fn, ms) {
      let cancelled = false;
      void sleep(ms).then(() => {
        if (!cancelled) fn();
      });
      return () => {
        cancelled = true;
      };
    },
  };
}

/** Slack added to each window, for clock granularity and a server that counts its window boundary inclusively. */
export function windowMargin(windowMs: number): number {
  return Math.max(2, Math.ceil(windowMs * 0.005));
}

/**
 * One limit. Tokens are free, out (their request awaits an answer), or returning (answered; back at a known
 * time). Return times are release time + window, so the returning queue is already in order: O(1) per
 * request and memory only for tokens in use, however high the limit (tests set millions).
 */
class Window {
  readonly limit: number;
  readonly windowMs: number;
  out = 0;
  readonly #returning: number[] = [];
  #head = 0;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Returning tokens still away at `now`. */
  #away(now: number): number {
    const q = this.#returning;
    while (this.#head < q.length && q[this.#head]! <= now) this.#head++;
    if (this.#head > 1024 && this.#head * 2 > q.length) {
      q.splice(0, this.#head);
      this.#head = 0;
    }
    return q.length - this.#head;
  }

  /** When a token is free: `now`, a later time, or Infinity (every token awaits an answer). */
  freeAt(now: number): number {
    if (this.out + this.#away(now) < this.limit) return now;
    const next = this.#returning[this.#head];
    return next === undefined ? Infinity : next;
  }

  take(): void {
    this.out++;
  }

  release(now: number): void {
    this.out = Math.max(0, this.out - 1);
    this.#returning.push(now + this.windowMs + windowMargin(this.windowMs));
  }

  /** Return times of the tokens not free at `now` (out ones as if answered now), latest last. */
  busy(now: number): number[] {
    this.#away(now);
    const full = now + this.windowMs + windowMargin(this.windowMs);
    return [...this.#returning.slice(this.#head), ...Array.from({ length: this.out }, () => full)];
  }

  /** Starts with tokens already away until the given times (ascending). */
  seed(times: readonly number[]): void {
    this.#returning.push(...times);
  }
}

/** A granted request: give it back when the answer (or the failure) arrives. */
export interface Ticket {
  release(): void;
}

export class RateBucket {
  readonly #clock: LimiterClock;
  readonly #windows: Window[] = [];
  readonly #waiters: { resolve: (t: Ticket) => void; reject: (e: unknown) => void; since: number }[] = [];
  #pausedUntil = 0;
  #cancelTimer: (() => void) | undefined;
  #timerAt = 0;
  #closed = false;
  /** Total ms requests spent waiting here. */
  waitedMs = 0;

  constructor(limit: number, windowMs: number, clock: LimiterClock) {
    this.#clock = clock;
    this.addWindow(limit, windowMs);
  }

  /** Adds a limit, or tightens the one of the same window length; false when nothing got stricter. */
  addWindow(limit: number, windowMs: number): boolean {
    const l = Math.max(1, Math.floor(limit));
    const index = this.#windows.findIndex((w) => w.windowMs === windowMs);
    const existing = this.#windows[index];
    if (existing && existing.limit <= l) return false;
    const window = new Window(l, windowMs);
    if (existing) {
      // The tighter limit starts by counting what is in use: tokens awaiting an answer are taken to come back
      // one window from now (their tickets release into the old window, which is dropped).
      window.seed(existing.busy(this.#clock.now()).slice(-l));
      this.#windows.splice(index, 1, window);
    } else {
      this.#windows.push(window);
    }
    return true;
  }

  limits(): { limit: number; windowMs: number }[] {
    return this.#windows.map((w) => ({ limit: w.limit, windowMs: w.windowMs }));
  }

  /** Stops every request on this key until `until` (clock ms). */
  pauseUntil(until: number): void {
    if (until > this.#pausedUntil) this.#pausedUntil = until;
    this.#schedule();
  }

  /** Resolves when a request may start, with the ticket to release when its answer arrives. */
  acquire(): Promise<Ticket> {
    if (this.#closed) return Promise.reject(new StcError(ERROR_CODES.CLIENT_CLOSED, 'the tenant client is closed'));
    const now = this.#clock.now();
    if (this.#waiters.length === 0 && this.#delay(now) === 0) return Promise.resolve(this.#take());
    return new Promise((resolve, reject) => {
      this.#waiters.push({ resolve, reject, since: now });
      this.#schedule();
    });
  }

  close(): void {
    this.#closed = true;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    const error = new StcError(ERROR_CODES.CLIENT_CLOSED, 'the tenant client was closed while a request waited');
    for (const w of this.#waiters.splice(0)) w.reject(error);
  }

  #take(): Ticket {
    const taken = [...this.#windows];
    for (const window of taken) window.take();
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const now = this.#clock.now();
        for (const window of taken) window.release(now);
        this.#schedule();
      },
    };
  }

  /** How long until a request may start: 0 = now, Infinity = when a token is released. */
  #delay(now: number): number {
    let until = this.#pausedUntil;
    for (const window of this.#windows) until = Math.max(until, window.freeAt(now));
    return Math.max(0, until - now);
  }

  #pump = (): void => {
    this.#cancelTimer = undefined;
    while (this.#waiters.length > 0 && !this.#closed) {
      const now = this.#clock.now();
      if (this.#delay(now) > 0) break;
      const waiter = this.#waiters.shift()!;
      this.waitedMs += now - waiter.since;
      waiter.resolve(this.#take());
    }
    this.#schedule();
  };

  #schedule(): void {
    if (this.#closed || this.#waiters.length === 0) return;
    const now = this.#clock.now();
    const delay = this.#delay(now);
    // Every token is out awaiting an answer: a release will call back.
    if (delay === Infinity) return;
    const at = now + delay;
    if (this.#cancelTimer && this.#timerAt <= at) return;
    this.#cancelTimer?.();
    this.#timerAt = at;
    // +1 ms: timers may fire a hair early relative to the clock.
    this.#cancelTimer = this.#clock.setTimer(this.#pump, delay === 0 ? 0 : delay + 1);
  }
}

/** One bucket per key (`rest`, `v1`, `apiweb` of one client's tokens). */
export class RateLimiter {
  readonly #buckets = new Map<string, RateBucket>();
  readonly #clock: LimiterClock;
  readonly #limits: Readonly<Record<string, number>>;
  readonly #windowMs: number;

  constructor(limits: Readonly<Record<string, number>>, windowMs: number, clock: LimiterClock) {
    this.#limits = limits;
    this.#windowMs = windowMs;
    this.#clock = clock;
  }

  bucket(key: string): RateBucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new RateBucket(this.#limits[key] ?? 600, this.#windowMs, this.#clock);
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  waitedMs(): number {
    let total = 0;
    for (const b of this.#buckets.values()) total += b.waitedMs;
    return total;
  }

  close(): void {
    for (const b of this.#buckets.values()) b.close();
  }
}
