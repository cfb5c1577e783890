import { afterEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { RateBucket, clockFrom, type Ticket } from '../../src/client/rate-limiter.ts';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import type { TenantClient } from '../../src/client/types.ts';
import { virtualClock } from './virtual-clock.ts';
import { json, startTestServer, testConfig, type TestServer } from './test-server.ts';

let server: TestServer | undefined;
let client: TenantClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

describe('rate bucket', () => {
  it('should start at most `limit` requests in any window, counting from each answer', async () => {
    const clock = virtualClock(0);
    const bucket = new RateBucket(3, 1000, clockFrom(clock.now, clock.sleep));
    const granted: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const ticket = await bucket.acquire();
        granted.push(clock.now());
        ticket.release(); // an instant answer
      }),
    );
    expect(granted).toHaveLength(10);
    for (let i = 0; i + 3 < granted.length; i++) expect(granted[i + 3]! - granted[i]!).toBeGreaterThanOrEqual(1000);
    // and no slower than one window (plus slack) per `limit` requests
    expect(granted[9]!).toBeLessThanOrEqual(3 * 1010 + 10);
  });

  it('should hold a token while its request awaits an answer', async () => {
    const clock = virtualClock(0);
    const bucket = new RateBucket(2, 100, clockFrom(clock.now, clock.sleep));
    const a = await bucket.acquire();
    await bucket.acquire();
    let third: Ticket | undefined;
    const pending = bucket.acquire().then((t) => (third = t));
    await clock.sleep(10_000); // long past the window, but both answers are still out
    expect(third).toBeUndefined();
    a.release();
    await pending;
    expect(clock.now()).toBeGreaterThanOrEqual(10_000 + 100);
  });

  it('should stop every request on the key during a pause', async () => {
    const clock = virtualClock(0);
    const bucket = new RateBucket(100, 1000, clockFrom(clock.now, clock.sleep));
    bucket.pauseUntil(5000);
    const times: number[] = [];
    await Promise.all([1, 2, 3].map(async () => (await bucket.acquire(), times.push(clock.now()))));
    for (const t of times) expect(t).toBeGreaterThanOrEqual(5000);
  });

  it('should tighten to a stricter learned window and report whether anything changed', () => {
    const bucket = new RateBucket(10, 1000, { now: () => 0, setTimer: () => () => {} });
    expect(bucket.addWindow(20, 1000)).toBe(false);
    expect(bucket.addWindow(5, 1000)).toBe(true);
    expect(bucket.addWindow(2, 100)).toBe(true);
    expect(bucket.limits()).toEqual([
      { limit: 5, windowMs: 1000 },
      { limit: 2, windowMs: 100 },
    ]);
  });
});

/**
 * A server that enforces a hard sliding-window limit per API key, answering 429 with a Retry-After past it,
 * like Snyk's (rate limits: about-the-rest-api, v1-api docs) but with a short window.
 */
function limitedServer(
  limit: number,
  windowMs: number,
  answer: (url: URL, res: ServerResponse) => void,
  announce = true,
) {
  const arrivals: number[] = [];
  const stats = { ok: 0, limited: 0 };
  const handler = (req: { url?: string }, res: ServerResponse): void => {
    const now = performance.now();
    while (arrivals.length > 0 && arrivals[0]! <= now - windowMs) arrivals.shift();
    if (arrivals.length >= limit) {
      stats.limited++;
      const wait = (arrivals[0]! + windowMs - now) / 1000;
      json(
        res,
        429,
        { errors: [{ status: '429', code: 'SNYK-0001', detail: 'Too many requests' }] },
        {
          'retry-after': wait.toFixed(3),
          ...(announce ? { 'x-ratelimit-limit': `${limit};w=${windowMs / 1000}` } : {}),
        },
      );
      return;
    }
    arrivals.push(now);
    stats.ok++;
    answer(new URL(req.url ?? '/', 'http://x'), res);
  };
  return { handler, stats };
}

function memberships(url: URL, res: ServerResponse, pages: number): void {
  const page = Number(url.searchParams.get('starting_after') ?? '0');
  const next =
    page + 1 < pages ? `/orgs/o1/memberships?version=2024-10-15&limit=10&starting_after=${page + 1}` : undefined;
  json(
    res,
    200,
    { data: [{ id: `m${page}` }], links: { self: url.pathname + url.search, ...(next ? { next } : {}) } },
    {
      'content-type': 'application/vnd.api+json',
    },
  );
}

function usersPage(url: URL, res: ServerResponse, users: number, calls: Map<number, number>): void {
  const page = Number(url.searchParams.get('page'));
  const length = Number(url.searchParams.get('length'));
  const pageTotal = Math.ceil(users / length);
  calls.set(page, (calls.get(page) ?? 0) + 1);
  if (page > pageTotal) {
    json(res, 404, { detail: 'Invalid page.' });
    return;
  }
  const results = Array.from({ length: Math.min(length, users - (page - 1) * length) }, (_, i) => ({
    id: `u${(page - 1) * length + i}`,
  }));
  json(res, 200, { count: users, page_total: pageTotal, page, length, results });
}

describe('pacing against a hard rate limit', () => {
  it('should read every REST page with zero 429 when the client knows the limit', async () => {
    const limited = limitedServer(4, 250, (url, res) => memberships(url, res, 14));
    server = await startTestServer(limited.handler);
    client = createTenantClient(testConfig(server.url), { rateLimits: { rest: 4 }, rateLimitWindowMs: 250 });
    const ids: string[] = [];
    for await (const page of client.restPages({
      operation: 'GET /rest/orgs/{org_id}/memberships',
      api: 'rest',
      method: 'GET',
      path: '/rest/orgs/o1/memberships',
      query: { limit: 10 },
    })) {
      ids.push(...(page.json as { data: { id: string }[] }).data.map((d) => d.id));
    }
    expect(ids).toEqual(Array.from({ length: 14 }, (_, i) => `m${i}`));
    expect(limited.stats.limited).toBe(0);
    expect(client.stats().rateLimited).toBe(0);
  });

  it('should read API & Web pages concurrently with zero 429 when the client knows the limit', async () => {
    const calls = new Map<number, number>();
    const limited = limitedServer(5, 250, (url, res) => usersPage(url, res, 190, calls));
    server = await startTestServer(limited.handler);
    client = createTenantClient(testConfig(server.url), {
      rateLimits: { apiweb: 5 },
      rateLimitWindowMs: 250,
      concurrency: 4,
    });
    const ids: string[] = [];
    for await (const page of client.apiwebPages({}, { length: 10 })) {
      ids.push(...(page.json as { results: { id: string }[] }).results.map((u) => u.id));
    }
    expect(ids).toEqual(Array.from({ length: 190 }, (_, i) => `u${i}`));
    expect(limited.stats.limited).toBe(0);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
  });

  it('should read every user exactly once when it does not know the limit, honouring Retry-After', async () => {
    const calls = new Map<number, number>();
    const limited = limitedServer(5, 250, (url, res) => usersPage(url, res, 120, calls));
    server = await startTestServer(limited.handler);
    // The default API & Web budget (600/min) is far above this server's 5 per 250 ms.
    client = createTenantClient(testConfig(server.url), { concurrency: 4 });
    const ids: string[] = [];
    for await (const page of client.apiwebPages({}, { length: 10 })) {
      ids.push(...(page.json as { results: { id: string }[] }).results.map((u) => u.id));
    }
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => `u${i}`));
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(limited.stats.limited).toBeGreaterThan(0);
    expect(client.stats().rateLimited).toBe(limited.stats.limited);
    // The 429's X-RateLimit-Limit taught the client the real limit.
    expect(client.warnings().some((w) => w.includes('rate limit of 5 per 250 ms'))).toBe(true);
  });

  it('should read every user exactly once on Retry-After alone, without a limit header', async () => {
    const calls = new Map<number, number>();
    const limited = limitedServer(5, 250, (url, res) => usersPage(url, res, 80, calls), false);
    server = await startTestServer(limited.handler);
    client = createTenantClient(testConfig(server.url), { concurrency: 4 });
    let read = 0;
    for await (const page of client.apiwebPages({}, { length: 10 }))
      read += (page.json as { results: unknown[] }).results.length;
    expect(read).toBe(80);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(limited.stats.limited).toBeGreaterThan(0);
    expect(client.warnings()).toEqual([]);
  });
});
