/**
 * The v1 provision calls the stateful checks make, each through the ledger: an address is recorded before
 * the POST leaves (a timed-out request may still have created it) and settled when a DELETE confirms it gone.
 */
import type { ApiResponse } from '../client/types.ts';
import type { CheckContext } from './check-context.ts';
import type { CheckCase } from './check-types.ts';
import { ContractError } from './contract-error.ts';
import { makeCase } from './case-space.ts';
import type { RequestOptions } from './requests.ts';

export interface Step {
  case: CheckCase;
  response: ApiResponse;
}

function requireWrites(ctx: CheckContext): void {
  if (!ctx.allowWrites) {
    throw new ContractError('CONTRACT_WRITE_REFUSED', 'a write was attempted without --allow-writes');
  }
}

/** Every address a body mentions, so the ledger covers even a mutated body the tenant wrongly accepted. */
function emailsIn(body: unknown): string[] {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const email = (body as { email?: unknown }).email;
    if (typeof email === 'string') return [email];
  }
  return [];
}

export async function postProvision(
  ctx: CheckContext,
  body: unknown,
  description: string,
  options: Omit<RequestOptions, 'body'> & { mode?: CheckCase['mode']; invalidComponent?: string } = {},
): Promise<Step> {
  requireWrites(ctx);
  const { mode = 'positive', invalidComponent, ...request } = options;
  for (const email of emailsIn(body)) ctx.ledger.record(email);
  const c = makeCase(
    ctx,
    'POST /v1/org/{orgId}/provision',
    mode,
    description,
    request.rawBody !== undefined ? request : { ...request, body },
    invalidComponent,
  );
  const response = await ctx.send(c.request);
  return { case: c, response };
}

export async function deleteProvision(
  ctx: CheckContext,
  email: string | undefined,
  description: string,
  options: Omit<RequestOptions, 'query'> & { mode?: CheckCase['mode']; invalidComponent?: string; query?: RequestOptions['query'] } = {},
): Promise<Step> {
  requireWrites(ctx);
  const { mode = 'example', invalidComponent, query, ...request } = options;
  const c = makeCase(
    ctx,
    'DELETE /v1/org/{orgId}/provision',
    mode,
    description,
    { ...request, query: query ?? (email === undefined ? undefined : { email }) },
    invalidComponent,
  );
  const response = await ctx.send(c.request);
  if (email && (response.status === 200 || response.status === 204 || response.status === 404) && !options.params) {
    ctx.ledger.settle(email);
  }
  return { case: c, response };
}

export async function listProvisions(ctx: CheckContext, description = 'list pending provisions'): Promise<Step> {
  const c = makeCase(ctx, 'GET /v1/org/{orgId}/provision', 'stateful', description);
  const response = await ctx.send(c.request, { fresh: true });
  return { case: c, response };
}

/** Emails of a provision list body (lower-case), or undefined when the body is not a list. */
export function listedEmails(response: ApiResponse): Set<string> | undefined {
  if (response.status !== 200 || !Array.isArray(response.json)) return undefined;
  return new Set(
    (response.json as unknown[])
      .map((e) => (e && typeof e === 'object' ? (e as { email?: unknown }).email : undefined))
      .filter((e): e is string => typeof e === 'string')
      .map((e) => e.toLowerCase()),
  );
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;
