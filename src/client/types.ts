/**
 * The tenant client's public surface. Contract checks and audit collectors use only this; the undici
 * dispatcher and its interceptors (pacing, retry, redaction, exchange log) stay behind it.
 */
import type { ApiFamily, HttpMethod } from '../model/operations.ts';
import type { Exchange } from '../model/results.ts';

export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | undefined | null;

export interface RequestSpec {
  /** Operation name (INTERFACE.md) for logs and exchange records. */
  operation: string;
  api: ApiFamily;
  method: HttpMethod;
  /** Path below the API origin with parameters filled in (`/rest/self`), or a host-relative `links.next`. */
  path: string;
  /** Query parameters; arrays repeat the key (`label=a&label=b`); undefined/null are dropped. */
  query?: Readonly<Record<string, QueryValue>>;
  /** JSON body (serialised by the client). */
  body?: unknown;
  /** A body sent as is (for malformed-body checks). Takes precedence over `body`. */
  rawBody?: string;
  contentType?: string;
  headers?: Readonly<Record<string, string>>;
  /** `none` sends no Authorization header, `invalid` a well-formed wrong token (auth checks). */
  auth?: 'default' | 'none' | 'invalid';
  /**
   * REST `version`: undefined = the configured version (with `~beta` for beta-only operations when the
   * operation is known), null = omit the parameter, a string = send exactly that.
   */
  version?: string | null;
  /**
   * Whether the client may retry this request on 5xx, network errors, timeouts and truncated bodies;
   * defaults to true for GET and for `DELETE /v1/org/{orgId}/provision`, false for other writes (a POST
   * whose effect the caller confirms by reading back may pass true). A 429 is retried whatever this says:
   * a rate-limited request was refused before it ran.
   */
  retry?: boolean;
  /** Per-request timeout override in ms. */
  timeoutMs?: number;
}

export interface ApiResponse {
  status: number;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /** Raw body text. */
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  /** The media type without parameters, lower-case (`application/vnd.api+json`). */
  contentType?: string;
  durationMs: number;
  /** The URL without secrets. */
  url: string;
  exchange: Exchange;
}

export interface RequestStats {
  /** HTTP attempts sent (each retry counts). */
  requests: number;
  /** Attempts that were retries (of a 429, a 5xx, a network error, a timeout or a truncated body). */
  retries: number;
  /** 429 responses received. */
  rateLimited: number;
  /** Attempts per API. */
  byApi: Record<ApiFamily, number>;
  /** Total time attempts waited in the token bucket (including a key paused by a 429's Retry-After), in ms. */
  pacedMs?: number;
  /** Total time spent waiting before retries (Retry-After, X-RateLimit-Reset or backoff), in ms. */
  retryWaitMs?: number;
  /** 5xx responses received (retried or not). */
  serverErrors?: number;
  /** Attempts that failed without a response (reset, timeout, refused…). */
  networkErrors?: number;
}

export interface TenantClient {
  /**
   * Sends one request (paced, retried where safe, logged). Every response with a status is RETURNED, not
   * thrown: 2xx and 4xx at once, a 5xx (or a 2xx whose declared-JSON body ends early) after the retries
   * allowed for the request are spent, as the last response. It throws only when there is nothing to return:
   * `HttpError` `RATE_LIMITED` (429s beyond the retry budget), `NETWORK`, `TIMEOUT`, `TLS`, `ABORTED`,
   * `RESPONSE_TOO_LARGE`; `TenantUnreachableError` (`TENANT_UNREACHABLE`); `ConfigError`
   * `CONFIG_MISSING_TOKEN`/`CONFIG_MISSING_APIWEB_TOKEN`; `StcError` `INVALID_REQUEST`/`CLIENT_CLOSED`.
   */
  send(spec: RequestSpec): Promise<ApiResponse>;
  /**
   * REST cursor pages: follows `links.next` (a string or `{href}`, with or without the `/rest` prefix, used as
   * is: it carries its own parameters; `version` is added only if it lacks one). Stops, with a warning in
   * `warnings()`, on an empty page that still has `next`, on `next` equal to `self` or to a page already read,
   * and on a `next` on another origin. A non-2xx page throws `HttpError` (`HTTP_4XX`/`HTTP_5XX`) carrying
   * its status and exchange. Memory: one page at a time.
   */
  restPages(spec: RequestSpec): AsyncIterable<ApiResponse>;
  /**
   * API & Web `GET /users/` pages 1…page_total (page_total re-read from every page); `query` is sent with
   * every page, `length` defaults to 100. Up to `concurrency` pages are in flight (each paced), yielded in
   * page order. A 404 on a page after the first ends the iteration (DRF: past the last page); any other
   * non-2xx page throws `HttpError`.
   */
  apiwebPages(query?: Readonly<Record<string, QueryValue>>, options?: { length?: number }): AsyncIterable<ApiResponse>;
  /** A curl command reproducing an exchange; tokens are referenced as environment variables. */
  curl(exchange: Exchange): string;
  /** The exchange log of this client (bounded; every attempt, retries and 429s included). */
  exchanges(): readonly Exchange[];
  stats(): RequestStats;
  /** What the client noticed but worked around (pagination loop guards, rate limits learned from headers). */
  warnings(): readonly string[];
  close(): Promise<void>;
}

/** Options of `createTenantClient`; every field has a documented default. */
export interface ClientOptions {
  /**
   * Requests per window per API key (the window is a minute unless `rateLimitWindowMs` says otherwise).
   * Defaults: rest 1620, v1 2000 (rate limits: about-the-rest-api, v1-api docs), apiweb 60,000 (undocumented: paced by the server's 429s and learned X-RateLimit-Limit).
   */
  rateLimits?: Partial<Record<ApiFamily, number>>;
  /** The rate-limit window in ms (default 60 000). Tests use short windows. */
  rateLimitWindowMs?: number;
  /** Retries of a 5xx, a network error, a timeout or a truncated body per request (default 4). */
  maxRetries?: number;
  /** Retries of a 429 per request (default 20); the time budget below applies too. */
  maxRateLimitRetries?: number;
  /** No retry is started once the request has been under way this long, waits included (default 120 000 ms). */
  retryBudgetMs?: number;
  /** Exponential backoff with equal jitter: `min(maxMs, baseMs·2^(n-1))`, half of it random (defaults 250, 8 000). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Timeouts in ms: TCP/TLS connect, time to response headers, idle time between body chunks (10/30/30 s). */
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  /** Connections per origin, and API & Web pages in flight (default 4). */
  concurrency?: number;
  /** How many exchange records the log keeps (default 200, the most recent). */
  exchangeLogSize?: number;
  /** Called with every exchange record (redacted) as it completes; exceptions it throws are ignored. */
  onExchange?: (exchange: Exchange) => void;
  /** Clock in ms since the epoch (default Date.now); pacing, Retry-After dates and records use it. */
  now?: () => number;
  /** Waits (default setTimeout); tests may inject a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** Randomness for jitter in [0, 1) (default Math.random). */
  random?: () => number;
  /** User-Agent header (default `snyk-tenant-check`). */
  userAgent?: string;
}
