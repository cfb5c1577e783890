/** A response as the handlers build it, before drifts and faults touch it and before it is written. */
export interface MockResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Serialised body (a Buffer when cached already encoded); undefined for an empty body (204). */
  body?: string | Buffer;
}

export const JSON_TYPE = 'application/json';
export const JSONAPI_TYPE = 'application/vnd.api+json';

export function jsonResponse(
  status: number,
  body: unknown,
  contentType: string,
  headers: Record<string, string> = {},
): MockResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body: JSON.stringify(body) };
}

/** A response whose body is already serialised (cached user JSON, pre-joined pages). */
export function rawJsonResponse(
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): MockResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { ...headers } };
}
