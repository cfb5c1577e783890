/**
 * Parsing of the timestamps the three APIs send.
 *
 * Snyk REST and v1 send RFC 3339 (`2024-04-15T19:49:01.920Z`); Snyk API & Web sends ISO 8601 with 3 to 7
 * fractional digits, sometimes without a zone: `2023-08-09T13:27:43.8208302` in the docs (users-list docs, "ISO 8601
 * UTC format"), `2022-05-16T11:50:53.914329Z` recorded (the graph-probely recording). A value without a zone is UTC, as the
 * documentation says. The grammar is the one the `apiweb-date-time` schema format accepts (src/schema/formats.ts),
 * so a value that passed schema validation always parses.
 */
import { matchApiDate } from '../schema/formats.ts';

/**
 * Epoch milliseconds of an API timestamp, or undefined when it is not one.
 *
 * Accepts `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1–9 digits (truncated to milliseconds), and an optional
 * zone (`Z` or `±HH:MM`; none means UTC). Rejects impossible dates (30 February, hour 24) and leap seconds.
 */
export function parseApiDate(value: string): number | undefined {
  const parts = matchApiDate(value);
  if (!parts) return undefined;
  const ms = Number(parts.fraction.padEnd(3, '0').slice(0, 3));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second, ms);
  return date.getTime() - (parts.offsetMinutes ?? 0) * 60_000;
}

/**
 * Whether an API timestamp carries a zone designator (`Z` or `±HH:MM`). False for a value without one and for
 * a value that is not an API timestamp at all. A missing zone is a warning or a failure depending on the
 * date strictness setting (our reading: the docs example has no zone, recorded values do).
 */
export function hasZone(value: string): boolean {
  const parts = matchApiDate(value);
  return parts !== undefined && parts.offsetMinutes !== undefined;
}
