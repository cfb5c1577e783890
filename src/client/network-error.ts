/**
 * What a failure without a response means: its stable code, and whether retrying is safe.
 * - `connect`: the request never left (refused, DNS, connect timeout): safe to repeat for any method.
 * - `transfer`: it may have reached the server (reset, hang-up, header/body timeout, a body cut short):
 *   safe to repeat only for requests that may be retried.
 * - `never`: repeating cannot help (TLS certificate problems, aborts, our own misuse).
 * undici error codes: lib/core/errors.js; Node's: `errno` names.
 */
import { ERROR_CODES } from '../model/errors.ts';

export type RetryClass = 'connect' | 'transfer' | 'never';

export interface FailureKind {
  code: string;
  retry: RetryClass;
  /** A short human description for messages. */
  what: string;
}

const CONNECT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EAI_AGAIN']);
const TRANSFER = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
]);
const TLS_RE = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/;

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    // AggregateError from happy-eyeballs connects: look at the first member too.
    const inner = (current as { errors?: unknown[] }).errors?.[0];
    if (inner && typeof (inner as { code?: unknown }).code === 'string') codes.push((inner as { code: string }).code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

export function classifyFailure(error: unknown): FailureKind {
  const codes = codesOf(error);
  for (const code of codes) {
    if (code === 'UND_ERR_CONNECT_TIMEOUT')
      return { code: ERROR_CODES.TENANT_UNREACHABLE, retry: 'connect', what: 'connect timeout' };
    if (CONNECT.has(code))
      return { code: ERROR_CODES.TENANT_UNREACHABLE, retry: 'connect', what: `cannot connect (${code})` };
    if (code === 'ENOTFOUND')
      return { code: ERROR_CODES.TENANT_UNREACHABLE, retry: 'never', what: 'host not found (ENOTFOUND)' };
    if (code === 'UND_ERR_HEADERS_TIMEOUT')
      return { code: ERROR_CODES.TIMEOUT, retry: 'transfer', what: 'no response headers in time' };
    if (code === 'UND_ERR_BODY_TIMEOUT')
      return { code: ERROR_CODES.TIMEOUT, retry: 'transfer', what: 'response body stalled' };
    if (code === 'UND_ERR_ABORTED') return { code: ERROR_CODES.ABORTED, retry: 'never', what: 'aborted' };
    if (code === 'UND_ERR_DESTROYED' || code === 'UND_ERR_CLOSED')
      return { code: ERROR_CODES.CLIENT_CLOSED, retry: 'never', what: 'client closed' };
    if (TRANSFER.has(code))
      return { code: ERROR_CODES.NETWORK, retry: 'transfer', what: `connection failed (${code})` };
    if (TLS_RE.test(code)) return { code: ERROR_CODES.TLS, retry: 'never', what: `TLS failure (${code})` };
  }
  const own = codes.find((c) => c in ERROR_CODES);
  if (own) return { code: own, retry: 'never', what: own.toLowerCase().replace(/_/g, ' ') };
  return { code: ERROR_CODES.NETWORK, retry: 'never', what: 'request failed' };
}
