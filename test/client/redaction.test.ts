import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { inspect, promisify } from 'node:util';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import { shellWord } from '../../src/client/curl.ts';
import { Redactor } from '../../src/client/redactor.ts';
import type { RequestSpec, TenantClient } from '../../src/client/types.ts';
import { readTenantConfig } from '../../src/config/tenant-env.ts';
import type { Exchange } from '../../src/model/results.ts';
import { virtualClock } from './virtual-clock.ts';
import { APIWEB_TOKEN, SNYK_TOKEN, json, startTestServer, testConfig, type TestServer } from './test-server.ts';

const run = promisify(execFile);

let server: TestServer | undefined;
let client: TenantClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

const FORMS = [SNYK_TOKEN, APIWEB_TOKEN, encodeURIComponent(SNYK_TOKEN), encodeURIComponent(APIWEB_TOKEN)];
function expectNoToken(label: string, text: string): void {
  for (const form of FORMS) {
    if (text.includes(form))
      throw new Error(
        `${label} contains a token: …${text.slice(Math.max(0, text.indexOf(form) - 40), text.indexOf(form))}`,
      );
  }
}

/** A tenant that does everything wrong with the credentials it receives. */
async function leakyServer(): Promise<TestServer> {
  return startTestServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/reset')) return void req.socket.destroy();
    if (url.pathname.startsWith('/hang')) return;
    if (url.pathname.startsWith('/limited'))
      return json(res, 429, { echo: auth }, { 'retry-after': '1', 'x-echo': auth });
    if (url.pathname.startsWith('/big')) return json(res, 200, { pad: 'x'.repeat(2040), auth, more: 'y'.repeat(5000) });
    const status = url.pathname.startsWith('/fail') ? 500 : 200;
    json(
      res,
      status,
      { echo: auth, query: url.search, access_token: 'opaque-oauth-value', nested: { token: auth.split(' ')[1] } },
      {
        'x-echo': auth,
        'set-cookie': `session=${auth.split(' ')[1] ?? ''}; HttpOnly`,
        location: `/next?token=${encodeURIComponent(auth.split(' ')[1] ?? '')}`,
        'snyk-request-id': 'b3c1c2d4-0000-4000-8000-000000000000',
      },
    );
  });
}

describe('redaction', () => {
  it('should keep every token out of exchanges, responses, errors, warnings, curl and the config, passing or failing', async () => {
    server = await leakyServer();
    const clock = virtualClock();
    const seen: Exchange[] = [];
    client = createTenantClient(testConfig(server.url), {
      ...clock,
      maxRetries: 1,
      maxRateLimitRetries: 1,
      timeouts: { headersMs: 200 },
      onExchange: (e) => seen.push(e),
    });
    const specs: RequestSpec[] = [
      { operation: 'GET /rest/self', api: 'rest', method: 'GET', path: '/rest/self' },
      { operation: 'GET /users/', api: 'apiweb', method: 'GET', path: '/users/', query: { search: APIWEB_TOKEN } },
      { operation: 'x', api: 'v1', method: 'GET', path: `/v1/echo?token=${SNYK_TOKEN}` },
      { operation: 'x', api: 'v1', method: 'POST', path: '/v1/echo', body: { note: `my token is ${SNYK_TOKEN}` } },
      { operation: 'x', api: 'v1', method: 'GET', path: '/fail' },
      { operation: 'x', api: 'v1', method: 'GET', path: '/big' },
      { operation: 'x', api: 'v1', method: 'GET', path: '/reset' },
      { operation: 'x', api: 'apiweb', method: 'GET', path: '/hang', retry: false },
      { operation: 'x', api: 'v1', method: 'GET', path: '/limited' },
      {
        operation: 'x',
        api: 'v1',
        method: 'GET',
        path: '/v1/x',
        headers: { Authorization: `token ${SNYK_TOKEN}` },
        auth: 'none',
      },
    ];
    const outputs: [string, string][] = [];
    for (const spec of specs) {
      try {
        const res = await client.send(spec);
        outputs.push(
          [`${spec.path} response`, JSON.stringify(res)],
          [`${spec.path} inspect`, inspect(res, { depth: 10 })],
        );
      } catch (error) {
        outputs.push(
          [`${spec.path} error`, `${String(error)}\n${(error as Error).stack}\n${JSON.stringify(error)}`],
          [`${spec.path} error inspect`, inspect(error, { depth: 10 })],
        );
      }
    }
    for (const e of client.exchanges()) outputs.push(['exchange', JSON.stringify(e)], ['curl', client.curl(e)]);
    outputs.push(['onExchange', JSON.stringify(seen)], ['warnings', JSON.stringify(client.warnings())]);
    const config = readTenantConfig({ SNYK_TOKEN, SNYK_APIWEB_TOKEN: APIWEB_TOKEN });
    outputs.push(['config', `${JSON.stringify(config)}\n${inspect(config)}\n${String(Object.values(config))}`]);

    expect(outputs.length).toBeGreaterThan(20);
    expect(seen.length).toBeGreaterThanOrEqual(specs.length);
    for (const [label, text] of outputs) expectNoToken(label, text);
    // …while the records still say what was sent.
    expect(seen[0]?.requestHeaders?.authorization).toBe('token [redacted:SNYK_TOKEN]');
    expect(seen[1]?.requestHeaders?.authorization).toBe('JWT [redacted:SNYK_APIWEB_TOKEN]');
    expect(seen[0]?.responseHeaders?.['set-cookie']).toBe('[redacted]');
    expect(seen[0]?.responseBody).toContain('"access_token":"[redacted]"');
    expect(config.snykToken).toBe(SNYK_TOKEN);
  });

  it('should redact a secret that straddles the excerpt cut', () => {
    const redactor = new Redactor([{ value: SNYK_TOKEN, variable: 'SNYK_TOKEN' }]);
    const text = `${'a'.repeat(2040)}${SNYK_TOKEN}${'b'.repeat(100)}`;
    expect(redactor.text(text)).toBe(`${'a'.repeat(2040)}[redacted:SNYK_TOKEN]${'b'.repeat(100)}`);
  });
});

describe('exchange log', () => {
  it('should record method, operation, URL, status, duration, chosen headers and bounded body excerpts', async () => {
    server = await leakyServer();
    client = createTenantClient(testConfig(server.url));
    await client.send({ operation: 'GET /rest/self', api: 'rest', method: 'GET', path: '/rest/self' });
    await client.send({ operation: 'x', api: 'v1', method: 'GET', path: '/big' });
    const [self, big] = client.exchanges();
    expect(self).toMatchObject({
      operation: 'GET /rest/self',
      method: 'GET',
      url: `${server.url}/rest/self?version=2024-10-15`,
      status: 200,
      requestHeaders: { accept: 'application/vnd.api+json', authorization: 'token [redacted:SNYK_TOKEN]' },
      responseHeaders: {
        'snyk-request-id': 'b3c1c2d4-0000-4000-8000-000000000000',
        'content-type': 'application/json',
      },
    });
    expect(self?.responseHeaders).not.toHaveProperty('x-echo');
    expect(self?.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(self!.startedAt!)).not.toBeNaN();
    expect(big?.responseBody?.length).toBeLessThan(2048 + 40);
    expect(big?.responseBody).toMatch(/…\[\d+ bytes in all\]$/);
  });

  it('should keep every attempt, bounded to the most recent records', async () => {
    server = await startTestServer((req, res, i) => (i % 2 === 0 ? json(res, 503, {}) : json(res, 200, { i })));
    client = createTenantClient(testConfig(server.url), { ...virtualClock(), exchangeLogSize: 3 });
    for (let k = 0; k < 3; k++) await client.send({ operation: 'x', api: 'v1', method: 'GET', path: `/p${k}` });
    const log = client.exchanges();
    expect(log.map((e) => `${e.url.replace(server!.url, '')} ${e.status}`)).toEqual(['/p1 200', '/p2 503', '/p2 200']);
  });
});

describe('curl', () => {
  it('should single-quote text and reference markers as environment variables', () => {
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWord('token [redacted:SNYK_TOKEN]')).toBe(`'token '"$SNYK_TOKEN"`);
    expect(shellWord('')).toBe(`''`);
    expect(shellWord('$HOME `id` "q"')).toBe(`'$HOME \`id\` "q"'`);
  });

  it('should produce a command a shell parses back into the exact arguments', async () => {
    server = await leakyServer();
    client = createTenantClient(testConfig(server.url));
    const res = await client.send({
      operation: 'POST /v1/org/{orgId}/provision',
      api: 'v1',
      method: 'POST',
      path: '/v1/org/o1/provision',
      body: { email: "o'brien+$x@example.com", role: 'COLLABORATOR', note: '`id` "quoted" \\ back' },
    });
    const command = client.curl(res.exchange);
    expectNoToken('curl', command);
    // A stand-in curl prints its arguments, one per line.
    const { stdout } = await run('sh', ['-c', `curl() { for a in "$@"; do printf '%s\\n' "$a"; done; }; ${command}`], {
      env: { PATH: process.env.PATH, SNYK_TOKEN },
    });
    const args = stdout.split('\n');
    expect(args).toContain(`authorization: token ${SNYK_TOKEN}`);
    expect(args).toContain(`${server.url}/v1/org/o1/provision`);
    const body = args[args.indexOf('--data-binary') + 1];
    expect(JSON.parse(body!)).toEqual({
      email: "o'brien+$x@example.com",
      role: 'COLLABORATOR',
      note: '`id` "quoted" \\ back',
    });
  });

  it.skipIf(!existsSync('/usr/bin/curl'))(
    'should replay against the server with the token from the environment',
    async () => {
      server = await leakyServer();
      client = createTenantClient(testConfig(server.url));
      const res = await client.send({
        operation: 'GET /users/',
        api: 'apiweb',
        method: 'GET',
        path: '/users/',
        query: { search: "a b'c" },
      });
      await run('sh', ['-c', client.curl(res.exchange)], {
        env: { PATH: process.env.PATH, SNYK_APIWEB_TOKEN: APIWEB_TOKEN },
      });
      const [original, replay] = server.received;
      expect(replay?.url).toBe(original?.url);
      expect(replay?.headers.authorization).toBe(`JWT ${APIWEB_TOKEN}`);
    },
  );
});
