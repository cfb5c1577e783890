/** Routes a request to the API family its path belongs to; the same origin serves `/v1`, `/rest` and `/users/`. */
import { handleApiweb } from '../apiweb/router.ts';
import { handleRest } from '../rest/router.ts';
import { handleV1 } from '../v1/router.ts';
import type { HandlerContext } from './handler-context.ts';
import type { MockResponse } from './mock-response.ts';
import { JSON_TYPE, jsonResponse } from './mock-response.ts';

export type Family = 'v1' | 'rest' | 'apiweb' | 'none';

export function familyOf(path: string): Family {
  if (path === '/v1' || path.startsWith('/v1/')) return 'v1';
  if (path === '/rest' || path.startsWith('/rest/')) return 'rest';
  if (path === '/users' || path.startsWith('/users/')) return 'apiweb';
  return 'none';
}

export function dispatch(ctx: HandlerContext): MockResponse {
  switch (familyOf(ctx.req.path)) {
    case 'v1':
      return handleV1(ctx);
    case 'rest':
      return handleRest(ctx);
    case 'apiweb':
      return handleApiweb(ctx);
    case 'none':
      return jsonResponse(404, { detail: 'Not found.' }, JSON_TYPE);
  }
}
