/**
 * The tenant client: one undici Agent composed with three interceptors, outermost first —
 *   retry (retry-interceptor.ts) → pacing (pacing-interceptor.ts) → exchange log (exchange-log-interceptor.ts)
 * — so that every attempt, retries included, is paced and recorded, and the cross-cutting behaviour lives in
 * interceptors rather than in a wrapper class. `send()` builds the request, passes the per-request context to
 * the interceptors in the dispatch options, and turns the answer into an ApiResponse with secrets removed.
 */
import { Agent, type Dispatcher } from 'undici';
import type { TenantConfig } from '../config/tenant-config.ts';
import { StcError, HttpError, ERROR_CODES } from '../model/errors.ts';
import type { Exchange } from '../model/results.ts';
import { DEFAULT_RATE_LIMITS } from '../model/operations.ts';
import type { ApiResponse, ClientOptions, QueryValue, RequestSpec, RequestStats, TenantClient } from './types.ts';
import type { DispatchContext } from './dispatch-context.ts';
import { Redactor } from './redactor.ts';
import { RateLimiter, SYSTEM_CLOCK, clockFrom } from './rate-limiter.ts';
import { ExchangeLog } from './exchange-log.ts';
import { ClientCounters } from './client-counters.ts';
import { buildRequest, INVALID_JWT, INVALID_SNYK_TOKEN } from './request-builder.ts';
import { mediaType, parseJson } from './response-body.ts';
import { curlCommand } from './curl.ts';
import { restPages } from './rest-pages.ts';
import { apiwebPages } from './apiweb-pages.ts';
import { classifyFailure } from './network-error.ts';
import { retryInterceptor } from './interceptors/retry-interceptor.ts';
import { pacingInterceptor } from './interceptors/pacing-interceptor.ts';
import { exchangeLogInterceptor } from './interceptors/exchange-log-interceptor.ts';

export const DEFAULT_CLIENT_OPTIONS = {
  rateLimitWindowMs: 60_000,
  maxRetries: 4,
  maxRateLimitRetries: 20,
  retryBudgetMs: 120_000,
  backoff: { baseMs: 250, maxMs: 8_000 },
  timeouts: { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 },
  concurrency: 4,
  exchangeLogSize: 200,
  userAgent: 'snyk-tenant-check',
  maxBodyBytes: 64 * 1024 * 1024,
  maxWarnings: 200,
} as const;

export function createTenantClient(config: TenantConfig, options: ClientOptions = {}): TenantClient {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const windowMs = options.rateLimitWindowMs ?? DEFAULT_CLIENT_OPTIONS.rateLimitWindowMs;
  const timeouts = { ...DEFAULT_CLIENT_OPTIONS.timeouts, ...options.timeouts };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CLIENT_OPTIONS.concurrency));
  const userAgent = options.userAgent ?? DEFAULT_CLIENT_OPTIONS.userAgent;

  const redactor = new Redactor(
    [
      ...(config.snykToken ? [{ value: config.snykToken, variable: 'SNYK_TOKEN' }] : []),
      ...(config.apiwebToken ? [{ value: config.apiwebToken, variable: 'SNYK_APIWEB_TOKEN' }] : []),
    ],
    [INVALID_SNYK_TOKEN, INVALID_JWT],
  );
  const counters = new ClientCounters();
  // Injected time (tests) drives the pacing waits too, so a virtual clock stays consistent.
  const clock = options.sleep || options.now ? clockFrom(now, sleep) : SYSTEM_CLOCK;
  const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, windowMs, clock);
  const log = new ExchangeLog(options.exchangeLogSize ?? DEFAULT_CLIENT_OPTIONS.exchangeLogSize);
  const warnings: string[] = [];
  const warn = (message: string): void => {
    const text = redactor.text(message);
    if (warnings.length >= DEFAULT_CLIENT_OPTIONS.maxWarnings) warnings.shift();
    warnings.push(text);
  };
  const record = (exchange: Exchange): void => {
    log.add(exchange);
    try {
      options.onExchange?.(exchange);
    } catch {
      // A listener's failure must not fail the request it watches.
    }
  };

  const agent = new Agent({
    connections: concurrency,
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
  const dispatcher = agent.compose(
    exchangeLogInterceptor({ redactor, counters, now, record }),
    pacingInterceptor({ limiter, counters, now, windowMs, warn }),
    retryInterceptor({
      counters,
      redactor,
      now,
      sleep,
      random,
      maxRetries: options.maxRetries ?? DEFAULT_CLIENT_OPTIONS.maxRetries,
      maxRateLimitRetries: options.maxRateLimitRetries ?? DEFAULT_CLIENT_OPTIONS.maxRateLimitRetries,
      retryBudgetMs: options.retryBudgetMs ?? DEFAULT_CLIENT_OPTIONS.retryBudgetMs,
      backoffBaseMs: options.backoff?.baseMs ?? DEFAULT_CLIENT_OPTIONS.backoff.baseMs,
      backoffMaxMs: options.backoff?.maxMs ?? DEFAULT_CLIENT_OPTIONS.backoff.maxMs,
      maxBodyBytes: DEFAULT_CLIENT_OPTIONS.maxBodyBytes,
    }),
  );
  let closed = false;

  async function send(spec: RequestSpec): Promise<ApiResponse> {
    if (closed) throw new StcError(ERROR_CODES.CLIENT_CLOSED, 'the tenant client is closed');
    const built = buildRequest(spec, config, userAgent);
    const startedAt = now();
    const ctx: DispatchContext = {
      operation: spec.operation,
      api: spec.api,
      method: built.method,
      url: redactor.url(built.url),
      rateKey: spec.api,
      retryable: built.retryable,
      retryConnect: built.retryConnect,
      startedAt,
      attempts: 0,
    };
    let text: string;
    let statusCode: number;
    let rawHeaders: Record<string, string | string[] | undefined>;
    try {
      const res = await dispatcher.request({
        origin: built.origin,
        path: built.path,
        method: built.method,
        headers: built.headers,
        ...(built.body !== undefined ? { body: built.body } : {}),
        ...(spec.timeoutMs !== undefined ? { headersTimeout: spec.timeoutMs, bodyTimeout: spec.timeoutMs } : {}),
        stc: ctx,
      } as Dispatcher.RequestOptions);
      statusCode = res.statusCode;
      rawHeaders = res.headers;
      text = await res.body.text();
    } catch (error) {
      throw toClientError(error, ctx, redactor);
    }

    const contentType = mediaType(rawHeaders);
    const safeText = redactor.text(text);
    let json: unknown;
    if (ctx.parsed && safeText === text) {
      json = ctx.parsed.json;
    } else {
      const parsed = parseJson(safeText, contentType);
      json = parsed.ok ? parsed.json : undefined;
    }
    const exchange: Exchange = ctx.lastExchange ?? {
      operation: spec.operation,
      method: built.method,
      url: ctx.url,
      status: statusCode,
    };
    return {
      status: statusCode,
      headers: redactor.headers(rawHeaders),
      text: safeText,
      json,
      ...(contentType !== undefined ? { contentType } : {}),
      durationMs: Math.max(0, now() - startedAt),
      url: ctx.url,
      exchange,
    };
  }

  return {
    send,
    restPages: (spec: RequestSpec) => restPages(spec, { send, warn, baseUrl: config.snykApiUrl }),
    apiwebPages: (query?: Readonly<Record<string, QueryValue>>, opts?: { length?: number }) =>
      apiwebPages(query, opts, { send, warn, concurrency }),
    curl: (exchange: Exchange) => curlCommand(exchange),
    exchanges: () => log.list(),
    stats: (): RequestStats => counters.snapshot(limiter.waitedMs()),
    warnings: () => [...warnings],
    async close() {
      if (closed) return;
      closed = true;
      limiter.close();
      await agent.close();
    },
  };
}

/** Errors from the interceptors are ours already; anything else (a body stream failing) is classified here. */
function toClientError(error: unknown, ctx: DispatchContext, redactor: Redactor): Error {
  if (error instanceof StcError) return redactor.error(error);
  const kind = classifyFailure(error);
  const cause = error instanceof Error ? redactor.error(error) : error;
  return new HttpError(
    kind.code,
    `${ctx.method} ${ctx.url}: ${kind.what}`,
    {
      method: ctx.method,
      url: ctx.url,
      operation: ctx.operation,
      attempts: ctx.attempts,
      ...(ctx.lastExchange ? { exchange: ctx.lastExchange } : {}),
    },
    { cause },
  );
}
