/**
 * Authorization headers as documented (authentication docs): Snyk v1 and REST take `token <API token>` or
 * `bearer <OAuth token>` (scheme case-insensitive: the spec writes `Token `, the docs `token`); Snyk API & Web
 * takes `JWT <API key>` (scheme compared case-insensitively, as DRF's JWT authentication does).
 */
import { timingSafeEqual } from 'node:crypto';

function credential(headerValue: string | undefined, schemes: readonly string[]): string | undefined {
  if (!headerValue) return undefined;
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(headerValue);
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  return schemes.includes(scheme) ? match[2] : undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type AuthOutcome = 'ok' | 'missing' | 'invalid';

export function checkSnykAuth(headerValue: string | undefined, token: string): AuthOutcome {
  if (!headerValue) return 'missing';
  const given = credential(headerValue, ['token', 'bearer']);
  return given !== undefined && same(given, token) ? 'ok' : 'invalid';
}

export function checkJwtAuth(headerValue: string | undefined, key: string): AuthOutcome {
  if (!headerValue) return 'missing';
  const given = credential(headerValue, ['jwt']);
  return given !== undefined && same(given, key) ? 'ok' : 'invalid';
}
