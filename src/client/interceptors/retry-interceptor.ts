/**
 * Retry interceptor (outermost): repeats an attempt where that is safe and bounded, and turns a failure with
 * nothing to return into an error with a stable code.
 *
 * - 429: retried for every method (a rate-limited request was refused before it ran), after the server's
 *   `Retry-After`/`X-RateLimit-Reset`, else an exponential backoff with jitter; beyond `maxRateLimitRetries`
 *   or the time budget → `HttpError` `RATE_LIMITED`. A 429 never reaches the caller as a response.
 * - 5xx (not 501/505), a network failure during the exchange, a header/body timeout, and a 2xx whose
 *   declared-JSON body ends early: retried only when the request is retryable (GET, DELETE of a provision,
 *   or `retry: true`), at most `maxRetries` times. When they run out, a response is passed on as it is
 *   (contract checks need the raw 5xx); a failure without a response becomes the error.
 * - A connection that never opened (refused, connect timeout): retried for any method unless the caller said
 *   `retry: false`, at most twice (an unreachable tenant should fail within a minute).
 *
 * Every attempt goes back through the inner interceptors, so it is paced and recorded like the first.
 * The response of an attempt is buffered whole before anything is passed on: only then can a truncated body
 * be retried without the caller having seen half of it. Pages are small (≤ 100 items).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { HttpError, StcError, TenantUnreachableError, ERROR_CODES } from '../../model/errors.ts';
import { contextOf, type DispatchContext } from '../dispatch-context.ts';
import { classifyFailure } from '../network-error.ts';
import { isJsonMediaType, mediaType, parseJson } from '../response-body.ts';
import { backoffMs, serverDelayMs } from '../retry-timing.ts';
import type { Redactor } from '../redactor.ts';
import type { ClientCounters } from '../client-counters.ts';

export interface RetryDeps {
  counters: ClientCounters;
  redactor: Redactor;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  maxRetries: number;
  maxRateLimitRetries: number;
  retryBudgetMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A response body larger than this is refused (RESPONSE_TOO_LARGE). */
  maxBodyBytes: number;
}

/** Connection failures are retried at most this often: each may cost a whole connect timeout. */
export const MAX_CONNECT_RETRIES = 2;
/** 429 backoff starts higher than 5xx backoff: rate windows are long. */
const RATE_LIMIT_MIN_BACKOFF_MS = 1000;

type Handler = Dispatcher.DispatchHandler;
type Controller = Dispatcher.DispatchController;

export function retryInterceptor(deps: RetryDeps): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const ctx = contextOf(opts);
    if (!ctx) return dispatch(opts, handler);
    new RetryingRequest(dispatch, opts, handler, ctx, deps).attempt();
    return true;
  };
}

/** One controller for the caller across attempts; it forwards to the current attempt's connection. */
class StableController implements Controller {
  target: Controller | undefined;
  #aborted = false;
  #reason: Error | null = null;
  #paused = false;
  onAbort: ((reason: Error) => void) | undefined;

  get aborted(): boolean {
    return this.#aborted;
  }
  get paused(): boolean {
    return this.#paused;
  }
  get reason(): Error | null {
    return this.#reason;
  }
  abort(reason: Error): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.target?.abort(reason);
    this.onAbort?.(reason);
  }
  // The whole body is delivered at once from memory; pausing has nothing to hold back.
  pause(): void {
    this.#paused = true;
  }
  resume(): void {
    this.#paused = false;
  }
}

class RetryingRequest {
  readonly #dispatch: Dispatcher.Dispatch;
  readonly #opts: Dispatcher.DispatchOptions;
  readonly #down: Handler;
  readonly #ctx: DispatchContext;
  readonly #deps: RetryDeps;
  readonly #controller = new StableController();
  #retries = 0;
  #connectRetries = 0;
  #rateLimitRetries = 0;
  #started = false;
  #done = false;
  #waiting = false;

  constructor(
    dispatch: Dispatcher.Dispatch,
    opts: Dispatcher.DispatchOptions,
    down: Handler,
    ctx: DispatchContext,
    deps: RetryDeps,
  ) {
    this.#dispatch = dispatch;
    this.#opts = opts;
    this.#down = down;
    this.#ctx = ctx;
    this.#deps = deps;
    this.#controller.onAbort = (reason) => {
      // Aborted while waiting to retry: nothing is in flight to carry the error, so report it here.
      if (this.#waiting) this.#fail(reason);
    };
  }

  attempt(): void {
    const handler = new AttemptHandler(this);
    try {
      this.#dispatch(this.#opts, handler);
    } catch (error) {
      handler.onResponseError(null as unknown as Controller, error as Error);
    }
  }

  requestStart(controller: Controller, context: unknown): void {
    this.#controller.target = controller;
    if (this.#controller.aborted) {
      controller.abort(this.#controller.reason ?? new Error('aborted'));
      return;
    }
    if (!this.#started) {
      this.#started = true;
      this.#down.onRequestStart?.(this.#controller, context);
    }
  }

  /** An attempt produced a whole response. */
  completed(
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage: string | undefined,
    body: Buffer,
    trailers: IncomingHttpHeaders,
  ): void {
    const { counters } = this.#deps;
    const now = this.#deps.now();
    if (statusCode >= 500) counters.serverErrors++;

    if (statusCode === 429) {
      if (this.#rateLimitRetries < this.#deps.maxRateLimitRetries) {
        const delay =
          serverDelayMs(headers, now) ??
          backoffMs(
            this.#rateLimitRetries + 1,
            Math.max(RATE_LIMIT_MIN_BACKOFF_MS, this.#deps.backoffBaseMs),
            Math.max(RATE_LIMIT_MIN_BACKOFF_MS, this.#deps.backoffMaxMs),
            this.#deps.random,
          );
        if (this.#withinBudget(now, delay)) {
          this.#rateLimitRetries++;
          this.#retryAfter(delay);
          return;
        }
      }
      const elapsed = now - this.#ctx.startedAt;
      this.#fail(
        new HttpError(
          ERROR_CODES.RATE_LIMITED,
          `${this.#ctx.method} ${this.#ctx.url} was rate-limited (429) on ${this.#rateLimitRetries + 1} attempts in ${elapsed} ms; ` +
            'the retry budget is spent (lower the request rate, or raise retryBudgetMs)',
          this.#details(429),
        ),
      );
      return;
    }

    const type = mediaType(headers);
    let truncated = false;
    this.#ctx.parsed = undefined;
    if (statusCode >= 200 && statusCode < 300 && isJsonMediaType(type) && body.length > 0) {
      const text = body.toString('utf8');
      const parsed = parseJson(text, type);
      if (parsed.ok) this.#ctx.parsed = { text, json: parsed.json };
      else truncated = parsed.truncated;
    }

    if (this.#ctx.retryable && this.#retries < this.#deps.maxRetries && (isRetryableStatus(statusCode) || truncated)) {
      const delay =
        (statusCode === 503 ? serverDelayMs(headers, now) : undefined) ??
        backoffMs(this.#retries + 1, this.#deps.backoffBaseMs, this.#deps.backoffMaxMs, this.#deps.random);
      if (this.#withinBudget(now, delay)) {
        this.#retries++;
        this.#retryAfter(delay);
        return;
      }
    }
    this.#deliver(statusCode, headers, statusMessage, body, trailers);
  }

  /** An attempt failed without a whole response. */
  failed(error: Error): void {
    const kind = classifyFailure(error);
    if (kind.code !== ERROR_CODES.CLIENT_CLOSED && kind.code !== ERROR_CODES.ABORTED)
      this.#deps.counters.networkErrors++;
    const now = this.#deps.now();
    if (!this.#controller.aborted) {
      const delay = backoffMs(
        this.#retries + this.#connectRetries + 1,
        this.#deps.backoffBaseMs,
        this.#deps.backoffMaxMs,
        this.#deps.random,
      );
      if (
        kind.retry === 'connect' &&
        this.#ctx.retryConnect &&
        this.#connectRetries < Math.min(MAX_CONNECT_RETRIES, this.#deps.maxRetries) &&
        this.#withinBudget(now, delay)
      ) {
        this.#connectRetries++;
        this.#retryAfter(delay);
        return;
      }
      if (
        kind.retry === 'transfer' &&
        this.#ctx.retryable &&
        this.#retries < this.#deps.maxRetries &&
        this.#withinBudget(now, delay)
      ) {
        this.#retries++;
        this.#retryAfter(delay);
        return;
      }
    }
    if (error instanceof StcError) {
      this.#fail(this.#deps.redactor.error(error));
      return;
    }
    const cause = this.#deps.redactor.error(error);
    const attempts = this.#ctx.attempts;
    const message = `${this.#ctx.method} ${this.#ctx.url}: ${kind.what}${attempts > 1 ? ` (${attempts} attempts)` : ''}`;
    if (kind.code === ERROR_CODES.TENANT_UNREACHABLE) {
      this.#fail(
        new TenantUnreachableError(message, {
          cause,
          method: this.#ctx.method,
          url: this.#ctx.url,
          operation: this.#ctx.operation,
          attempts,
        }),
      );
    } else {
      this.#fail(new HttpError(kind.code, message, this.#details(undefined), { cause }));
    }
  }

  #details(status: number | undefined): ConstructorParameters<typeof HttpError>[2] {
    return {
      method: this.#ctx.method,
      url: this.#ctx.url,
      ...(status !== undefined ? { status } : {}),
      operation: this.#ctx.operation,
      attempts: this.#ctx.attempts,
      ...(this.#ctx.lastExchange ? { exchange: this.#ctx.lastExchange } : {}),
    };
  }

  #withinBudget(now: number, delay: number): boolean {
    return now - this.#ctx.startedAt + delay <= this.#deps.retryBudgetMs;
  }

  #retryAfter(delay: number): void {
    this.#deps.counters.retries++;
    this.#deps.counters.retryWaitMs += delay;
    this.#waiting = true;
    this.#deps.sleep(delay).then(
      () => {
        this.#waiting = false;
        if (this.#done) return;
        if (this.#controller.aborted) this.#fail(this.#controller.reason ?? new Error('aborted'));
        else this.attempt();
      },
      (error: unknown) => {
        this.#waiting = false;
        this.#fail(error as Error);
      },
    );
  }

  #deliver(
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage: string | undefined,
    body: Buffer,
    trailers: IncomingHttpHeaders,
  ): void {
    if (this.#done) return;
    this.#done = true;
    const c = this.#controller;
    this.#down.onResponseStart?.(c, statusCode, headers, statusMessage);
    if (c.aborted) return;
    if (body.length > 0) this.#down.onResponseData?.(c, body);
    if (c.aborted) return;
    this.#down.onResponseEnd?.(c, trailers);
  }

  #fail(error: Error): void {
    if (this.#done) return;
    this.#done = true;
    this.#down.onResponseError?.(this.#controller, error);
  }

  get maxBodyBytes(): number {
    return this.#deps.maxBodyBytes;
  }
}

/** Collects one attempt's response. */
class AttemptHandler implements Handler {
  readonly #owner: RetryingRequest;
  #status = 0;
  #headers: IncomingHttpHeaders = {};
  #statusMessage: string | undefined;
  #chunks: Buffer[] = [];
  #size = 0;
  #finished = false;

  constructor(owner: RetryingRequest) {
    this.#owner = owner;
  }

  onRequestStart(controller: Controller, context: unknown): void {
    this.#owner.requestStart(controller, context);
  }

  onResponseStart(
    _controller: Controller,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.#status = statusCode;
    this.#headers = headers;
    this.#statusMessage = statusMessage;
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    this.#size += chunk.length;
    if (this.#size > this.#owner.maxBodyBytes) {
      controller.abort(
        new StcError(ERROR_CODES.RESPONSE_TOO_LARGE, `the response body exceeds ${this.#owner.maxBodyBytes} bytes`),
      );
      return;
    }
    this.#chunks.push(chunk);
  }

  onResponseEnd(_controller: Controller, trailers: IncomingHttpHeaders): void {
    if (this.#finished) return;
    this.#finished = true;
    const body = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks);
    this.#chunks = [];
    this.#owner.completed(this.#status, this.#headers, this.#statusMessage, body, trailers);
  }

  onResponseError(_controller: Controller, error: Error): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#chunks = [];
    this.#owner.failed(error);
  }
}

/** 5xx that may pass: not 501 Not Implemented or 505 HTTP Version Not Supported, which will not change. */
function isRetryableStatus(status: number): boolean {
  return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}
