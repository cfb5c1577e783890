/**
 * Redaction at the source: every string the client hands out (exchange records, response text, URLs, error
 * messages, curl commands) passes through here first. Known secrets are replaced by a marker naming the
 * environment variable that holds them (`[redacted:SNYK_TOKEN]`), so a reproduction can reference the
 * variable instead of the value; credentials of unknown value (cookies, a caller's own Authorization
 * header) become `[redacted]`.
 */

export interface Secret {
  value: string;
  /** The environment variable that holds it (`SNYK_TOKEN`). */
  variable: string;
}

export const REDACTED = '[redacted]';
export const markerFor = (variable: string): string => `[redacted:${variable}]`;
/** Matches a marker; group 1 is the variable name. */
export const MARKER_RE = /\[redacted:([A-Z][A-Z0-9_]*)\]/g;

/** Secrets shorter than this are redacted in header values only: searching free text for them would mangle it. */
export const MIN_SEARCHABLE_SECRET = 8;

const SENSITIVE_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
]);

// Query parameters and JSON members that carry credentials in the APIs around Snyk (OAuth, API keys).
const SENSITIVE_PARAM_RE =
  /^(token|access_token|refresh_token|id_token|api_key|apikey|api-key|client_secret|password|secret|jwt|code)$/i;
const SENSITIVE_JSON_RE =
  /("(?:token|access_token|refresh_token|id_token|api_key|apikey|client_secret|password|secret)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

export class Redactor {
  readonly #needles: { text: string; marker: string }[] = [];
  readonly #headerNeedles: { text: string; marker: string }[] = [];
  readonly #public: Set<string>;

  /**
   * @param secrets the values to hide.
   * @param publicValues credential-shaped values that are not secrets (the client's well-formed invalid
   *   tokens), kept verbatim so a reproduction of an auth check stays runnable.
   */
  constructor(secrets: readonly Secret[], publicValues: readonly string[] = []) {
    this.#public = new Set(publicValues);
    for (const { value, variable } of secrets) {
      if (!value) continue;
      const marker = markerFor(variable);
      // The raw value and its URL-encoded forms (a token in a query string).
      const forms = new Set([value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)]);
      for (const text of forms) {
        this.#headerNeedles.push({ text, marker });
        if (text.length >= MIN_SEARCHABLE_SECRET) this.#needles.push({ text, marker });
      }
    }
    // Longest first, so a value that contains another is replaced whole.
    this.#needles.sort((a, b) => b.text.length - a.text.length);
    this.#headerNeedles.sort((a, b) => b.text.length - a.text.length);
  }

  /** Longest secret form, for callers that capture a prefix of a stream and must not cut a secret in two. */
  get maxSecretLength(): number {
    return this.#headerNeedles[0]?.text.length ?? 0;
  }

  /** Free text (bodies, messages): known secrets → markers, credential-named JSON members → `[redacted]`. */
  text(input: string): string {
    let out = input;
    for (const { text, marker } of this.#needles) {
      if (out.includes(text)) out = out.split(text).join(marker);
    }
    if (out.includes('"')) out = out.replace(SENSITIVE_JSON_RE, (_, head: string) => `${head}"${REDACTED}"`);
    return out;
  }

  /** A URL: known secrets → markers, credential-named query parameters → `[redacted]`, userinfo dropped. */
  url(input: string): string {
    let out = this.text(input);
    try {
      const url = new URL(out);
      let changed = false;
      if (url.username || url.password) {
        url.username = '';
        url.password = '';
        changed = true;
      }
      for (const key of [...url.searchParams.keys()]) {
        if (SENSITIVE_PARAM_RE.test(key)) {
          url.searchParams.set(key, REDACTED);
          changed = true;
        }
      }
      if (changed) out = url.toString();
    } catch {
      // Not an absolute URL: the text redaction above is all we can do.
    }
    return out;
  }

  /** One header value, by header name. */
  header(name: string, value: string): string {
    const lower = name.toLowerCase();
    if (!SENSITIVE_HEADERS.has(lower)) return this.text(value);
    if (this.#public.has(value.replace(/^\S+\s+/, ''))) return value;
    let out = value;
    for (const { text, marker } of this.#headerNeedles) {
      if (out.includes(text)) out = out.split(text).join(marker);
    }
    if (out !== value && !this.#leftover(out)) return out;
    // Unknown credential: keep the scheme word (`token`, `JWT`) when there is one, it helps a reader.
    const scheme = /^(token|bearer|basic|jwt)\s+/i.exec(value)?.[1];
    return scheme && lower.endsWith('authorization') ? `${scheme} ${REDACTED}` : REDACTED;
  }

  /** A header map: values redacted, names lower-cased; array values joined with `, `. */
  headers(input: Readonly<Record<string, string | readonly string[] | undefined>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(input)) {
      if (value === undefined) continue;
      const joined = typeof value === 'string' ? value : value.join(', ');
      out[name.toLowerCase()] = this.header(name, joined);
    }
    return out;
  }

  /** An error: message and stack redacted in place (and along the `cause` chain); returns the same error. */
  error<E>(error: E): E {
    const seen = new Set<unknown>();
    let current: unknown = error;
    while (current instanceof Error && !seen.has(current)) {
      seen.add(current);
      try {
        current.message = this.text(current.message);
        if (current.stack) current.stack = this.text(current.stack);
      } catch {
        // Frozen or exotic error objects: leave them; our own messages are built from redacted parts.
      }
      current = (current as { cause?: unknown }).cause;
    }
    return error;
  }

  // After replacing known secrets, anything left after the scheme word besides markers is unknown.
  #leftover(value: string): boolean {
    return (
      value
        .replace(/^\S+\s+/, '')
        .replace(MARKER_RE, '')
        .trim().length > 0
    );
  }
}
