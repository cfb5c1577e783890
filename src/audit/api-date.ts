/**
 * Date reading for the audit: the project's one API date parser (src/model/dates.ts; users-list docs and the graph-probely recording: with and
 * without a zone, 3–7 fractional digits, no zone = UTC), widened for the audit so that a judgement does not
 * turn `unknown` over spelling alone: a space instead of `T`, a `+HHMM` offset without colon, and a bare
 * date (midnight UTC; v1 `created` is untyped in the v1 spec) are read too. Anything else that is not a
 * date string is undefined (the rules then say `unknown`, never pass).
 *
 * Every API & Web user carries a `last_login`, so this runs once per record of a 100k-user tenant: the
 * documented spelling is read by a scanner over char codes (no regular expression, no Date object), and
 * everything else goes the model parser's way. Both give the same instant for every string the scanner
 * accepts (test/audit/hot-path.test.ts checks that on generated dates).
 */
import { parseApiDate as parseModelDate } from '../model/dates.ts';

/** Epoch milliseconds of an API date-time, or undefined when the value is not a readable date. */
export function parseApiDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const fast = scanApiDate(value);
  if (fast !== undefined) return fast;
  const text = value.trim();
  const strict = parseModelDate(text);
  if (strict !== undefined) return strict;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseModelDate(`${text}T00:00:00Z`);
  const lenient = text.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return lenient === text ? undefined : parseModelDate(lenient);
}

export const DAY_MS = 86_400_000;

const ZERO = 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two (or four) decimal digits at `at`, or -1. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.f{1,9}][Z|z|±HH:MM]` (src/schema/formats.ts API_DATE_TIME_PATTERN) with a year of at
 * least 100 (Date.UTC maps 0–99 to 1900–1999; the model parser handles those), else undefined: the caller
 * then takes the general path, which also reports what this one rejects.
 */
export function scanApiDate(s: string): number | undefined {
  const n = s.length;
  if (n < 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  let i = 19;
  let ms = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n) {
      const d = s.charCodeAt(i) - ZERO;
      if (d < 0 || d > 9) break;
      // Milliseconds are the first three digits (truncated, as the model parser does).
      if (i - start < 3) ms = ms * 10 + d;
      i++;
    }
    const count = i - start;
    if (count === 0 || count > 9) return undefined;
    if (count === 1) ms *= 100;
    else if (count === 2) ms *= 10;
  }
  let offset = 0;
  if (i < n) {
    const z = s.charCodeAt(i);
    if ((z === 90 || z === 122) && i + 1 === n) offset = 0;
    else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
      const oh = digits(s, i + 1, 2);
      const om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
      offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
    } else return undefined;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}
