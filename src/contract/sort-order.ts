/**
 * Lenient order judgements. The documentation names the sort field and direction but never the collation,
 * so a sequence counts as sorted when it is sorted under any reasonable comparison: code units, code units
 * after lower-casing (case-insensitive), or locale order; dates compare as instants (any precision or zone
 * form); missing and null values are left out (their place is not documented).
 */
import { parseApiDate } from '../model/dates.ts';

export type Direction = 'asc' | 'desc';

type Comparator = (a: string, b: string) => number;

const codeUnit: Comparator = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const caseInsensitive: Comparator = (a, b) => codeUnit(a.toLowerCase(), b.toLowerCase());
const locale: Comparator = (a, b) => a.localeCompare(b);
const localeBase: Comparator = (a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' });

function sortedBy<T>(values: readonly T[], cmp: (a: T, b: T) => number, direction: Direction): number {
  for (let i = 1; i < values.length; i++) {
    const c = cmp(values[i - 1]!, values[i]!);
    if (direction === 'asc' ? c > 0 : c < 0) return i;
  }
  return -1;
}

export interface OrderVerdict {
  sorted: boolean;
  /** The first position that breaks the order under the most lenient comparison. */
  at?: number;
  pair?: [unknown, unknown];
}

/** Whether `raw` values (strings, numbers, booleans, dates as text) are in `direction` order. */
export function judgeOrder(raw: readonly unknown[], direction: Direction, kind: 'text' | 'date' | 'auto' = 'auto'): OrderVerdict {
  const values = raw.filter((v) => v !== null && v !== undefined && v !== '');
  if (values.length < 2) return { sorted: true };
  const asDates = kind === 'date' || (kind === 'auto' && values.every((v) => typeof v === 'string' && parseApiDate(v) !== undefined));
  if (asDates) {
    const ms = values.map((v) => parseApiDate(String(v)) ?? Number.NaN);
    const at = sortedBy(ms, (a, b) => a - b, direction);
    return at < 0 ? { sorted: true } : { sorted: false, at, pair: [values[at - 1], values[at]] };
  }
  if (values.every((v) => typeof v === 'number' || typeof v === 'boolean')) {
    const nums = values.map((v) => Number(v));
    const at = sortedBy(nums, (a, b) => a - b, direction);
    return at < 0 ? { sorted: true } : { sorted: false, at, pair: [values[at - 1], values[at]] };
  }
  const texts = values.map((v) => String(v));
  let worst = -1;
  for (const cmp of [caseInsensitive, codeUnit, locale, localeBase]) {
    const at = sortedBy(texts, cmp, direction);
    if (at < 0) return { sorted: true };
    worst = Math.max(worst, at);
  }
  return { sorted: false, at: worst, pair: [texts[worst - 1], texts[worst]] };
}

/** Whether every value equals the first (an order that says nothing). */
export const allEqual = (values: readonly unknown[]): boolean => values.every((v) => v === values[0]);
