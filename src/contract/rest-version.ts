/**
 * Helpers of the version checks: lifecycle stages, dates and ids in REST headers. The version grammar
 * itself is src/model/rest-version.ts.
 */
import { parseRestVersion, type RestVersion } from '../model/rest-version.ts';

export { isActualVersion, isQueryVersion, stabilityRank } from '../model/rest-version.ts';
export const LIFECYCLE_STAGES = ['wip', 'experimental', 'beta', 'ga', 'deprecated', 'sunset'] as const;

/** A version as a header or the configuration gives it (surrounding blanks ignored), or undefined. */
export function parseVersion(text: string): RestVersion | undefined {
  return parseRestVersion(text.trim());
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);

/** `sunset`: the spec says date-time, its description `YYYY-MM-DD` (REST spec, `sunset` header): both accepted. */
export function isDateOrDateTime(value: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  return /^\d{4}-\d{2}-\d{2}[Tt ]/.test(value) && !Number.isNaN(Date.parse(value));
}
