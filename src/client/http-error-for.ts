/**
 * For callers that want an error instead of a non-2xx response (the page iterators the audit collects through):
 * `send()` returns every response with a status, contract checks judge them; a collector cannot go on without a 2xx.
 */
import { HttpError, ERROR_CODES } from '../model/errors.ts';
import type { ApiResponse } from './types.ts';

/** An HttpError (`HTTP_4XX`/`HTTP_5XX`) describing a response; `what` says what was being read. */
export function httpErrorFor(res: ApiResponse, what?: string): HttpError {
  const method = res.exchange.method;
  const code = res.status >= 500 ? ERROR_CODES.HTTP_5XX : ERROR_CODES.HTTP_4XX;
  return new HttpError(code, `${method} ${res.url} answered ${res.status}${what ? ` (${what})` : ''}`, {
    method,
    url: res.url,
    status: res.status,
    ...(res.exchange.operation !== undefined ? { operation: res.exchange.operation } : {}),
    exchange: res.exchange,
  });
}
