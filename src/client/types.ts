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
  /** Whether the client may retry; defaults to true for GET and DELETE of a provision. */
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
  requests: number;
  retries: number;
  rateLimited: number;
  byApi: Record<ApiFamily, number>;
}

export interface TenantClient {
  send(spec: RequestSpec): Promise<ApiResponse>;
  /** REST cursor pages: follows `links.next` (with or without the `/rest` prefix), loop-guarded. */
  restPages(spec: RequestSpec): AsyncIterable<ApiResponse>;
  /** API & Web `GET /users/` pages 1…page_total; `query` is sent with every page. */
  apiwebPages(query?: Readonly<Record<string, QueryValue>>, options?: { length?: number }): AsyncIterable<ApiResponse>;
  /** A curl command reproducing an exchange; tokens are referenced as environment variables. */
  curl(exchange: Exchange): string;
  /** The exchange log of this client (bounded). */
  exchanges(): readonly Exchange[];
  stats(): RequestStats;
  close(): Promise<void>;
}
