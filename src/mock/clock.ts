/**
 * The tenant's clock. With `now` the clock is frozen at that instant (so responses that carry "now", such as a
 * provision's `created`, are byte-identical run to run); without it the clock follows the real time.
 * Seeded data is anchored at the start of the UTC day of the first reading, so two tenants started on the
 * same day with the same seed hold the same data.
 */
export const DAY_MS = 86_400_000;

export class TenantClock {
  readonly #fixed: number | undefined;
  /** Start of the UTC day the tenant was started on: every seeded timestamp is relative to it. */
  readonly anchorMs: number;

  constructor(now?: Date) {
    this.#fixed = now === undefined ? undefined : now.getTime();
    const start = this.#fixed ?? Date.now();
    this.anchorMs = Math.floor(start / DAY_MS) * DAY_MS;
  }

  now(): number {
    return this.#fixed ?? Date.now();
  }

  /** Today's UTC date, `YYYY-MM-DD` (REST: a version date after it is "newer than present date"). */
  today(): string {
    return isoDate(this.now());
  }
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Millisecond UTC timestamps as Snyk REST and v1 send them (`2024-04-15T19:47:21.565Z`). */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * An API & Web timestamp. `micros` is microseconds since the epoch. Form `z6`: six fractional digits and `Z`
 * (recorded `2022-05-16T11:50:53.914329Z`); form `n7`: seven fractional digits without a zone, as the docs
 * example `2023-08-09T13:27:43.8208302` (users-list docs; the graph-probely recording has a zone: both forms occur).
 */
export type ApiwebDateForm = 'z6' | 'n7';

export function apiwebDate(micros: number, form: ApiwebDateForm, seventhDigit = 0): string {
  const ms = Math.floor(micros / 1000);
  const base = new Date(ms).toISOString().slice(0, 19);
  const frac = String(micros - ms * 1000 + (ms % 1000) * 1000).padStart(6, '0');
  return form === 'z6' ? `${base}.${frac}Z` : `${base}.${frac}${seventhDigit % 10}`;
}
