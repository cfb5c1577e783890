/**
 * Innermost interceptor: records every attempt that reaches the network as an exchange record (method,
 * operation, URL without secrets, status, duration, chosen headers, body excerpts, start time), redacted at
 * the source, and counts it. It changes nothing about the request or the response.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { Exchange } from '../../model/results.ts';
import { contextOf, type DispatchContext } from '../dispatch-context.ts';
import { BODY_EXCERPT_CHARS, excerpt, isRecordedResponseHeader } from '../exchange-log.ts';
import type { Redactor } from '../redactor.ts';
import type { ClientCounters } from '../client-counters.ts';

export interface ExchangeLogDeps {
  redactor: Redactor;
  counters: ClientCounters;
  now: () => number;
  record: (exchange: Exchange) => void;
}

type Handler = Dispatcher.DispatchHandler;
type Controller = Dispatcher.DispatchController;
type Headers = IncomingHttpHeaders;

export function exchangeLogInterceptor(deps: ExchangeLogDeps): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const ctx = contextOf(opts);
    if (!ctx) return dispatch(opts, handler);
    deps.counters.attempt(ctx.api);
    return dispatch(opts, new RecordingHandler(handler, ctx, opts, deps));
  };
}

class RecordingHandler implements Handler {
  readonly #down: Handler;
  readonly #ctx: DispatchContext;
  readonly #deps: ExchangeLogDeps;
  readonly #record: Exchange;
  readonly #start: number;
  readonly #captureLimit: number;
  #chunks: Buffer[] = [];
  #captured = 0;
  #total = 0;

  constructor(down: Handler, ctx: DispatchContext, opts: Dispatcher.DispatchOptions, deps: ExchangeLogDeps) {
    this.#down = down;
    this.#ctx = ctx;
    this.#deps = deps;
    this.#start = deps.now();
    // Enough bytes for the excerpt in any UTF-8, plus a whole secret that might straddle the cut.
    this.#captureLimit = BODY_EXCERPT_CHARS * 4 + deps.redactor.maxSecretLength;
    const { redactor } = deps;
    this.#record = {
      operation: ctx.operation,
      method: ctx.method,
      url: ctx.url,
      startedAt: new Date(this.#start).toISOString(),
      requestHeaders: redactor.headers(requestHeaders(opts.headers)),
    };
    const body = opts.body;
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.length > 0) this.#record.requestBody = excerpt(redactor.text(text));
    }
  }

  onRequestStart(controller: Controller, context: unknown): void {
    this.#down.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(controller: Controller, statusCode: number, headers: Headers, socket: Duplex): void {
    this.#down.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(controller: Controller, statusCode: number, headers: Headers, statusMessage?: string): void {
    this.#record.status = statusCode;
    const chosen: Headers = {};
    for (const [name, value] of Object.entries(headers)) {
      if (isRecordedResponseHeader(name.toLowerCase())) chosen[name] = value;
    }
    this.#record.responseHeaders = this.#deps.redactor.headers(chosen);
    this.#down.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    this.#total += chunk.length;
    if (this.#captured < this.#captureLimit) {
      const part = chunk.subarray(0, this.#captureLimit - this.#captured);
      this.#chunks.push(Buffer.from(part));
      this.#captured += part.length;
    }
    this.#down.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Controller, trailers: Headers): void {
    this.#finish();
    this.#down.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Controller, error: Error): void {
    this.#record.error = this.#deps.redactor.text(`${codeOf(error)}${error.message}`);
    this.#finish();
    this.#down.onResponseError?.(controller, error);
  }

  #finish(): void {
    const record = this.#record;
    record.durationMs = Math.max(0, this.#deps.now() - this.#start);
    if (this.#total > 0) {
      const text = Buffer.concat(this.#chunks).toString('utf8');
      const whole = this.#captured === this.#total;
      record.responseBody = excerpt(this.#deps.redactor.text(text), whole ? undefined : this.#total);
    }
    this.#chunks = [];
    this.#ctx.attempts += 1;
    this.#ctx.lastExchange = record;
    this.#deps.record(record);
  }
}

function codeOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ` : '';
}

function requestHeaders(headers: Dispatcher.DispatchOptions['headers']): Headers {
  const out: Headers = {};
  if (!headers) return out;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
    return out;
  }
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function' && !(typeof headers === 'string')) {
    for (const [k, v] of headers as Iterable<[string, string | string[] | undefined]>) out[k.toLowerCase()] = v;
    return out;
  }
  for (const [k, v] of Object.entries(headers as Record<string, string | string[] | undefined>))
    out[k.toLowerCase()] = v;
  return out;
}
