import { afterEach, describe, expect, it } from 'vitest';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import { INVALID_JWT, INVALID_SNYK_TOKEN } from '../../src/client/request-builder.ts';
import type { TenantClient } from '../../src/client/types.ts';
import { ConfigError, type StcError } from '../../src/model/errors.ts';
import { APIWEB_TOKEN, SNYK_TOKEN, json, startTestServer, testConfig, type TestServer } from './test-server.ts';

let server: TestServer | undefined;
let client: TenantClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function echoServer(): Promise<TestServer> {
  return startTestServer((req, res) =>
    json(res, 200, { ok: true }, { 'content-type': 'application/vnd.api+json; charset=utf-8' }),
  );
}

describe('send: auth per API', () => {
  it('should send `token` for v1 and REST and `JWT` for API & Web', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url));
    await client.send({ operation: 'GET /rest/self', api: 'rest', method: 'GET', path: '/rest/self' });
    await client.send({
      operation: 'GET /v1/org/{orgId}/provision',
      api: 'v1',
      method: 'GET',
      path: '/v1/org/o1/provision',
    });
    await client.send({ operation: 'GET /users/', api: 'apiweb', method: 'GET', path: '/users/' });
    expect(server.received.map((r) => r.headers.authorization)).toEqual([
      `token ${SNYK_TOKEN}`,
      `token ${SNYK_TOKEN}`,
      `JWT ${APIWEB_TOKEN}`,
    ]);
  });

  it('should send `bearer` for an OAuth access token', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url, { snykAuthScheme: 'bearer' }));
    await client.send({ operation: 'GET /rest/self', api: 'rest', method: 'GET', path: '/rest/self' });
    expect(server.received[0]?.headers.authorization).toBe(`bearer ${SNYK_TOKEN}`);
  });

  it('should send no Authorization for auth none and a well-formed wrong one for auth invalid', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url));
    await client.send({ operation: 'GET /rest/self', api: 'rest', method: 'GET', path: '/rest/self', auth: 'none' });
    await client.send({ operation: 'GET /rest/self', api: 'rest', method: 'GET', path: '/rest/self', auth: 'invalid' });
    await client.send({ operation: 'GET /users/', api: 'apiweb', method: 'GET', path: '/users/', auth: 'invalid' });
    expect(server.received.map((r) => r.headers.authorization)).toEqual([
      undefined,
      `token ${INVALID_SNYK_TOKEN}`,
      `JWT ${INVALID_JWT}`,
    ]);
  });

  it('should refuse with CONFIG_MISSING_APIWEB_TOKEN when API & Web has no key, naming the variable', async () => {
    server = await echoServer();
    const config = testConfig(server.url);
    delete config.apiwebToken;
    client = createTenantClient(config);
    const error = await client
      .send({ operation: 'GET /users/', api: 'apiweb', method: 'GET', path: '/users/' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('CONFIG_MISSING_APIWEB_TOKEN');
    expect((error as ConfigError).message).toContain('SNYK_APIWEB_TOKEN');
    expect(server.received).toHaveLength(0);
  });
});

describe('send: REST versions and paths', () => {
  it('should send the configured GA date for GA operations and ~beta for beta-only ones (REST spec)', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url));
    await client.send({ operation: 'GET /rest/self', api: 'rest', method: 'GET', path: '/rest/self' });
    await client.send({
      operation: 'GET /rest/orgs/{org_id}/users/{id}',
      api: 'rest',
      method: 'GET',
      path: '/rest/orgs/o1/users/u1',
    });
    expect(server.received.map((r) => r.url)).toEqual([
      '/rest/self?version=2024-10-15',
      '/rest/orgs/o1/users/u1?version=2024-10-15~beta',
    ]);
  });

  it('should omit the version for null, send a given one verbatim, and use the configured one for unknown operations', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url));
    const base = { api: 'rest', method: 'GET', path: '/rest/self' } as const;
    await client.send({ ...base, operation: 'GET /rest/self', version: null });
    await client.send({ ...base, operation: 'GET /rest/self', version: '2099-01-01' });
    await client.send({ ...base, operation: 'GET /rest/openapi', path: '/rest/openapi' });
    await client.send({ ...base, operation: 'GET /rest/self', query: { version: '2023-01-01', limit: 10 } });
    expect(server.received.map((r) => r.url)).toEqual([
      '/rest/self',
      '/rest/self?version=2099-01-01',
      '/rest/openapi?version=2024-10-15',
      '/rest/self?version=2023-01-01&limit=10',
    ]);
  });

  it('should add the /rest prefix to a REST path without it and keep a query already in the path', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url));
    await client.send({
      operation: 'GET /rest/orgs/{org_id}/memberships',
      api: 'rest',
      method: 'GET',
      path: '/orgs/o1/memberships?version=2024-10-15&limit=10&starting_after=v1.eyJpZCI6IjEwMDAifQo%3D',
    });
    expect(server.received[0]?.url).toBe(
      '/rest/orgs/o1/memberships?version=2024-10-15&limit=10&starting_after=v1.eyJpZCI6IjEwMDAifQo%3D',
    );
  });

  it('should repeat array query values, drop undefined and null, and encode values', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url));
    await client.send({
      operation: 'GET /users/',
      api: 'apiweb',
      method: 'GET',
      path: '/users/',
      query: { label: ['a', 'b c'], active: true, search: undefined, team: null, length: 5 },
    });
    expect(server.received[0]?.url).toBe('/users/?label=a&label=b%20c&active=true&length=5');
  });

  it('should refuse a path on another origin without sending anything', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url));
    const error = await client
      .send({ operation: 'GET /rest/self', api: 'rest', method: 'GET', path: 'https://evil.example/rest/self' })
      .catch((e: unknown) => e);
    expect((error as StcError).code).toBe('INVALID_REQUEST');
    expect(server.received).toHaveLength(0);
  });
});

describe('send: bodies and responses', () => {
  it('should serialise a JSON body with the operation media type, and send a raw body as is', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url));
    await client.send({
      operation: 'PATCH /rest/groups/{group_id}/users/{id}',
      api: 'rest',
      method: 'PATCH',
      path: '/rest/groups/g1/users/u1',
      body: { data: { type: 'user', id: 'u1', attributes: { membership: null } } },
    });
    await client.send({
      operation: 'POST /v1/org/{orgId}/provision',
      api: 'v1',
      method: 'POST',
      path: '/v1/org/o1/provision',
      rawBody: '{"email":',
      contentType: 'text/plain',
    });
    expect(server.received[0]?.headers['content-type']).toBe('application/vnd.api+json');
    expect(JSON.parse(server.received[0]!.body)).toEqual({
      data: { type: 'user', id: 'u1', attributes: { membership: null } },
    });
    expect(server.received[1]?.headers['content-type']).toBe('text/plain');
    expect(server.received[1]?.body).toBe('{"email":');
  });

  it('should parse JSON tolerantly and report the media type without parameters', async () => {
    server = await startTestServer((req, res) => {
      if (req.url?.startsWith('/html')) {
        res.writeHead(502, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html>bad gateway</html>');
      } else if (req.url?.startsWith('/empty')) {
        res.writeHead(204);
        res.end();
      } else {
        json(res, 200, { data: [1, 2] }, { 'content-type': 'application/vnd.api+json; charset=utf-8' });
      }
    });
    client = createTenantClient(testConfig(server.url), { maxRetries: 0 });
    const ok = await client.send({ operation: 'x', api: 'v1', method: 'GET', path: '/ok' });
    const html = await client.send({ operation: 'x', api: 'v1', method: 'GET', path: '/html' });
    const empty = await client.send({ operation: 'x', api: 'v1', method: 'DELETE', path: '/empty' });
    expect(ok).toMatchObject({ status: 200, json: { data: [1, 2] }, contentType: 'application/vnd.api+json' });
    expect(html).toMatchObject({
      status: 502,
      json: undefined,
      text: '<html>bad gateway</html>',
      contentType: 'text/html',
    });
    expect(empty).toMatchObject({ status: 204, json: undefined, text: '' });
    expect(empty.contentType).toBeUndefined();
  });

  it('should return 4xx responses instead of throwing', async () => {
    server = await startTestServer((req, res) =>
      json(res, 404, { code: 404, message: 'Not found', error: 'Not found' }),
    );
    client = createTenantClient(testConfig(server.url));
    const res = await client.send({
      operation: 'GET /v1/org/{orgId}/provision',
      api: 'v1',
      method: 'GET',
      path: '/v1/org/x/provision',
    });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ code: 404, message: 'Not found', error: 'Not found' });
    expect(server.received).toHaveLength(1);
  });
});

describe('lifecycle', () => {
  it('should fail requests still waiting for pacing, and refuse new ones, with CLIENT_CLOSED once closed', async () => {
    server = await echoServer();
    client = createTenantClient(testConfig(server.url), { rateLimits: { v1: 1 }, rateLimitWindowMs: 60_000 });
    const spec = { operation: 'x', api: 'v1', method: 'GET', path: '/v1/x' } as const;
    await client.send(spec);
    const waiting = client.send(spec).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    await client.close();
    expect(((await waiting) as StcError).code).toBe('CLIENT_CLOSED');
    expect(((await client.send(spec).catch((e: unknown) => e)) as StcError).code).toBe('CLIENT_CLOSED');
    expect(server.received).toHaveLength(1);
  });

  it('should keep going when an onExchange listener throws', async () => {
    server = await echoServer();
    let calls = 0;
    client = createTenantClient(testConfig(server.url), {
      onExchange: () => {
        calls++;
        throw new Error('listener bug');
      },
    });
    const res = await client.send({ operation: 'x', api: 'v1', method: 'GET', path: '/v1/x' });
    expect(res.status).toBe(200);
    expect(calls).toBe(1);
  });
});
