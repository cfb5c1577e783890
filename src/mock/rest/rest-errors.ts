/**
 * JSON:API error documents (spec `ErrorDocument`: `jsonapi` and `errors[]`, each with `status` and `detail`,
 * optional `id`, `title`, `code`, `source`), served as `application/vnd.api+json`. Codes from Snyk's error
 * catalog where one applies (`SNYK-0001` too many requests, …).
 */
import { JSONAPI_TYPE, type MockResponse } from '../http/mock-response.ts';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const CODES: Readonly<Record<number, string>> = {
  400: 'SNYK-0003',
  401: 'SNYK-0005',
  429: 'SNYK-0001',
  500: 'SNYK-9999',
};

export interface RestErrorOptions {
  /** The query parameter at fault (`source.parameter`). */
  parameter?: string;
  /** JSON Pointer into the request body (`source.pointer`). */
  pointer?: string;
  /** Drift: leave out `jsonapi`. */
  withoutJsonapi?: boolean;
}

export function restErrorDocument(
  requestId: string,
  status: number,
  detail: string,
  options: RestErrorOptions = {},
): Record<string, unknown> {
  const error: Record<string, unknown> = {
    id: requestId,
    status: String(status),
  };
  const code = CODES[status];
  if (code) error.code = code;
  error.title = TITLES[status] ?? 'Error';
  error.detail = detail;
  if (options.parameter !== undefined) error.source = { parameter: options.parameter };
  else if (options.pointer !== undefined) error.source = { pointer: options.pointer };
  return options.withoutJsonapi ? { errors: [error] } : { jsonapi: { version: '1.0' }, errors: [error] };
}

export function restError(
  requestId: string,
  status: number,
  detail: string,
  headers: Record<string, string>,
  options: RestErrorOptions = {},
): MockResponse {
  return {
    status,
    headers: { 'content-type': JSONAPI_TYPE, ...headers },
    body: JSON.stringify(restErrorDocument(requestId, status, detail, options)),
  };
}
