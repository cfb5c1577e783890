import { afterEach, describe, expect, it } from 'vitest';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import type { ApiResponse, RequestSpec, TenantClient } from '../../src/client/types.ts';
import { HttpError } from '../../src/model/errors.ts';
import { json, startTestServer, testConfig, type TestServer } from './test-server.ts';

let server: TestServer | undefined;
let client: TenantClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

const MEMBERSHIPS: RequestSpec = {
  operation: 'GET /rest/orgs/{org_id}/memberships',
  api: 'rest',
  method: 'GET',
  path: '/rest/orgs/o1/memberships',
  query: { limit: 10 },
};

async function collect(pages: AsyncIterable<ApiResponse>): Promise<ApiResponse[]> {
  const out: ApiResponse[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** A REST server whose page n links to `links(n)`; page = `starting_after` (0 for the first). */
async function restServer(
  linkFor: (page: number, self: string) => { next?: unknown; self?: unknown },
  data: (page: number) => unknown[] = (page) => [{ id: `m${page}` }],
): Promise<TestServer> {
  return startTestServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = Number(url.searchParams.get('starting_after') ?? 0);
    json(
      res,
      200,
      { jsonapi: { version: '1.0' }, data: data(page), links: linkFor(page, url.pathname + url.search) },
      {
        'content-type': 'application/vnd.api+json',
      },
    );
  });
}

describe('restPages', () => {
  it('should follow links.next without the /rest prefix, with it, absolute, and as {href}', async () => {
    server = await restServer((page) => {
      const q = `version=2024-10-15&limit=10&starting_after=${page + 1}`;
      const forms = [
        `/orgs/o1/memberships?${q}`,
        `/rest/orgs/o1/memberships?${q}`,
        `${server!.url}/rest/orgs/o1/memberships?${q}`,
        { href: `/orgs/o1/memberships?${q}` },
      ];
      return page < forms.length ? { next: forms[page] } : {};
    });
    client = createTenantClient(testConfig(server.url));
    const pages = await collect(client.restPages(MEMBERSHIPS));
    expect(pages).toHaveLength(5);
    expect(server.received.map((r) => r.url)).toEqual([
      '/rest/orgs/o1/memberships?limit=10&version=2024-10-15',
      '/rest/orgs/o1/memberships?version=2024-10-15&limit=10&starting_after=1',
      '/rest/orgs/o1/memberships?version=2024-10-15&limit=10&starting_after=2',
      '/rest/orgs/o1/memberships?version=2024-10-15&limit=10&starting_after=3',
      '/rest/orgs/o1/memberships?version=2024-10-15&limit=10&starting_after=4',
    ]);
    expect(client.warnings()).toEqual([]);
  });

  it('should not re-append its parameters to links.next but add a missing version', async () => {
    server = await restServer((page) => (page === 0 ? { next: '/orgs/o1/memberships?starting_after=1' } : {}));
    client = createTenantClient(testConfig(server.url));
    await collect(client.restPages({ ...MEMBERSHIPS, query: { limit: 10, email: 'a@b.c' } }));
    expect(server.received[1]?.url).toBe('/rest/orgs/o1/memberships?starting_after=1&version=2024-10-15');
  });

  it('should stop with a warning on an empty page that still has next (pysnyk #212)', async () => {
    server = await restServer(
      (page) => ({ next: `/orgs/o1/memberships?version=2024-10-15&starting_after=${page + 1}` }),
      (page) => (page < 2 ? [{ id: `m${page}` }] : []),
    );
    client = createTenantClient(testConfig(server.url));
    const pages = await collect(client.restPages(MEMBERSHIPS));
    expect(pages).toHaveLength(3);
    expect(server.received).toHaveLength(3);
    expect(client.warnings()).toEqual([expect.stringContaining('page 3: the page is empty but links.next is present')]);
  });

  it('should stop with a warning when next equals self', async () => {
    server = await restServer((page, self) =>
      page === 0
        ? { next: '/orgs/o1/memberships?version=2024-10-15&starting_after=1' }
        : { self, next: { href: self } },
    );
    client = createTenantClient(testConfig(server.url));
    const pages = await collect(client.restPages(MEMBERSHIPS));
    expect(pages).toHaveLength(2);
    expect(client.warnings()).toEqual([expect.stringContaining('links.next equals links.self')]);
  });

  it('should stop with a warning when next leads back to a page already read', async () => {
    // 0 → 1 → 2 → 1 …; parameter order differs, the page is the same.
    server = await restServer((page) => ({
      next:
        page < 2
          ? `/orgs/o1/memberships?version=2024-10-15&starting_after=${page + 1}`
          : '/orgs/o1/memberships?starting_after=1&version=2024-10-15',
    }));
    client = createTenantClient(testConfig(server.url));
    const pages = await collect(client.restPages(MEMBERSHIPS));
    expect(pages).toHaveLength(3);
    expect(client.warnings()).toEqual([expect.stringContaining('leads back to a page already read')]);
  });

  it('should never follow links.next to another origin', async () => {
    server = await restServer(() => ({ next: 'https://elsewhere.example/rest/orgs/o1/memberships?starting_after=1' }));
    client = createTenantClient(testConfig(server.url));
    const pages = await collect(client.restPages(MEMBERSHIPS));
    expect(pages).toHaveLength(1);
    expect(client.warnings()).toEqual([expect.stringContaining('another origin')]);
  });

  it('should follow audit-log pages (data.items) and stop on an empty items page with next', async () => {
    server = await startTestServer((req, res) => {
      const cursor = new URL(req.url ?? '/', 'http://x').searchParams.get('cursor');
      const items = cursor === 'c2' ? [] : [{ event: 'org.user.add', created: '2024-04-15T19:47:21.565Z' }];
      json(res, 200, {
        jsonapi: { version: '1.0' },
        data: { items },
        links: { next: `/orgs/o1/audit_logs/search?version=2024-10-15&cursor=${cursor === null ? 'c1' : 'c2'}` },
      });
    });
    client = createTenantClient(testConfig(server.url));
    const pages = await collect(
      client.restPages({
        operation: 'GET /rest/orgs/{org_id}/audit_logs/search',
        api: 'rest',
        method: 'GET',
        path: '/rest/orgs/o1/audit_logs/search',
      }),
    );
    expect(pages).toHaveLength(3);
    expect(client.warnings()).toHaveLength(1);
  });

  it('should throw HttpError HTTP_4XX with status and exchange for a non-2xx page', async () => {
    server = await startTestServer((req, res) =>
      json(res, 400, { errors: [{ status: '400', detail: 'limit must be a multiple of 10' }] }),
    );
    client = createTenantClient(testConfig(server.url));
    const error = (await collect(client.restPages({ ...MEMBERSHIPS, query: { limit: 5 } })).catch(
      (e: unknown) => e,
    )) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'HTTP_4XX', status: 400, method: 'GET', operation: MEMBERSHIPS.operation });
    expect(error.exchange?.status).toBe(400);
  });
});

describe('apiwebPages', () => {
  /** 1-based pages of `users` ids; each answer is delayed so that later pages may overtake earlier ones. */
  async function usersServer(users: () => number, delayFor: (page: number) => number = () => 0) {
    let inFlight = 0;
    const seen = { maxInFlight: 0 };
    const srv = await startTestServer(async (req, res) => {
      inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
      const url = new URL(req.url ?? '/', 'http://x');
      const page = Number(url.searchParams.get('page'));
      const length = Number(url.searchParams.get('length'));
      await new Promise((r) => setTimeout(r, delayFor(page)));
      inFlight--;
      const n = users();
      const pageTotal = Math.ceil(n / length);
      if (page > pageTotal) return json(res, 404, { detail: 'Invalid page.' });
      const start = (page - 1) * length;
      const results = Array.from({ length: Math.min(length, n - start) }, (_, i) => ({ id: `u${start + i}` }));
      json(res, 200, { count: n, page_total: pageTotal, page, length, results });
    });
    return { srv, seen };
  }

  const ids = (pages: ApiResponse[]): string[] =>
    pages.flatMap((p) => (p.json as { results: { id: string }[] }).results.map((u) => u.id));

  it('should read every page with several in flight and yield them in page order', async () => {
    // Early pages answer slowest: without ordering, the yield order would be scrambled.
    const { srv, seen } = await usersServer(
      () => 95,
      (page) => Math.max(0, 40 - page * 4),
    );
    server = srv;
    client = createTenantClient(testConfig(server.url), { concurrency: 3 });
    const pages = await collect(client.apiwebPages({ active: true }, { length: 10 }));
    expect(pages.map((p) => (p.json as { page: number }).page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ids(pages)).toEqual(Array.from({ length: 95 }, (_, i) => `u${i}`));
    expect(seen.maxInFlight).toBeGreaterThan(1);
    expect(seen.maxInFlight).toBeLessThanOrEqual(3);
    expect(server.received.every((r) => r.url.includes('active=true') && r.url.includes('length=10'))).toBe(true);
  });

  it('should stop quietly on a 404 past the end when the tenant shrinks while reading', async () => {
    // Pages 1–3 still say page_total 5; by the time page 4 is asked for, users were removed (DRF: 404).
    server = await startTestServer((req, res) => {
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page'));
      if (page > 3) return json(res, 404, { detail: 'Invalid page.' });
      json(res, 200, { count: 50, page_total: 5, page, length: 10, results: [{ id: `u${page}` }] });
    });
    client = createTenantClient(testConfig(server.url), { concurrency: 2 });
    const pages = await collect(client.apiwebPages({}, { length: 10 }));
    expect(pages.map((p) => (p.json as { page: number }).page)).toEqual([1, 2, 3]);
    expect(client.warnings()).toEqual([]);
  });

  it('should follow a page_total that grows while reading', async () => {
    server = await startTestServer((req, res) => {
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page'));
      const pageTotal = page === 1 ? 2 : 4;
      if (page > pageTotal) return json(res, 404, { detail: 'Invalid page.' });
      json(res, 200, { count: 40, page_total: pageTotal, page, length: 10, results: [{ id: `u${page}` }] });
    });
    client = createTenantClient(testConfig(server.url), { concurrency: 1 });
    const pages = await collect(client.apiwebPages({}, { length: 10 }));
    expect(pages.map((p) => (p.json as { page: number }).page)).toEqual([1, 2, 3, 4]);
  });

  it('should read a single page when page_total is 1 and throw for an error on page 1', async () => {
    const { srv } = await usersServer(() => 7);
    server = srv;
    client = createTenantClient(testConfig(server.url));
    expect(await collect(client.apiwebPages())).toHaveLength(1);
    expect(server.received[0]?.url).toBe('/users/?page=1&length=100');
    await client.close();
    await server.close();

    server = await startTestServer((req, res) => json(res, 401, { detail: 'Invalid token.' }));
    client = createTenantClient(testConfig(server.url));
    const error = (await collect(client.apiwebPages()).catch((e: unknown) => e)) as HttpError;
    expect(error).toMatchObject({ code: 'HTTP_4XX', status: 401 });
  });

  it('should let a consumer stop early without leaving requests to fail unobserved', async () => {
    const { srv } = await usersServer(
      () => 500,
      () => 5,
    );
    server = srv;
    client = createTenantClient(testConfig(server.url), { concurrency: 4 });
    let n = 0;
    for await (const _page of client.apiwebPages({}, { length: 10 })) if (++n === 2) break;
    expect(n).toBe(2);
    expect(server.received.length).toBeLessThanOrEqual(2 + 4);
  });
});
