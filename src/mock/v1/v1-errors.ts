/**
 * v1 error responses: `{code, message, error}` with an `x-error-reference` header (v1-api.md; fixtures
 * snyk-v1/error.401.json, error.404.json), served as `application/json; charset=utf-8` (older spec copies).
 */
import type { HandlerContext } from '../http/handler-context.ts';
import type { MockResponse } from '../http/mock-response.ts';
import { jsonResponse } from '../http/mock-response.ts';

export const V1_CONTENT_TYPE = 'application/json; charset=utf-8';

export function v1Error(ctx: HandlerContext, status: number, message: string, error = message): MockResponse {
  const headers: Record<string, string> = {};
  const omit = (ctx.drift('provision-delete-no-error-reference') && ctx.req.method === 'DELETE') || ctx.realistic('v1-errors-without-error-reference');
  if (!omit) {
    headers['x-error-reference'] = ctx.requestId;
  }
  return jsonResponse(status, { code: status, message, error }, V1_CONTENT_TYPE, headers);
}

export function v1Json(status: number, body: unknown): MockResponse {
  return jsonResponse(status, body, V1_CONTENT_TYPE);
}
