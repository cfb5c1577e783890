/**
 * The API & Web date formats: both documented spellings pass, impossible or malformed values do not, and the
 * zoned variant requires the zone.
 */
import { describe, expect, it } from 'vitest';
import { isApiwebDateTime, isZonedApiwebDateTime } from '../../src/schema/formats.ts';

// [value, accepted without a zone requirement, accepted with the zone required]
const CASES: readonly (readonly [string, boolean, boolean])[] = [
  ['2023-08-09T13:27:43.8208302', true, false], // the users-list docs' own example: 7 digits, no zone
  ['2022-05-16T11:50:53.914329Z', true, true], // recorded (graph-probely recording)
  ['2024-03-01T10:00:00.123Z', true, true],
  ['2024-03-01T10:00:00Z', true, true], // DRF drops a zero fraction
  ['2024-03-01T10:00:00', true, false],
  ['2024-03-01T10:00:00.123456789+02:00', true, true],
  ['2024-03-01T10:00:00.1-05:30', true, true],
  ['2024-03-01t10:00:00z', true, true], // RFC 3339 §5.6 allows lower case
  ['2024-02-29T00:00:00Z', true, true], // leap year
  ['2023-02-29T00:00:00Z', false, false],
  ['2024-04-31T00:00:00Z', false, false],
  ['2024-13-01T00:00:00Z', false, false],
  ['2024-00-10T00:00:00Z', false, false],
  ['2024-03-01T24:00:00Z', false, false],
  ['2024-03-01T23:60:00Z', false, false],
  ['2024-03-01T23:59:60Z', false, false], // no leap seconds from Django
  ['2024-03-01T10:00:00.1234567890Z', false, false], // more than 9 fractional digits
  ['2024-03-01T10:00:00.Z', false, false],
  ['2024-03-01T10:00:00+0200', false, false],
  ['2024-03-01T10:00:00+24:00', false, false],
  ['2024-03-01 10:00:00Z', false, false],
  ['2024-03-01', false, false],
  ['yesterday', false, false],
  ['', false, false],
];

describe('apiweb-date-time formats', () => {
  it.each(CASES)('should judge %s: zone optional → %s, zone required → %s', (value, lenient, zoned) => {
    expect(isApiwebDateTime(value)).toBe(lenient);
    expect(isZonedApiwebDateTime(value)).toBe(zoned);
  });
});
