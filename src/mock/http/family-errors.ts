/**
 * Answers the mock produces outside a handler (rate limit, injected 5xx, oversized body), each in the error
 * format of the API family the path belongs to: v1 `{code, message, error}`, REST JSON:API, API & Web `{detail}`.
 */
import { restError } from '../rest/rest-errors.ts';
import { V1_CONTENT_TYPE } from '../v1/v1-errors.ts';
import type { Family } from './dispatch.ts';
import type { MockResponse } from './mock-response.ts';
import { JSON_TYPE, jsonResponse } from './mock-response.ts';

const REASONS: Readonly<Record<number, string>> = {
  413: 'Request body too large',
  429: 'Too many requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function familyError(
  family: Family,
  status: number,
  requestId: string,
  extraHeaders: Record<string, string> = {},
  detail?: string,
): MockResponse {
  const text = detail ?? REASONS[status] ?? 'Error';
  switch (family) {
    case 'v1':
      return jsonResponse(status, { code: status, message: text, error: text }, V1_CONTENT_TYPE, {
        'x-error-reference': requestId,
        ...extraHeaders,
      });
    case 'rest':
      return restError(requestId, status, text, { 'snyk-request-id': requestId, ...extraHeaders });
    default:
      return jsonResponse(status, { detail: text }, JSON_TYPE, extraHeaders);
  }
}
