/**
 * Reading a response body: the media type, tolerant JSON parsing (undefined when the body is not JSON),
 * and telling a JSON body that ends early (a cut connection behind a proxy) from one that is malformed.
 */

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** The media type without parameters, lower-case (`application/vnd.api+json`), or undefined. */
export function mediaType(headers: Headers): string | undefined {
  const raw = headers['content-type'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const type = value?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** `application/json`, `application/vnd.api+json`, `application/problem+json`… */
export function isJsonMediaType(type: string | undefined): boolean {
  return type !== undefined && (type === 'application/json' || type.endsWith('+json') || type === 'text/json');
}

export type ParseOutcome = { ok: true; json: unknown } | { ok: false; truncated: boolean };

/**
 * Parses a body as JSON when it is declared JSON or looks like JSON. `truncated` is true when the parser
 * failed at the very end of the text (V8: "Unexpected end of JSON input", "Unterminated string…", or an
 * error position at the end): the body stopped early rather than being malformed.
 */
export function parseJson(text: string, type: string | undefined): ParseOutcome {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, truncated: false };
  if (!isJsonMediaType(type) && !/^[[{]/.test(trimmed)) return { ok: false, truncated: false };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    if (/end of JSON input|Unterminated string/i.test(message)) return { ok: false, truncated: true };
    const position = /position (\d+)/.exec(message)?.[1];
    const trimmedEnd = text.trimEnd().length;
    return { ok: false, truncated: position !== undefined && Number(position) >= trimmedEnd };
  }
}
