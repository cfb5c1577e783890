/**
 * The project's error base. Every error the project throws on purpose is a StcError: a stable `code` (what
 * scripts, the exit code and tests match on; messages may change) and, where there is one, the `cause`
 * (ARCHITECTURE.md). Messages and fields never hold a secret: URLs are the client's redacted form and tokens
 * are named by their variable.
 *
 * One code scheme: UPPER_SNAKE_CASE, the first word the area (`USAGE`, `CONFIG`, `POLICY`, `PREVIOUS`, `STATE`,
 * `CONTRACT`, `MOCK`, `REPORT`, `PACKED`) or, for a request that failed, the failure itself (`RATE_LIMITED`,
 * `HTTP_4XX`, `NETWORK`, `TENANT_UNREACHABLE`…); no product or `ERR_` prefix. Which codes are the user's to
 * fix (exit 2) is decided in one place, src/run/exit-code.ts.
 */
import type { Exchange } from './results.ts';

/** Codes raised by the tenant client and the environment reader (other layers add their own). */
export const ERROR_CODES = {
  // configuration (exit 2)
  CONFIG_MISSING_TOKEN: 'CONFIG_MISSING_TOKEN',
  CONFIG_MISSING_APIWEB_TOKEN: 'CONFIG_MISSING_APIWEB_TOKEN',
  CONFIG_INVALID_URL: 'CONFIG_INVALID_URL',
  CONFIG_INSECURE_URL: 'CONFIG_INSECURE_URL',
  CONFIG_INVALID_VERSION: 'CONFIG_INVALID_VERSION',
  CONFIG_INVALID_ID: 'CONFIG_INVALID_ID',
  CONFIG_INVALID_AUTH_SCHEME: 'CONFIG_INVALID_AUTH_SCHEME',
  // a request (HttpError unless noted)
  RATE_LIMITED: 'RATE_LIMITED',
  HTTP_4XX: 'HTTP_4XX',
  HTTP_5XX: 'HTTP_5XX',
  NETWORK: 'NETWORK',
  TIMEOUT: 'TIMEOUT',
  TLS: 'TLS',
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  ABORTED: 'ABORTED',
  TENANT_UNREACHABLE: 'TENANT_UNREACHABLE',
  // misuse of the client (StcError)
  INVALID_REQUEST: 'INVALID_REQUEST',
  CLIENT_CLOSED: 'CLIENT_CLOSED',
} as const;

export class StcError extends Error {
  readonly code: string;
  declare readonly cause?: unknown;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StcError';
    this.code = code;
  }
}

/** A configuration mistake (exit 2). `variable` names the environment variable or setting at fault. */
export class ConfigError extends StcError {
  readonly variable?: string;

  constructor(code: string, message: string, options?: { cause?: unknown; variable?: string }) {
    super(code, message, options);
    this.name = 'ConfigError';
    if (options?.variable !== undefined) this.variable = options.variable;
  }
}

export interface RequestErrorDetails {
  method: string;
  /** The URL without secrets. */
  url: string;
  /** The last HTTP status, when a response arrived. */
  status?: number;
  /** Operation name (INTERFACE.md) when known. */
  operation?: string;
  /** How many attempts were made (1 = no retry). */
  attempts?: number;
  /** The last attempt's exchange record (redacted). */
  exchange?: Exchange;
}

/**
 * A request that did not produce a usable answer: retries exhausted on 429 (`RATE_LIMITED`), a network
 * failure (`NETWORK`, `TIMEOUT`, `TLS`), or a non-2xx page inside a paginated read (`HTTP_4XX`/`HTTP_5XX`).
 */
export class HttpError extends StcError {
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly operation?: string;
  readonly attempts: number;
  readonly exchange?: Exchange;

  constructor(code: string, message: string, details: RequestErrorDetails, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'HttpError';
    this.method = details.method;
    this.url = details.url;
    if (details.status !== undefined) this.status = details.status;
    if (details.operation !== undefined) this.operation = details.operation;
    this.attempts = details.attempts ?? 1;
    if (details.exchange !== undefined) this.exchange = details.exchange;
  }
}

/** The tenant could not be reached at all: connection refused, DNS failure, connect timeout (exit 3). */
export class TenantUnreachableError extends StcError {
  readonly method?: string;
  readonly url?: string;
  readonly operation?: string;
  readonly attempts?: number;

  constructor(
    message: string,
    options?: { cause?: unknown; method?: string; url?: string; operation?: string; attempts?: number },
  ) {
    super(ERROR_CODES.TENANT_UNREACHABLE, message, options);
    this.name = 'TenantUnreachableError';
    if (options?.method !== undefined) this.method = options.method;
    if (options?.url !== undefined) this.url = options.url;
    if (options?.operation !== undefined) this.operation = options.operation;
    if (options?.attempts !== undefined) this.attempts = options.attempts;
  }
}

/** The error's stable code, or undefined for a foreign error. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
