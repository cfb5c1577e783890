/** What a REST handler receives beyond the common context: path parameters, the negotiated version, headers to send. */
import type { HandlerContext } from '../http/handler-context.ts';
import type { MockResponse } from '../http/mock-response.ts';
import { JSONAPI_TYPE } from '../http/mock-response.ts';
import type { RestOperationName } from './releases.ts';
import { restError, type RestErrorOptions } from './rest-errors.ts';
import type { VersionResolution } from './versioning.ts';

export interface RestContext extends HandlerContext {
  op: RestOperationName;
  params: Readonly<Record<string, string>>;
  resolution: Extract<VersionResolution, { ok: true }>;
  /** Version headers every response of this request carries. */
  headers: Record<string, string>;
  /** Drift `org-user-error-without-jsonapi`: error documents without `jsonapi`. */
  errorsWithoutJsonapi: boolean;
}

export function restFail(
  ctx: RestContext,
  status: number,
  detail: string,
  options: RestErrorOptions = {},
): MockResponse {
  return restError(ctx.requestId, status, detail, ctx.headers, {
    ...options,
    withoutJsonapi: ctx.errorsWithoutJsonapi,
  });
}

export function restDocument(ctx: RestContext, status: number, document: unknown): MockResponse {
  return { status, headers: { 'content-type': JSONAPI_TYPE, ...ctx.headers }, body: JSON.stringify(document) };
}

/** `/rest/…?version=…&…` links: host-relative with the `/rest` prefix (recorded responses; about-the-rest-api, pagination: `links.next` with or without the `/rest` prefix). */
export function link(path: string, params: readonly (readonly [string, string])[]): string {
  const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return query ? `${path}?${query}` : path;
}
