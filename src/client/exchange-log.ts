/**
 * The bounded exchange log: a ring of the most recent exchange records (every attempt), plus the limits on
 * what a record holds. Records are already redacted when they arrive here.
 */
import type { Exchange } from '../model/results.ts';

/** Body excerpts keep at most this many characters (the "≤ 2 KB"). */
export const BODY_EXCERPT_CHARS = 2048;

/** Response headers a record keeps: what contract checks, reports and reproduction need. */
export function isRecordedResponseHeader(name: string): boolean {
  return (
    name.startsWith('snyk-') || name.startsWith('x-ratelimit') || name.startsWith('ratelimit') || RECORDED.has(name)
  );
}
const RECORDED = new Set([
  'content-type',
  'content-length',
  'location',
  'retry-after',
  'deprecation',
  'sunset',
  'x-error-reference',
  'www-authenticate',
  'set-cookie',
]);

/**
 * Cuts an (already redacted) excerpt to the limit, saying how much was left out. `totalBytes` is the size of
 * the whole body when `text` holds only its beginning.
 */
export function excerpt(text: string, totalBytes?: number): string {
  if (text.length <= BODY_EXCERPT_CHARS && totalBytes === undefined) return text;
  const kept = text.slice(0, BODY_EXCERPT_CHARS);
  return `${kept}…[${totalBytes ?? Buffer.byteLength(text)} bytes in all]`;
}

export class ExchangeLog {
  readonly #size: number;
  readonly #ring: Exchange[] = [];
  #next = 0;

  constructor(size: number) {
    this.#size = Math.max(0, Math.floor(size));
  }

  add(exchange: Exchange): void {
    if (this.#size === 0) return;
    if (this.#ring.length < this.#size) {
      this.#ring.push(exchange);
    } else {
      this.#ring[this.#next] = exchange;
    }
    this.#next = (this.#next + 1) % this.#size;
  }

  /** Oldest first. */
  list(): Exchange[] {
    if (this.#ring.length < this.#size) return [...this.#ring];
    return [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
  }
}
