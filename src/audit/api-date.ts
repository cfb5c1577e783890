/**
 * Date reading for the audit: the project's one API date parser (src/model/dates.ts; NOTES.md: with and
 * without a zone, 3–7 fractional digits, no zone = UTC), widened for the audit so that a judgement does not
 * turn `unknown` over spelling alone: a space instead of `T`, a `+HHMM` offset without colon, and a bare
 * date (midnight UTC; v1 `created` is untyped, snyk-api.md §6.1) are read too. Anything else that is not a
 * date string is undefined (the rules then say `unknown`, never pass).
 */
import { parseApiDate as parseModelDate } from '../model/dates.ts';

/** Epoch milliseconds of an API date-time, or undefined when the value is not a readable date. */
export function parseApiDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const strict = parseModelDate(text);
  if (strict !== undefined) return strict;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseModelDate(`${text}T00:00:00Z`);
  const lenient = text.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return lenient === text ? undefined : parseModelDate(lenient);
}

export const DAY_MS = 86_400_000;
