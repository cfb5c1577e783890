/**
 * Custom ajv formats for dates that `date-time` (RFC 3339, zone required) cannot describe.
 *
 * Snyk API & Web (users-list docs) documents its timestamps as "ISO 8601 UTC format. For example,
 * "2023-08-09T13:27:43.8208302"" — seven fractional digits and no zone designator — while recorded responses
 * carry `2022-05-16T11:50:53.914329Z` (the graph-probely recording). Both must parse. Whether a missing zone is a contract
 * failure or a warning is a documented strictness setting, so there are two formats:
 *
 * - `apiweb-date-time`: zone optional (`Z`, `±HH:MM`, or none = UTC), 0–9 fractional digits. Used by the
 *   schemas; under the strictness setting `zone-required` the registry gives this name the zoned rule.
 * - `apiweb-date-time-zoned`: the same grammar with the zone required. Always registered under its own name.
 *
 * Both reject impossible calendar values (month 13, 30 February, hour 24, second 60: Django/DRF, which serves
 * this API, cannot produce a leap second).
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';

export const APIWEB_DATE_TIME = 'apiweb-date-time';
export const APIWEB_DATE_TIME_ZONED = 'apiweb-date-time-zoned';

/**
 * How `apiweb-date-time` treats a timestamp without a zone designator.
 * `zone-optional` (default): accepted as UTC, as the documentation example requires.
 * `zone-required`: rejected (the strict setting; a missing zone becomes a schema failure).
 */
export type ApiwebDateStrictness = 'zone-optional' | 'zone-required';

/**
 * Groups: 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 fraction (without the dot), 8 zone
 * (`Z`, `z` or `±HH:MM`). `T` and `Z` are case-insensitive as RFC 3339 §5.6 allows.
 */
export const API_DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The parts of a syntactically and calendrically valid API timestamp, or undefined. */
export interface ApiDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The fractional digits as written (0–9 digits, '' when absent). */
  fraction: string;
  /** Offset from UTC in minutes; undefined when the value has no zone designator. */
  offsetMinutes: number | undefined;
}

export function matchApiDate(value: string): ApiDateParts | undefined {
  const m = API_DATE_TIME_PATTERN.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12) return undefined;
  const maxDay = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day < 1 || day > maxDay) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes: number | undefined;
  if (zone === undefined) offsetMinutes = undefined;
  else if (zone === 'Z' || zone === 'z') offsetMinutes = 0;
  else {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return { year, month, day, hour, minute, second, fraction, offsetMinutes };
}

/** `apiweb-date-time`: an API & Web timestamp with or without a zone designator. */
export function isApiwebDateTime(value: string): boolean {
  return matchApiDate(value) !== undefined;
}

/** `apiweb-date-time-zoned`: an API & Web timestamp that carries a zone designator. */
export function isZonedApiwebDateTime(value: string): boolean {
  const parts = matchApiDate(value);
  return parts !== undefined && parts.offsetMinutes !== undefined;
}

/** Registers the custom formats on an ajv instance. */
export function addApiFormats(ajv: Ajv2020, strictness: ApiwebDateStrictness = 'zone-optional'): void {
  ajv.addFormat(APIWEB_DATE_TIME, {
    type: 'string',
    validate: strictness === 'zone-required' ? isZonedApiwebDateTime : isApiwebDateTime,
  });
  ajv.addFormat(APIWEB_DATE_TIME_ZONED, { type: 'string', validate: isZonedApiwebDateTime });
}
