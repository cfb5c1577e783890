/** Query-parameter parsing shared by the REST handlers; problems come back as `{parameter, detail}` for a 400. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 3339 date-time, as the spec's `format: date-time` and the audit-log parameter descriptions ask. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function parseDateTime(value: string): number | undefined {
  if (!DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value.toUpperCase());
  return Number.isNaN(ms) ? undefined : ms;
}

export function parseInteger(value: string): number | undefined {
  return /^-?\d{1,9}$/.test(value) ? Number.parseInt(value, 10) : undefined;
}

/** Parameters a route does not declare: Snyk answers 400 "Unknown query parameter" (about-the-rest-api.md). */
export function unknownParameter(query: URLSearchParams, allowed: readonly string[]): string | undefined {
  for (const key of query.keys()) if (key !== 'version' && !allowed.includes(key)) return key;
  return undefined;
}

/** A single-valued parameter sent more than once is ambiguous: 400. */
export function repeatedParameter(query: URLSearchParams, single: readonly string[]): string | undefined {
  return single.find((name) => query.getAll(name).length > 1);
}
