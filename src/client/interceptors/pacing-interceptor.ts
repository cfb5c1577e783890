/**
 * Pacing interceptor: every attempt waits for a token of its API key's bucket before it is dispatched
 * (rate-limiter.ts) and gives it back when the answer's headers (or a failure) arrive. It also listens to the answers: a 429 (or 503) that says when to come back pauses the
 * whole key, so the other requests in flight do not walk into the same wall; a 429 whose
 * `X-RateLimit-Limit` names a stricter limit than ours tightens the bucket (and says so in the warnings).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';
import { contextOf, type DispatchContext } from '../dispatch-context.ts';
import type { RateLimiter, Ticket } from '../rate-limiter.ts';
import { rateLimitLimit, serverDelayMs } from '../retry-timing.ts';
import type { ClientCounters } from '../client-counters.ts';

export interface PacingDeps {
  limiter: RateLimiter;
  counters: ClientCounters;
  now: () => number;
  windowMs: number;
  warn: (message: string) => void;
}

type Handler = Dispatcher.DispatchHandler;
type Controller = Dispatcher.DispatchController;

export function pacingInterceptor(deps: PacingDeps): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const ctx = contextOf(opts);
    if (!ctx) return dispatch(opts, handler);
    deps.limiter
      .bucket(ctx.rateKey)
      .acquire()
      .then(
        (ticket) => {
          try {
            dispatch(opts, new PacingHandler(handler, ctx, deps, ticket));
          } catch (error) {
            ticket.release();
            handler.onResponseError?.(null as unknown as Controller, error as Error);
          }
        },
        (error: Error) => handler.onResponseError?.(null as unknown as Controller, error),
      );
    // The request is queued in the bucket; the caller may go on dispatching.
    return true;
  };
}

class PacingHandler implements Handler {
  readonly #down: Handler;
  readonly #ctx: DispatchContext;
  readonly #deps: PacingDeps;
  readonly #ticket: Ticket;

  constructor(down: Handler, ctx: DispatchContext, deps: PacingDeps, ticket: Ticket) {
    this.#down = down;
    this.#ctx = ctx;
    this.#deps = deps;
    this.#ticket = ticket;
  }

  onRequestStart(controller: Controller, context: unknown): void {
    this.#down.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(controller: Controller, statusCode: number, headers: IncomingHttpHeaders, socket: Duplex): void {
    this.#down.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(
    controller: Controller,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    // The server has seen the request once it answers: the token's window starts now.
    this.#ticket.release();
    if (statusCode === 429 || statusCode === 503) {
      const now = this.#deps.now();
      const bucket = this.#deps.limiter.bucket(this.#ctx.rateKey);
      if (statusCode === 429) {
        this.#deps.counters.rateLimited++;
        this.#learnLimit(headers);
      }
      const wait = serverDelayMs(headers, now);
      if (wait !== undefined && wait > 0) bucket.pauseUntil(now + wait);
    }
    this.#down.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    this.#down.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Controller, trailers: IncomingHttpHeaders): void {
    this.#down.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Controller, error: Error): void {
    this.#ticket.release();
    this.#down.onResponseError?.(controller, error);
  }

  #learnLimit(headers: IncomingHttpHeaders): void {
    const learned = rateLimitLimit(headers);
    if (!learned) return;
    const windowMs = learned.windowMs ?? this.#deps.windowMs;
    const bucket = this.#deps.limiter.bucket(this.#ctx.rateKey);
    if (bucket.addWindow(learned.limit, windowMs)) {
      this.#deps.warn(
        `${this.#ctx.api}: a 429 named a rate limit of ${learned.limit} per ${windowMs} ms (X-RateLimit-Limit); pacing now keeps to it`,
      );
    }
  }
}
