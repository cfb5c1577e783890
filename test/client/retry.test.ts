import { afterEach, describe, expect, it } from 'vitest';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import type { ClientOptions, RequestSpec, TenantClient } from '../../src/client/types.ts';
import { HttpError, TenantUnreachableError } from '../../src/model/errors.ts';
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

// Waits run on virtual time (real servers, injected clock): tests assert what the client chose to wait.
const recordingSleep = virtualClock;

const GET: RequestSpec = {
  operation: 'GET /v1/org/{orgId}/provision',
  api: 'v1',
  method: 'GET',
  path: '/v1/org/o1/provision',
};
const POST: RequestSpec = {
  operation: 'POST /v1/org/{orgId}/provision',
  api: 'v1',
  method: 'POST',
  path: '/v1/org/o1/provision',
  body: { email: 'a@example.com', role: 'COLLABORATOR' },
};

function clientFor(url: string, options: ClientOptions = {}): TenantClient {
  return createTenantClient(testConfig(url), { random: () => 0.5, ...options });
}

describe('429', () => {
  it('should wait Retry-After seconds and then succeed, never returning the 429', async () => {
    server = await startTestServer((req, res, i) =>
      i === 0 ? json(res, 429, { code: 429 }, { 'retry-after': '2' }) : json(res, 200, []),
    );
    const { waits, sleep, now } = recordingSleep();
    client = clientFor(server.url, { sleep, now });
    const res = await client.send(GET);
    expect(res.status).toBe(200);
    expect(waits).toEqual([2000]);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1, rateLimited: 1 });
  });

  it('should read Retry-After as an HTTP date against the response Date header', async () => {
    const date = new Date('2030-01-01T00:00:00Z');
    server = await startTestServer((req, res, i) =>
      i === 0
        ? json(res, 429, {}, { date: date.toUTCString(), 'retry-after': new Date(date.getTime() + 3000).toUTCString() })
        : json(res, 200, []),
    );
    const { waits, sleep, now } = recordingSleep();
    client = clientFor(server.url, { sleep, now });
    expect((await client.send(GET)).status).toBe(200);
    expect(waits).toEqual([3000]);
  });

  it('should fall back to X-RateLimit-Reset, then to exponential backoff', async () => {
    server = await startTestServer((req, res, i) => {
      if (i === 0) json(res, 429, {}, { 'x-ratelimit-reset': '4' });
      else if (i < 3) json(res, 429, {});
      else json(res, 200, []);
    });
    const { waits, sleep, now } = recordingSleep();
    client = clientFor(server.url, { sleep, now, backoff: { baseMs: 1000, maxMs: 10_000 } });
    expect((await client.send(GET)).status).toBe(200);
    // random() = 0.5 → ¾ of the step: 2nd retry step 2000 → 1500, 3rd step 4000 → 3000.
    expect(waits).toEqual([4000, 1500, 3000]);
  });

  it('should retry a 429 even for a POST, since the request was refused before it ran', async () => {
    server = await startTestServer((req, res, i) =>
      i === 0 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 200, {}),
    );
    client = clientFor(server.url, { ...recordingSleep() });
    expect((await client.send(POST)).status).toBe(200);
    expect(server.received).toHaveLength(2);
  });

  it('should throw RATE_LIMITED with method, URL and status once the retries are spent', async () => {
    server = await startTestServer((req, res) => json(res, 429, {}, { 'retry-after': '1' }));
    client = clientFor(server.url, { ...recordingSleep(), maxRateLimitRetries: 3 });
    const error = (await client.send(GET).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, method: 'GET', attempts: 4 });
    expect(error.url).toBe(`${server.url}/v1/org/o1/provision`);
    expect(error.message).toContain('429');
    expect(server.received).toHaveLength(4);
  });

  it('should throw RATE_LIMITED at once when Retry-After exceeds the time budget', async () => {
    server = await startTestServer((req, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    client = clientFor(server.url, { ...recordingSleep(), retryBudgetMs: 60_000 });
    const error = (await client.send(GET).catch((e: unknown) => e)) as HttpError;
    expect(error.code).toBe('RATE_LIMITED');
    expect(server.received).toHaveLength(1);
  });
});

describe('5xx', () => {
  it('should retry a GET on 503 and return the success', async () => {
    server = await startTestServer((req, res, i) => (i < 2 ? json(res, 503, { detail: 'busy' }) : json(res, 200, [])));
    const { waits, sleep, now } = recordingSleep();
    client = clientFor(server.url, { sleep, now, backoff: { baseMs: 100, maxMs: 1000 } });
    const res = await client.send(GET);
    expect(res.status).toBe(200);
    expect(waits).toEqual([75, 150]);
    expect(client.stats()).toMatchObject({ requests: 3, retries: 2, serverErrors: 2 });
  });

  it('should return the last 5xx response once the retries are spent, not throw', async () => {
    server = await startTestServer((req, res, i) => json(res, 500, { detail: `failure ${i}` }));
    client = clientFor(server.url, { ...recordingSleep(), maxRetries: 2 });
    const res = await client.send(GET);
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ detail: 'failure 2' });
    expect(server.received).toHaveLength(3);
  });

  it('should not retry a POST on 5xx', async () => {
    server = await startTestServer((req, res) => json(res, 500, { detail: 'boom' }));
    client = clientFor(server.url, { ...recordingSleep() });
    const res = await client.send(POST);
    expect(res.status).toBe(500);
    expect(server.received).toHaveLength(1);
  });

  it('should retry a POST on 5xx when the caller passes retry: true, and a GET not at all with retry: false', async () => {
    server = await startTestServer((req, res, i) => (i % 2 === 0 ? json(res, 502, {}) : json(res, 200, {})));
    client = clientFor(server.url, { ...recordingSleep() });
    expect((await client.send({ ...POST, retry: true })).status).toBe(200);
    expect((await client.send({ ...GET, retry: false })).status).toBe(502);
    expect(server.received).toHaveLength(3);
  });

  it('should retry a DELETE of a provision by default', async () => {
    server = await startTestServer((req, res, i) => (i === 0 ? json(res, 500, {}) : json(res, 200, { ok: true })));
    client = clientFor(server.url, { ...recordingSleep() });
    const res = await client.send({
      operation: 'DELETE /v1/org/{orgId}/provision',
      api: 'v1',
      method: 'DELETE',
      path: '/v1/org/o1/provision',
      query: { email: 'a@example.com' },
    });
    expect(res.json).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
  });
});

describe('network failures', () => {
  it('should retry a GET whose connection is reset and succeed', async () => {
    server = await startTestServer((req, res, i) => {
      if (i === 0) req.socket.destroy();
      else json(res, 200, ['ok']);
    });
    client = clientFor(server.url, { ...recordingSleep() });
    const res = await client.send(GET);
    expect(res.json).toEqual(['ok']);
    expect(client.stats()).toMatchObject({ retries: 1, networkErrors: 1 });
  });

  it('should not retry a POST whose connection is reset, and throw NETWORK with method and URL', async () => {
    server = await startTestServer((req) => void req.socket.destroy());
    client = clientFor(server.url, { ...recordingSleep() });
    const error = (await client.send(POST).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'NETWORK', method: 'POST' });
    expect(error.message).toContain(`POST ${server.url}/v1/org/o1/provision`);
    expect(error.cause).toBeInstanceOf(Error);
    expect(server.received).toHaveLength(1);
  });

  it('should retry a GET whose declared-JSON body ends early, and return the whole one', async () => {
    server = await startTestServer((req, res, i) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(i === 0 ? '{"results":[{"id":"a"},{"id"' : '{"results":[{"id":"a"},{"id":"b"}]}');
    });
    client = clientFor(server.url, { ...recordingSleep() });
    const res = await client.send(GET);
    expect(res.json).toEqual({ results: [{ id: 'a' }, { id: 'b' }] });
    expect(server.received).toHaveLength(2);
  });

  it('should retry a GET whose body is cut short of its Content-Length', async () => {
    server = await startTestServer((req, res, i) => {
      const body = '{"results":[1,2,3]}';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      if (i === 0) {
        res.write(body.slice(0, 8));
        setTimeout(() => req.socket.destroy(), 10);
      } else {
        res.end(body);
      }
    });
    client = clientFor(server.url, { ...recordingSleep() });
    expect((await client.send(GET)).json).toEqual({ results: [1, 2, 3] });
  });

  it('should return a malformed (not truncated) JSON body at once, json undefined', async () => {
    server = await startTestServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"a":1}}');
    });
    client = clientFor(server.url, { ...recordingSleep() });
    const res = await client.send(GET);
    expect(res).toMatchObject({ status: 200, json: undefined, text: '{"a":1}}' });
    expect(server.received).toHaveLength(1);
  });

  it('should time out waiting for headers with code TIMEOUT, after retrying a GET', async () => {
    server = await startTestServer(() => {
      /* never answers */
    });
    client = clientFor(server.url, { ...recordingSleep(), maxRetries: 1, timeouts: { headersMs: 150 } });
    const error = (await client.send(GET).catch((e: unknown) => e)) as HttpError;
    expect(error).toMatchObject({ code: 'TIMEOUT', method: 'GET', attempts: 2 });
    expect(server.received).toHaveLength(2);
  });

  it('should honour a per-request timeout over the client default', async () => {
    server = await startTestServer(() => {
      /* never answers */
    });
    client = clientFor(server.url, { ...recordingSleep(), timeouts: { headersMs: 60_000 } });
    const error = (await client.send({ ...GET, timeoutMs: 100, retry: false }).catch((e: unknown) => e)) as HttpError;
    expect(error.code).toBe('TIMEOUT');
  });

  it('should time out a stalled body with code TIMEOUT', async () => {
    server = await startTestServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"results":');
    });
    client = clientFor(server.url, { ...recordingSleep(), maxRetries: 0, timeouts: { bodyMs: 150 } });
    const error = (await client.send(GET).catch((e: unknown) => e)) as HttpError;
    expect(error.code).toBe('TIMEOUT');
  });

  it('should report an unreachable tenant as TENANT_UNREACHABLE after a bounded number of connects', async () => {
    const probe = await startTestServer(() => {});
    const url = probe.url;
    await probe.close(); // nothing listens on this port now
    const { waits, sleep, now } = recordingSleep();
    client = clientFor(url, { sleep, now });
    const error = (await client.send(GET).catch((e: unknown) => e)) as TenantUnreachableError;
    expect(error).toBeInstanceOf(TenantUnreachableError);
    expect(error.code).toBe('TENANT_UNREACHABLE');
    expect(error.url).toBe(`${url}/v1/org/o1/provision`);
    expect(waits).toHaveLength(2);
  });
});
