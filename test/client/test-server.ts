/**
 * A real HTTP server on 127.0.0.1, port 0, for the client's tests: each test gives the handler, the server
 * records what arrived (method, URL, headers, body) so tests can assert on the wire.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TenantConfig } from '../../src/config/tenant-config.ts';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export type TestHandler = (
  req: IncomingMessage & { body: string },
  res: ServerResponse,
  index: number,
) => void | Promise<void>;

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const index = received.length;
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() });
      Promise.resolve(handler(Object.assign(req, { body }), res, index)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export const SNYK_TOKEN = 'snyk-test-token-5f0c2a9e-7b1d-4c3e-9a8f-0123456789ab';
export const APIWEB_TOKEN = 'apiweb-test-key-Zq81LmT4pX0vR7sN2bK9';

/** A TenantConfig pointing both APIs at a test server. */
export function testConfig(url: string, overrides: Partial<TenantConfig> = {}): TenantConfig {
  return {
    snykApiUrl: url,
    apiwebUrl: url,
    snykToken: SNYK_TOKEN,
    snykAuthScheme: 'token',
    apiwebToken: APIWEB_TOKEN,
    restVersion: '2024-10-15',
    orgIds: ['11111111-1111-4111-8111-111111111111'],
    ...overrides,
  };
}
