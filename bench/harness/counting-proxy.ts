/**
 * A loopback HTTP proxy in front of the mock that counts what a run asks for: requests per operation, the
 * page size requested and the items each page returned, so the minimum number of requests (ceil(items /
 * page length) per listing) can be computed from what was actually served. Used in a separate measurement,
 * never in a timed run: parsing every body costs time.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

/** Query parameters that select a page rather than what is listed. */
const PAGING_PARAMS = new Set(['page', 'length', 'limit', 'size', 'starting_after', 'ending_before', 'cursor', 'version']);
const PAGE_SIZE_PARAMS = ['length', 'limit', 'size'] as const;
const MAX_BODY = 64 * 1024 * 1024;

export interface OperationCount {
  /** `GET /rest/orgs/{id}/memberships` style: ids replaced by `{id}`. */
  operation: string;
  /** Distinct listings (same path and non-paging query). */
  listings: number;
  requests: number;
  /** Responses with status 429. */
  rateLimited: number;
  items: number;
  /** The largest page size requested, when the operation pages by size. */
  pageSize?: number;
  /** ceil(items / pageSize) per listing (at least 1), or 1 per listing when unpaged. */
  minimum: number;
}

export interface CountingProxy {
  origin: string;
  counts(): OperationCount[];
  close(): Promise<void>;
}

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[1-9A-HJ-NP-Za-km-z]{16,}|\d+)$/i;

function template(pathname: string): string {
  return pathname
    .split('/')
    .map((s) => (ID_SEGMENT.test(s) ? '{id}' : s))
    .join('/');
}

function itemsIn(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.results)) return o.results.length;
    if (Array.isArray(o.data)) return o.data.length;
    if (o.data && typeof o.data === 'object' && Array.isArray((o.data as Record<string, unknown>).items)) {
      return ((o.data as Record<string, unknown>).items as unknown[]).length;
    }
    if (Array.isArray(o.items)) return o.items.length;
  }
  return 0;
}

interface Listing {
  operation: string;
  requests: number;
  rateLimited: number;
  items: number;
  pageSize?: number;
}

export async function startCountingProxy(upstream: string): Promise<CountingProxy> {
  const pool = new Pool(upstream, { connections: 16 });
  const listings = new Map<string, Listing>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const operation = `${req.method} ${template(url.pathname)}`;
    const selecting = [...url.searchParams].filter(([k]) => !PAGING_PARAMS.has(k)).sort();
    const key = `${req.method} ${url.pathname}?${new URLSearchParams(selecting).toString()}`;
    let listing = listings.get(key);
    if (!listing) listings.set(key, (listing = { operation, requests: 0, rateLimited: 0, items: 0 }));
    listing.requests++;
    for (const p of PAGE_SIZE_PARAMS) {
      const v = Number(url.searchParams.get(p));
      if (v > 0) listing.pageSize = Math.max(listing.pageSize ?? 0, v);
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = { ...req.headers };
    delete headers.connection;
    delete headers['keep-alive'];
    delete headers['transfer-encoding'];
    const upstreamRes = await pool.request({
      method: req.method as 'GET',
      path: req.url ?? '/',
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await upstreamRes.body.arrayBuffer());
    if (upstreamRes.statusCode === 429) listing.rateLimited++;
    if (upstreamRes.statusCode >= 200 && upstreamRes.statusCode < 300 && body.length < MAX_BODY) {
      try {
        listing.items += itemsIn(JSON.parse(body.toString('utf8')));
      } catch {
        // not JSON: no items
      }
    }
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(upstreamRes.headers)) {
      if (v !== undefined && !['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)) out[k] = v;
    }
    out['content-length'] = String(body.length);
    res.writeHead(upstreamRes.statusCode, out);
    res.end(body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    counts() {
      const byOp = new Map<string, OperationCount>();
      for (const l of listings.values()) {
        const c = byOp.get(l.operation) ?? { operation: l.operation, listings: 0, requests: 0, rateLimited: 0, items: 0, minimum: 0 };
        c.listings++;
        c.requests += l.requests;
        c.rateLimited += l.rateLimited;
        c.items += l.items;
        if (l.pageSize) c.pageSize = Math.max(c.pageSize ?? 0, l.pageSize);
        c.minimum += l.pageSize ? Math.max(1, Math.ceil(l.items / l.pageSize)) : 1;
        byOp.set(l.operation, c);
      }
      return [...byOp.values()].sort((a, b) => b.requests - a.requests);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.destroy();
    },
  };
}
