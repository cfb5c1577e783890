/** Shared helpers for the mock tenant's own tests: start a tenant, send a request, read the answer. */
import { schemas } from '../../src/schema/registry.ts';
import { OPERATIONS, type OperationName } from '../../src/model/operations.ts';
import { startMockTenant, type MockOptions, type MockTenant } from '../../src/mock/server.ts';

/** A fixed clock: 2025-06-01T12:00Z. Tests never depend on the real time. */
export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const GA = '2024-10-15';
export const BETA = '2024-10-15~beta';

export function start(options: MockOptions = {}): Promise<MockTenant> {
  return startMockTenant({ seed: 7, now: NOW, env: {}, ...options });
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
}

export interface Send {
  method?: string;
  /** `snyk` (default for /v1 and /rest), `apiweb` (default for /users/), `none`, or a raw Authorization value. */
  auth?: 'snyk' | 'apiweb' | 'none' | { raw: string };
  body?: unknown;
  rawBody?: string;
  contentType?: string;
}

export async function send(t: MockTenant, path: string, options: Send = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const auth = options.auth ?? (path.startsWith('/users') ? 'apiweb' : 'snyk');
  if (auth === 'snyk') headers.authorization = `token ${t.snykToken}`;
  else if (auth === 'apiweb') headers.authorization = `JWT ${t.apiwebToken}`;
  else if (typeof auth === 'object') headers.authorization = auth.raw;
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const res = await fetch(t.url + path, { method: options.method ?? 'GET', headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => (out[k] = v));
  return { status: res.status, headers: out, text, json };
}

/** Every page of `/users/` with the given query (length 100). */
export async function allUsers(t: MockTenant, query = ''): Promise<any[]> {
  const out: any[] = [];
  for (let page = 1; ; page++) {
    const a = await send(t, `/users/?length=100&page=${page}${query ? `&${query}` : ''}`);
    if (a.status !== 200) throw new Error(`page ${page}: ${a.status} ${a.text}`);
    out.push(...a.json.results);
    if (page >= a.json.page_total) return out;
  }
}

/** Follows `links.next` from a REST list path until the end; returns every item (memberships: data[], audit: data.items[]). */
export async function allRest(t: MockTenant, path: string, guard = 200): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next) {
    if (++pages > guard) throw new Error('pagination did not end');
    const a = await send(t, next);
    if (a.status !== 200) throw new Error(`${next}: ${a.status} ${a.text}`);
    items.push(...(Array.isArray(a.json.data) ? a.json.data : a.json.data.items));
    next = a.json.links?.next;
  }
  return { items, pages };
}

/** Validates a body against the schema the operation documents for the status. */
export function conforms(op: OperationName, status: number, body: unknown): string[] {
  const documented = OPERATIONS[op].responses[status];
  if (!documented) return [`status ${status} is not documented for ${op}`];
  if (!documented.schema) return body === undefined ? [] : ['a body where none is documented'];
  const result = schemas().validate(documented.schema, body);
  return result.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}
