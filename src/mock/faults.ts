/**
 * Faults for reliability tests: latency, a share of 5xx answers, connection resets, truncated bodies and
 * wrong content types. Each request's fate is drawn from a PRNG keyed by the fault seed and the request's
 * sequence number, so the same seed and the same request order give the same faults.
 */
import { Rng } from './random.ts';

export interface FaultOptions {
  /** Added to every response, in milliseconds. */
  latencyMs?: number;
  /** Share of requests (0..1) answered with a 5xx (500, 502 or 503) without being processed. */
  errorRate?: number;
  /** Share of requests whose connection is reset before any response byte. */
  resetRate?: number;
  /** Share of responses cut in half: the full `content-length` is announced, half the body sent, the socket closed. */
  truncateRate?: number;
  /** Share of responses served with `text/html` instead of the documented media type. */
  wrongContentTypeRate?: number;
  /** Seed of the fault sequence; defaults to the tenant seed. */
  seed?: number;
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'error'; status: 500 | 502 | 503 }
  | { kind: 'truncate' }
  | { kind: 'wrong-content-type' };

const ERROR_STATUSES = [500, 502, 503] as const;

function rate(value: number | undefined, name: string): number {
  if (value === undefined) return 0;
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`${name} must be between 0 and 1`);
  return value;
}

export class FaultPlan {
  readonly latencyMs: number;
  readonly #seed: number;
  readonly #reset: number;
  readonly #error: number;
  readonly #truncate: number;
  readonly #wrongType: number;

  constructor(options: FaultOptions, defaultSeed: number) {
    const latency = options.latencyMs ?? 0;
    if (!Number.isFinite(latency) || latency < 0) throw new RangeError('latencyMs must be a non-negative number');
    this.latencyMs = latency;
    this.#seed = options.seed ?? defaultSeed;
    this.#reset = rate(options.resetRate, 'resetRate');
    this.#error = rate(options.errorRate, 'errorRate');
    this.#truncate = rate(options.truncateRate, 'truncateRate');
    this.#wrongType = rate(options.wrongContentTypeRate, 'wrongContentTypeRate');
  }

  /** The fate of request number `seq` (1-based). One draw per request keeps the rates independent of each other. */
  decide(seq: number): FaultDecision {
    const rng = new Rng(this.#seed, `fault:${seq}`);
    let roll = rng.next();
    if (roll < this.#reset) return { kind: 'reset' };
    roll -= this.#reset;
    if (roll < this.#error) return { kind: 'error', status: rng.pick(ERROR_STATUSES) };
    roll -= this.#error;
    if (roll < this.#truncate) return { kind: 'truncate' };
    roll -= this.#truncate;
    if (roll < this.#wrongType) return { kind: 'wrong-content-type' };
    return { kind: 'none' };
  }
}
