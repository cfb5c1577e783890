/**
 * Reads where the tenant is and how to authenticate from the environment (INTERFACE.md, "Environment for a
 * live tenant") into a validated TenantConfig. A mistake is a ConfigError with a stable code whose message
 * names the variable (exit 2); a token value never appears in a message.
 *
 * Tokens are stored as non-enumerable properties with a `toJSON` and an `inspect` that leave them out, so
 * `JSON.stringify(config)` or `console.log(config)` cannot leak them. A consequence: `{ ...config }` drops the
 * tokens; copy with `withTenantConfig(config, patch)` instead.
 */
import { inspect } from 'node:util';
import { isIP } from 'node:net';
import { ConfigError, ERROR_CODES } from '../model/errors.ts';
import { DEFAULT_REST_VERSION } from '../model/operations.ts';
import { parseRestVersion } from '../model/rest-version.ts';
import type { TenantConfig, TenantCoordinates } from './tenant-config.ts';

export const DEFAULT_SNYK_API_URL = 'https://api.snyk.io';
export const DEFAULT_APIWEB_URL = 'https://api.probely.com';

export interface ReadTenantConfigOptions {
  /** SNYK_TOKEN must be set (a live run). */
  requireSnyk?: boolean;
  /** SNYK_APIWEB_TOKEN must be set (API & Web checks or the user audit on a live tenant). */
  requireApiweb?: boolean;
}

// Ids go into URL paths: refuse anything that could change the path or query (Snyk ids are UUIDs).
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

/**
 * Reads the tenant configuration.
 *
 * - `SNYK_TOKEN`: sent as `Authorization: token …`; a JWT-shaped value (an OAuth access token: three base64url
 *   parts whose header decodes to JSON with `alg`) is sent as `bearer …`. `SNYK_AUTH_SCHEME=token|bearer`
 *   overrides the detection.
 * - `SNYK_API_URL` (default https://api.snyk.io; regional api.us/api.eu/api.au or any https host), a trailing
 *   `/rest` or `/v1` is dropped; `SNYK_APIWEB_URL` (default https://api.probely.com). `http://` only for
 *   loopback hosts (v1-api docs: "HTTPS only").
 * - `SNYK_API_VERSION` (default DEFAULT_REST_VERSION): `YYYY-MM-DD` with an optional `~beta`-style suffix.
 * - `SNYK_ORG_ID`, `SNYK_ORG_IDS` (comma list; the union, SNYK_ORG_ID first), `SNYK_GROUP_ID`, `SNYK_TEST_USER_ID`.
 * Empty values count as unset (a CI secret that is not defined expands to "").
 */
export function readTenantConfig(env: NodeJS.ProcessEnv, options: ReadTenantConfigOptions = {}): TenantConfig {
  const tokens = readTokens(env, options);
  return sealTokens({ ...readTenantCoordinates(env) }, tokens);
}

/**
 * The tenant configuration of a run plan's coordinates, with the tokens of the environment: how a suite
 * worker gets its client (the plan never holds a secret).
 */
export function tenantConfigFor(
  coordinates: TenantCoordinates,
  env: NodeJS.ProcessEnv,
  options: ReadTenantConfigOptions = {},
): TenantConfig {
  const { groupId, testUserId } = coordinates;
  const config: TenantConfig = {
    snykApiUrl: coordinates.snykApiUrl,
    apiwebUrl: coordinates.apiwebUrl,
    snykAuthScheme: coordinates.snykAuthScheme,
    restVersion: coordinates.restVersion,
    orgIds: [...coordinates.orgIds],
    ...(groupId !== undefined ? { groupId } : {}),
    ...(testUserId !== undefined ? { testUserId } : {}),
  };
  return sealTokens(config, readTokens(env, options));
}

/** Where the tenant is, without its secrets: the variables above except the tokens, validated. */
export function readTenantCoordinates(env: NodeJS.ProcessEnv): TenantCoordinates {
  const restVersion = nonEmpty(env.SNYK_API_VERSION) ?? DEFAULT_REST_VERSION;
  if (!parseRestVersion(restVersion)) {
    throw new ConfigError(
      ERROR_CODES.CONFIG_INVALID_VERSION,
      `SNYK_API_VERSION must be a date YYYY-MM-DD, optionally with ~beta (got ${shown(restVersion)})`,
      { variable: 'SNYK_API_VERSION' },
    );
  }
  const groupId = optionalId('SNYK_GROUP_ID', env.SNYK_GROUP_ID);
  const testUserId = optionalId('SNYK_TEST_USER_ID', env.SNYK_TEST_USER_ID);
  return {
    snykApiUrl: readOrigin('SNYK_API_URL', env.SNYK_API_URL, DEFAULT_SNYK_API_URL, true),
    apiwebUrl: readOrigin('SNYK_APIWEB_URL', env.SNYK_APIWEB_URL, DEFAULT_APIWEB_URL, false),
    snykAuthScheme: authScheme(env.SNYK_AUTH_SCHEME, nonEmpty(env.SNYK_TOKEN)),
    restVersion,
    orgIds: readOrgIds(env),
    ...(groupId !== undefined ? { groupId } : {}),
    ...(testUserId !== undefined ? { testUserId } : {}),
  };
}

/**
 * The organizations under test, the one rule: `SNYK_ORG_ID` and every id of `SNYK_ORG_IDS`, each once,
 * `SNYK_ORG_ID` first. The contract checks and the audit both cover exactly these.
 */
export function readOrgIds(env: NodeJS.ProcessEnv): string[] {
  return unique([
    ...listOf(env.SNYK_ORG_ID).map((id) => checkId('SNYK_ORG_ID', id)),
    ...listOf(env.SNYK_ORG_IDS).map((id) => checkId('SNYK_ORG_IDS', id)),
  ]);
}

function readTokens(env: NodeJS.ProcessEnv, options: ReadTenantConfigOptions): { snykToken?: string; apiwebToken?: string } {
  const snykToken = nonEmpty(env.SNYK_TOKEN);
  const apiwebToken = nonEmpty(env.SNYK_APIWEB_TOKEN);
  if (options.requireSnyk && snykToken === undefined) {
    throw new ConfigError(ERROR_CODES.CONFIG_MISSING_TOKEN, 'SNYK_TOKEN is not set: a live run needs a Snyk API token', {
      variable: 'SNYK_TOKEN',
    });
  }
  if (options.requireApiweb && apiwebToken === undefined) {
    throw new ConfigError(
      ERROR_CODES.CONFIG_MISSING_APIWEB_TOKEN,
      'SNYK_APIWEB_TOKEN is not set: the Snyk API & Web checks need an API & Web key',
      { variable: 'SNYK_APIWEB_TOKEN' },
    );
  }
  return { snykToken, apiwebToken };
}

/** A copy of a TenantConfig with some fields changed, keeping the tokens hidden (spreading would drop them). */
export function withTenantConfig(base: TenantConfig, patch: Partial<TenantConfig>): TenantConfig {
  const { snykToken: _s, apiwebToken: _a, ...rest } = { ...base, ...patch };
  return sealTokens(rest as TenantConfig, {
    snykToken: 'snykToken' in patch ? patch.snykToken : base.snykToken,
    apiwebToken: 'apiwebToken' in patch ? patch.apiwebToken : base.apiwebToken,
  });
}

/** Whether a token has the shape of a JWT (how Snyk OAuth access tokens look; API tokens are UUIDs). */
export function looksLikeJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** Whether a host is a loopback address or name (where plain http is acceptable). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

function sealTokens(config: TenantConfig, tokens: { snykToken?: string; apiwebToken?: string }): TenantConfig {
  for (const key of ['snykToken', 'apiwebToken'] as const) {
    delete (config as Partial<TenantConfig>)[key];
    const value = tokens[key];
    if (value !== undefined) {
      Object.defineProperty(config, key, { value, enumerable: false, writable: true, configurable: true });
    }
  }
  const visible = (): Record<string, unknown> => ({
    ...config,
    ...(config.snykToken !== undefined ? { snykToken: '[redacted:SNYK_TOKEN]' } : {}),
    ...(config.apiwebToken !== undefined ? { apiwebToken: '[redacted:SNYK_APIWEB_TOKEN]' } : {}),
  });
  Object.defineProperty(config, 'toJSON', { value: visible, enumerable: false, configurable: true });
  Object.defineProperty(config, inspect.custom, {
    value: (_depth: number, opts: object) => inspect(visible(), opts),
    enumerable: false,
    configurable: true,
  });
  return config;
}

/**
 * A value for an error message. Long values are described, not shown: a token pasted into the wrong
 * variable must not end up on stderr (Snyk API tokens are 36-character UUIDs).
 */
function shown(value: string): string {
  return value.length <= 24 ? JSON.stringify(value) : `a ${value.length}-character value`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function checkId(variable: string, id: string): string {
  if (!ID_RE.test(id)) {
    throw new ConfigError(
      ERROR_CODES.CONFIG_INVALID_ID,
      `${variable} holds ${shown(id)}, which is not an id (letters, digits, '-', '.', '_' only; Snyk ids are UUIDs)`,
      { variable },
    );
  }
  return id;
}

function optionalId(variable: string, value: string | undefined): string | undefined {
  const id = nonEmpty(value);
  return id === undefined ? undefined : checkId(variable, id);
}

function authScheme(override: string | undefined, token: string | undefined): 'token' | 'bearer' {
  const value = nonEmpty(override)?.toLowerCase();
  if (value === 'token' || value === 'bearer') return value;
  if (value !== undefined) {
    throw new ConfigError(
      ERROR_CODES.CONFIG_INVALID_AUTH_SCHEME,
      `SNYK_AUTH_SCHEME must be "token" or "bearer" (got ${shown(override ?? '')})`,
      { variable: 'SNYK_AUTH_SCHEME' },
    );
  }
  return token !== undefined && looksLikeJwt(token) ? 'bearer' : 'token';
}

function readOrigin(variable: string, raw: string | undefined, fallback: string, snyk: boolean): string {
  const value = nonEmpty(raw) ?? fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ConfigError(
      ERROR_CODES.CONFIG_INVALID_URL,
      `${variable} is not a URL (got ${shown(value)}; expected https://host)`,
      {
        variable,
        cause: error,
      },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(ERROR_CODES.CONFIG_INVALID_URL, `${variable} must be an https:// URL (got ${url.protocol})`, {
      variable,
    });
  }
  if (url.username || url.password) {
    // Credentials in a URL end up in logs; tokens belong in SNYK_TOKEN / SNYK_APIWEB_TOKEN.
    throw new ConfigError(ERROR_CODES.CONFIG_INVALID_URL, `${variable} must not contain credentials`, { variable });
  }
  if (url.search || url.hash) {
    throw new ConfigError(ERROR_CODES.CONFIG_INVALID_URL, `${variable} must not have a query or fragment`, {
      variable,
    });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      ERROR_CODES.CONFIG_INSECURE_URL,
      `${variable} uses http:// for ${url.hostname}; http is accepted for loopback hosts only (use https://)`,
      { variable },
    );
  }
  let path = url.pathname.replace(/\/+$/, '');
  // Users often paste the REST or v1 base (`https://api.snyk.io/rest`); our paths already start with it.
  if (snyk) path = path.replace(/\/(rest|v1)$/, '');
  return `${url.origin}${path}`;
}
