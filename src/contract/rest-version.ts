/**
 * REST version strings (about-the-rest-api, versioning; spec QueryVersion / ActualVersion; sweater-comb version.md):
 * `YYYY-MM-DD` is the GA tree, `YYYY-MM-DD~beta` beta-or-better, `~experimental` experimental-or-better.
 */
export const QUERY_VERSION_RE =
  /^(wip|work-in-progress|experimental|beta|((([0-9]{4})-([0-1][0-9]))-((3[01])|(0[1-9])|([12][0-9]))(~(wip|work-in-progress|experimental|beta))?))$/;
export const ACTUAL_VERSION_RE =
  /^((([0-9]{4})-([0-1][0-9]))-((3[01])|(0[1-9])|([12][0-9]))(~(wip|work-in-progress|experimental|beta))?)$/;
export const LIFECYCLE_STAGES = ['wip', 'experimental', 'beta', 'ga', 'deprecated', 'sunset'] as const;

export type Stability = 'wip' | 'experimental' | 'beta' | 'ga';

export interface ParsedVersion {
  date: string;
  stability: Stability;
}

const STABILITY_RANK: Record<Stability, number> = { wip: 0, experimental: 1, beta: 2, ga: 3 };

export function parseVersion(text: string): ParsedVersion | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:~(wip|work-in-progress|experimental|beta))?$/.exec(text.trim());
  if (!m) return undefined;
  const date = m[1]!;
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return undefined;
  const raw = m[2];
  const stability: Stability = raw === undefined ? 'ga' : raw === 'work-in-progress' ? 'wip' : (raw as Stability);
  return { date, stability };
}

export const stabilityRank = (s: Stability): number => STABILITY_RANK[s];

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
