/**
 * The mock tenant: one node:http server on loopback serving Snyk v1 (`/v1/…`), Snyk REST (`/rest/…`) and
 * Snyk API & Web (`/users/…`) from seeded, stateful data, with a per-key rate limit, injectable faults and
 * the drift catalog. Every request goes: read body → fault draw → rate limit → handler → drift effects →
 * fault effects → latency → write.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDriftName, type DriftName } from './drifts.ts';
import { FaultPlan, type FaultDecision, type FaultOptions } from './faults.ts';
import { dispatch, familyOf } from './http/dispatch.ts';
import { familyError } from './http/family-errors.ts';
import type { HandlerContext } from './http/handler-context.ts';
import type { MockRequest } from './http/mock-request.ts';
import type { MockResponse } from './http/mock-response.ts';
import { MockError } from './mock-error.ts';
import { resolveOptions, type MockOptions } from './options.ts';
import { RateLimiter } from './rate-limiter.ts';
import { Rng } from './random.ts';
import { buildTenantState } from './tenant-state.ts';

export type { MockOptions } from './options.ts';
export type { FaultOptions } from './faults.ts';

export interface MockTenant {
  /** Origin of all three APIs, e.g. `http://127.0.0.1:43117` (no trailing slash). */
  url: string;
  snykToken: string;
  apiwebToken: string;
  orgId: string;
  /** Every org of the group, `orgId` first (for multi-org runs: SNYK_ORG_IDS). */
  orgIds: string[];
  groupId: string;
  /** Id of the token's owner (`GET /rest/self`). */
  selfUserId: string;
  /** A group member the suite may remove with PATCH (what `SNYK_TEST_USER_ID` names on the mock). */
  testUserId: string;
  close(): Promise<void>;
  /** Serve a catalogued drift from the next request on; undefined: conform again. Throws MOCK_UNKNOWN_DRIFT. */
  setDrift(name: string | undefined): void;
  setFaults(faults: FaultOptions | undefined): void;
  setRateLimit(perMinute: number | undefined): void;
  /** Requests received so far (also those refused, faulted or reset). */
  requestCount(): number;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The API key a request spends: the credential without its scheme (`token X` and `bearer X` are one key). */
function rateKey(req: IncomingMessage): string {
  const auth = req.headers.authorization?.trim();
  if (!auth) return `anonymous:${req.socket.remoteAddress ?? ''}`;
  const parts = auth.split(/\s+/);
  return `key:${parts[parts.length - 1]}`;
}

function faultPlan(faults: FaultOptions | undefined, seed: number): FaultPlan | undefined {
  if (!faults) return undefined;
  try {
    return new FaultPlan(faults, seed);
  } catch (cause) {
    throw new MockError('MOCK_INVALID_OPTION', `invalid faults: ${(cause as Error).message}`, { cause });
  }
}

export async function startMockTenant(options: MockOptions = {}): Promise<MockTenant> {
  const o = resolveOptions(options);
  const tenant = buildTenantState(o);
  let drift: DriftName | undefined = o.drift as DriftName | undefined;
  let faults = faultPlan(o.faults, o.seed);
  const limiter = new RateLimiter(o.rateLimit);
  let seq = 0;
  let closed = false;

  const write = (res: ServerResponse, response: MockResponse, fault: FaultDecision): void => {
    const body =
      response.body === undefined
        ? undefined
        : typeof response.body === 'string'
          ? Buffer.from(response.body, 'utf8')
          : response.body;
    const headers: Record<string, string | number> = { ...response.headers };
    if (body !== undefined) headers['content-length'] = body.length;
    else if (response.status !== 204 && response.status !== 304) headers['content-length'] = 0;
    res.writeHead(response.status, headers);
    if (body !== undefined && fault.kind === 'truncate' && body.length > 1) {
      // Announce the full length, send half, then drop the connection.
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
      return;
    }
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const n = ++seq;
    res.sendDate = false; // no Date header: same seed, same bytes
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const family = familyOf(path);
    const requestId = new Rng(o.seed, `request:${n}`).uuid();
    const fault: FaultDecision = faults?.decide(n) ?? { kind: 'none' };
    const body = await readBody(req);
    if (fault.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    let response: MockResponse;
    const rate = limiter.take(rateKey(req));
    if (!rate.allowed) {
      const seconds = String(rate.retryAfterSeconds);
      const text = family === 'apiweb' ? `Request was throttled. Expected available in ${seconds} seconds.` : undefined;
      response = familyError(family, 429, requestId, { 'retry-after': seconds }, text);
    } else if (fault.kind === 'error') {
      response = familyError(family, fault.status, requestId);
    } else if (body === 'too-large') {
      response = familyError(family, 413, requestId);
    } else {
      const request: MockRequest = {
        seq: n,
        method: req.method ?? 'GET',
        path,
        query: new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1)),
        headers: req.headers,
        body,
      };
      const active = drift;
      const ctx: HandlerContext = {
        req: request,
        tenant,
        requestId,
        drift: (name) => name === active,
        driftName: active,
        realistic: () => o.realistic,
      };
      try {
        response = dispatch(ctx);
      } catch (cause) {
        // A bug in the mock is a 500 of the family, never a crashed server.
        response = familyError(family, 500, requestId, {}, `mock failure: ${(cause as Error).message}`);
      }
    }
    if (fault.kind === 'wrong-content-type' && response.body !== undefined)
      response.headers['content-type'] = 'text/html; charset=utf-8';
    const latency = faults?.latencyMs ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (!res.destroyed) write(res, response, fault);
  };

  const server = createServer({ keepAlive: true }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json', 'content-length': 2 });
        res.end('{}');
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (cause: Error) =>
      reject(new MockError('MOCK_LISTEN_FAILED', `cannot listen on ${o.host}:${o.port}: ${cause.message}`, { cause }));
    server.once('error', onError);
    server.listen(o.port, o.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  tenant.apiweb.warmInBackground(() => closed);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    snykToken: o.snykToken,
    apiwebToken: o.apiwebToken,
    orgId: tenant.snyk.orgs[0]!.id,
    orgIds: tenant.snyk.orgs.map((o) => o.id),
    groupId: tenant.snyk.group.id,
    selfUserId: tenant.self.id,
    testUserId: tenant.testUser.id,
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    setDrift: (name) => {
      if (name !== undefined && !isDriftName(name))
        throw new MockError('MOCK_UNKNOWN_DRIFT', `unknown drift "${name}"`);
      drift = name;
    },
    setFaults: (next) => {
      faults = faultPlan(next, o.seed);
    },
    setRateLimit: (perMinute) => {
      try {
        limiter.setLimit(perMinute);
      } catch (cause) {
        throw new MockError('MOCK_INVALID_OPTION', (cause as Error).message, { cause });
      }
    },
    requestCount: () => seq,
  };
}
