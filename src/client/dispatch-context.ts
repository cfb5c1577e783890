/**
 * What the client's interceptors need to know about one `send()`: it rides along in the undici dispatch
 * options under `stc` (undici passes unknown options through untouched), so pacing, retry and the exchange
 * log stay independent interceptors rather than a wrapper class around the client.
 */
import type { ApiFamily } from '../model/operations.ts';
import type { Exchange } from '../model/results.ts';

export interface DispatchContext {
  operation: string;
  api: ApiFamily;
  method: string;
  /** The full URL, redacted: what records and errors show. */
  url: string;
  /** Pacing bucket key. */
  rateKey: string;
  /** Whether 5xx, network errors, timeouts and truncated bodies may be retried. */
  retryable: boolean;
  /** Whether a connection that never opened may be retried (any method, unless the caller said `retry: false`). */
  retryConnect: boolean;
  /** When the send started (clock ms). */
  startedAt: number;
  /** Attempts made so far. */
  attempts: number;
  /** The record of the latest attempt. */
  lastExchange?: Exchange;
  /**
   * The retry interceptor parses a declared-JSON body to tell a truncated one from a whole one; it leaves
   * the result here so send() does not parse the same bytes twice.
   */
  parsed?: { text: string; json: unknown };
}

export interface StcDispatchOptions {
  stc?: DispatchContext;
}

export function contextOf(opts: object): DispatchContext | undefined {
  return (opts as StcDispatchOptions).stc;
}
