/**
 * A conforming tenant that is not our mock: a loopback proxy in front of the mock that changes its answers
 * only in ways the documentation allows (about-the-rest-api, pagination; users-list docs), so the checks can be shown to pass a
 * tenant that differs from the one they were developed against.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export type Variant =
  /** `links.*` without the `/rest` prefix (docs example) instead of with it. */
  | 'links-without-rest'
  /** `links.*` as `{href}` objects (spec LinkProperty). */
  | 'links-as-objects'
  /** PATCH group user answers 200 without a body (docs page) instead of 204 (spec). */
  | 'patch-200'
  /** API & Web timestamps without a zone designator (users-list docs example). */
  | 'apiweb-dates-without-zone'
  /** An extra member in every object whose schema is open. */
  | 'extra-fields'
  /** v1 JSON with `; charset=utf-8` (older v1 spec). */
  | 'v1-charset';

export const ALL_VARIANTS: readonly Variant[] = ['links-without-rest', 'links-as-objects', 'patch-200', 'apiweb-dates-without-zone', 'extra-fields', 'v1-charset'];

const HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

type Json = unknown;

function mapLinks(links: Record<string, Json>, variants: ReadonlySet<Variant>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(links)) {
    let href = typeof v === 'string' ? v : v;
    if (typeof href === 'string' && variants.has('links-without-rest')) href = href.replace(/^\/rest(?=\/)/, '');
    out[k] = typeof href === 'string' && variants.has('links-as-objects') ? { href } : href;
  }
  return out;
}

function transformRest(doc: Json, variants: ReadonlySet<Variant>, isError: boolean): Json {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return doc;
  const d = { ...(doc as Record<string, Json>) };
  if (d.links && typeof d.links === 'object') d.links = mapLinks(d.links as Record<string, Json>, variants);
  // Error documents, jsonapi objects and the audit-log page are closed (additionalProperties: false).
  if (variants.has('extra-fields') && !isError && !(d.data && typeof d.data === 'object' && 'items' in (d.data as object))) {
    // Top-level documents and list items are open; `meta` of group membership items is closed.
    d.x_proxy_extra = true;
    if (Array.isArray(d.data)) d.data = (d.data as Record<string, Json>[]).map((item) => ({ ...item, x_proxy_extra: 1 }));
  }
  return d;
}

const ZONED = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+)Z$/;

function transformApiweb(value: Json, variants: ReadonlySet<Variant>, depth = 0): Json {
  if (typeof value === 'string') return variants.has('apiweb-dates-without-zone') ? value.replace(ZONED, '$1') : value;
  if (Array.isArray(value)) return value.map((v) => transformApiweb(v, variants, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = transformApiweb(v, variants, depth + 1);
    if (variants.has('extra-fields') && 'id' in out) out.x_proxy_extra = 'open schema';
    return out;
  }
  return value;
}

export interface VariantProxy {
  url: string;
  close(): Promise<void>;
}

/** A deviation from the contract for the proxy to apply (a synthetic drift): may rewrite any answer. */
export type Deviation = (exchange: { method: string; path: string; query: URLSearchParams; status: number; json: unknown; headers: Record<string, string> }) =>
  | { status?: number; json?: unknown; headers?: Record<string, string> }
  | undefined;

export async function startVariantProxy(target: string, variants: readonly Variant[], deviation?: Deviation): Promise<VariantProxy> {
  const on = new Set(variants);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !HOP.has(k) && k !== 'host') headers[k] = v;
      const upstream = await request(`${target}${req.url ?? '/'}`, {
        method: (req.method ?? 'GET') as 'GET',
        headers,
        body: body.length > 0 ? body : undefined,
      });
      let status = upstream.statusCode;
      let text = await upstream.body.text();
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(upstream.headers)) if (typeof v === 'string' && !HOP.has(k)) out[k] = v;
      const path = (req.url ?? '/').split('?')[0]!;
      const type = out['content-type'] ?? '';
      if (text !== '' && type.includes('json')) {
        try {
          let json = JSON.parse(text) as Json;
          if (path.startsWith('/rest/')) json = transformRest(json, on, status >= 400);
          else if (path.startsWith('/users/')) json = status < 400 ? transformApiweb(json, on) : json;
          else if (path.startsWith('/v1/') && on.has('extra-fields') && status < 400) {
            json = Array.isArray(json) ? json.map((e) => ({ ...(e as object), x_proxy_extra: 1 })) : { ...(json as object), x_proxy_extra: 1 };
          }
          text = JSON.stringify(json);
        } catch {
          // Not JSON after all: pass it through untouched.
        }
      }
      if (deviation) {
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
        const changed = deviation({ method: req.method ?? 'GET', path, query, status, json, headers: out });
        if (changed) {
          if (changed.status !== undefined) status = changed.status;
          if (changed.json !== undefined) text = JSON.stringify(changed.json);
          if (changed.headers) Object.assign(out, changed.headers);
        }
      }
      if (on.has('v1-charset') && path.startsWith('/v1/') && type === 'application/json') out['content-type'] = 'application/json; charset=utf-8';
      if (on.has('patch-200') && req.method === 'PATCH' && status === 204) status = 200;
      const payload = Buffer.from(status === 204 ? '' : text, 'utf8');
      if (status === 204) delete out['content-type'];
      else out['content-length'] = String(payload.length);
      res.writeHead(status, out);
      res.end(status === 204 ? undefined : payload);
    })().catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
