/** A request as the mock's handlers see it: parsed once, body fully read. */
import type { IncomingHttpHeaders } from 'node:http';

export interface MockRequest {
  /** 1-based arrival number: drives request ids and the fault sequence. */
  seq: number;
  method: string;
  /** The path as sent, without the query (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One header's value (the first when repeated). */
export function header(req: MockRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The media type of the request body without parameters, lower-case. */
export function requestMediaType(req: MockRequest): string | undefined {
  const value = header(req, 'content-type');
  return value?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** Every value of a query parameter; comma-separated values are split (`a,b` and `k=a&k=b` both work). */
export function queryList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A path segment decoded, or as sent when its percent-encoding is malformed (never throws). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
