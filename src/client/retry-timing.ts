/**
 * When to try again: the server's own word (`Retry-After`, `X-RateLimit-Reset`) when it gives one, else an
 * exponential backoff with jitter. Pure functions of the headers and a clock, so tests pin them down.
 */

type Headers = Readonly<Record<string, string | string[] | undefined>>;

function first(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * RFC 9110 §10.2.3 `Retry-After`: delay-seconds or an HTTP-date. A date is measured against the response's
 * own `Date` header when present (server clock against server clock), else against `now`.
 * Returns ms (≥ 0) or undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const raw = first(headers, 'retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  const serverNow = Date.parse(first(headers, 'date') ?? '');
  return Math.max(0, at - (Number.isNaN(serverNow) ? now : serverNow));
}

/**
 * `X-RateLimit-Reset` (Snyk sends it; rate limits: about-the-rest-api, v1-api docs): the form is not documented, so read it the ways
 * gateways write it — epoch milliseconds, epoch seconds, or seconds until the reset.
 */
export function rateLimitResetMs(headers: Headers, now: number): number | undefined {
  const raw = (first(headers, 'x-ratelimit-reset') ?? first(headers, 'ratelimit-reset'))?.trim();
  if (!raw) return undefined;
  const n = Number(raw.split(/[,;\s]/)[0]);
  if (!Number.isFinite(n) || n < 0) {
    const at = Date.parse(raw);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
  }
  if (n > 1e12) return Math.max(0, n - now);
  if (n > 1e9) return Math.max(0, n * 1000 - now);
  return Math.round(n * 1000);
}

/** The server's wait for a 429/503: `Retry-After` first, then `X-RateLimit-Reset`. */
export function serverDelayMs(headers: Headers, now: number): number | undefined {
  return retryAfterMs(headers, now) ?? rateLimitResetMs(headers, now);
}

/**
 * `X-RateLimit-Limit`, plain (`160`) or in the structured form Snyk was seen to send (`160, 160;w=1;name=…`,
 * rate limits: about-the-rest-api, v1-api docs): the limit and, when `w=` says so, the window in ms.
 */
export function rateLimitLimit(headers: Headers): { limit: number; windowMs?: number } | undefined {
  const raw = (first(headers, 'x-ratelimit-limit') ?? first(headers, 'ratelimit-limit'))?.trim();
  if (!raw) return undefined;
  const limit = Number(/^\s*(\d+)/.exec(raw)?.[1]);
  if (!Number.isFinite(limit) || limit <= 0) return undefined;
  const w = /;\s*w=(\d+(?:\.\d+)?)/.exec(raw)?.[1];
  return w === undefined ? { limit } : { limit, windowMs: Math.round(Number(w) * 1000) };
}

/**
 * Exponential backoff with "equal jitter": half of `min(max, base·2^(retry-1))` fixed, half random, so
 * retries of many clients spread out yet each waits at least half the step.
 */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: () => number): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
