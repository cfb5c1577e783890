/**
 * parseApiDate / hasZone (src/model/dates.ts): every spelling the three APIs use parses to the same instant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasZone, parseApiDate } from '../../src/model/dates.ts';
import { isApiwebDateTime } from '../../src/schema/formats.ts';

const SEED = Number(process.env.SNYK_TENANT_CHECK_TEST_SEED ?? 424242);
console.log(`dates.test.ts fast-check seed: ${SEED}`);

describe('parseApiDate', () => {
  it('should read the documented API & Web example (7 digits, no zone) as UTC', () => {
    expect(parseApiDate('2023-08-09T13:27:43.8208302')).toBe(Date.UTC(2023, 7, 9, 13, 27, 43, 820));
  });

  it('should read recorded and REST timestamps with a Z', () => {
    expect(parseApiDate('2022-05-16T11:50:53.914329Z')).toBe(Date.UTC(2022, 4, 16, 11, 50, 53, 914));
    expect(parseApiDate('2024-04-15T19:49:01.920Z')).toBe(Date.UTC(2024, 3, 15, 19, 49, 1, 920));
    expect(parseApiDate('2022-03-16T00:00:00Z')).toBe(Date.UTC(2022, 2, 16));
  });

  it('should apply offsets', () => {
    expect(parseApiDate('2024-03-01T12:00:00+02:00')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(parseApiDate('2024-03-01T00:30:00-05:30')).toBe(Date.UTC(2024, 2, 1, 6));
  });

  it('should truncate fractions beyond milliseconds and pad shorter ones', () => {
    expect(parseApiDate('2024-03-01T00:00:00.9999999Z')).toBe(Date.UTC(2024, 2, 1, 0, 0, 0, 999));
    expect(parseApiDate('2024-03-01T00:00:00.5Z')).toBe(Date.UTC(2024, 2, 1, 0, 0, 0, 500));
    expect(parseApiDate('2024-03-01T00:00:00.123456789Z')).toBe(Date.UTC(2024, 2, 1, 0, 0, 0, 123));
  });

  it('should not shift years below 100', () => {
    expect(new Date(parseApiDate('0050-01-01T00:00:00Z') ?? Number.NaN).toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });

  it('should return undefined for values that are not timestamps or are impossible', () => {
    for (const value of ['', 'Date', '2024-03-01', '2023-02-29T00:00:00Z', '2024-03-01T24:00:00Z', '2024-03-01T10:00']) {
      expect(parseApiDate(value), value).toBeUndefined();
    }
  });

  it('should parse every Date.toISOString() value, with and without its Z, to the same instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 9999 }),
        (date, extra) => {
          const iso = date.toISOString(); // always Z, 3 digits
          const seven = iso.replace('Z', String(extra).padStart(4, '0')); // docs style: 7 digits, no zone
          return (
            parseApiDate(iso) === date.getTime() &&
            parseApiDate(seven) === date.getTime() &&
            hasZone(iso) &&
            !hasZone(seven) &&
            isApiwebDateTime(seven)
          );
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('should agree with Date.parse on zoned RFC 3339 values', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (date, offset) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const value = `${local}${zone}`;
          return parseApiDate(value) === Date.parse(value) && parseApiDate(value) === date.getTime();
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('hasZone', () => {
  it('should tell a zoned timestamp from one without a zone', () => {
    expect(hasZone('2022-05-16T11:50:53.914329Z')).toBe(true);
    expect(hasZone('2024-03-01T12:00:00+02:00')).toBe(true);
    expect(hasZone('2023-08-09T13:27:43.8208302')).toBe(false);
  });

  it('should be false for a value that is not a timestamp', () => {
    expect(hasZone('Z')).toBe(false);
    expect(hasZone('2023-02-30T00:00:00Z')).toBe(false);
  });
});
