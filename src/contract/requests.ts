/**
 * Request builders: an operation plus query, body and path parameters → a client RequestSpec. REST requests
 * always carry an explicit version (the run's GA date, `~beta` for beta-only operations, REST spec), so a
 * check knows exactly what it asked for.
 */
import type { QueryValue, RequestSpec } from '../client/types.ts';
import { fillPath, OPERATIONS, versionFor, type Operation, type OperationName } from '../model/operations.ts';
import type { CheckContext } from './check-context.ts';
import { ContractError } from './contract-error.ts';

export interface RequestOptions {
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  /** Path parameters; the configured org and group fill the rest. */
  params?: Readonly<Record<string, string>>;
  /** undefined = the operation's version for this run; null = omit; a string = exactly that. */
  version?: string | null;
  auth?: RequestSpec['auth'];
  /** A host-relative path (`links.next`) instead of the operation's template. */
  path?: string;
}

/** The version a check sends for `op` by default. */
export function defaultVersion(ctx: CheckContext, op: Operation): string | undefined {
  return versionFor(op, ctx.restVersion);
}

export function pathParams(ctx: CheckContext, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const params: Record<string, string> = {};
  if (ctx.orgId) {
    params.orgId = ctx.orgId;
    params.org_id = ctx.orgId;
  }
  if (ctx.groupId) params.group_id = ctx.groupId;
  return { ...params, ...extra };
}

/** Which configuration an operation needs before any request can be made, or undefined when it has it. */
export function missingConfig(ctx: CheckContext, op: Operation): string | undefined {
  if (op.path.includes('{orgId}') || op.path.includes('{org_id}')) {
    if (!ctx.orgId) return 'SNYK_ORG_ID is not set';
  }
  if (op.path.includes('{group_id}') && !ctx.groupId) return 'SNYK_GROUP_ID is not set';
  if (op.api === 'apiweb' && !ctx.config.apiwebToken && ctx.tenant === 'live') return 'SNYK_APIWEB_TOKEN is not set';
  if (op.api !== 'apiweb' && !ctx.config.snykToken && ctx.tenant === 'live') return 'SNYK_TOKEN is not set';
  return undefined;
}

export function buildRequest(ctx: CheckContext, opName: OperationName, options: RequestOptions = {}): RequestSpec {
  const op = OPERATIONS[opName];
  let path: string;
  try {
    path = options.path ?? fillPath(op.path, pathParams(ctx, options.params));
  } catch (error) {
    throw new ContractError('CONTRACT_MISSING_CONFIG', `cannot build ${opName}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const spec: RequestSpec = { operation: op.name, api: op.api, method: op.method, path };
  if (options.query && Object.keys(options.query).length > 0) spec.query = options.query;
  if (options.body !== undefined) spec.body = options.body;
  if (options.rawBody !== undefined) spec.rawBody = options.rawBody;
  const contentType = options.contentType ?? (options.body !== undefined || options.rawBody !== undefined ? op.requestContentType : undefined);
  if (contentType) spec.contentType = contentType;
  if (op.api === 'rest') spec.version = options.version === undefined ? (defaultVersion(ctx, op) ?? null) : options.version;
  if (options.auth && options.auth !== 'default') spec.auth = options.auth;
  return spec;
}

/** The query a request sent, as a plain record (for messages). */
export function describeRequest(spec: RequestSpec): string {
  const q = new URLSearchParams();
  if (spec.api === 'rest' && spec.version) q.append('version', spec.version);
  for (const [k, v] of Object.entries(spec.query ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) q.append(k, String(item));
    else q.append(k, String(v));
  }
  const qs = q.toString();
  return `${spec.method} ${spec.path}${qs ? `${spec.path.includes('?') ? '&' : '?'}${qs}` : ''}`;
}
