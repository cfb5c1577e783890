/**
 * Snyk REST API versions, the one grammar of the project: the configuration, the command line, the contract
 * checks and the mock tenant all read versions here. A version is a release date with an optional stability
 * suffix (https://docs.snyk.io/snyk-api/rest-api/about-the-rest-api#versioning; the OpenAPI spec's
 * `ActualVersion` pattern): `YYYY-MM-DD` is the GA release of that date, `YYYY-MM-DD~beta` beta or better,
 * `~experimental` experimental or better, `~wip` (also spelled `~work-in-progress`) anything. A request's
 * `version` (the spec's `QueryVersion`) may also be a bare stability name, which floats to today: meant for
 * browsing, not for clients.
 */
export type Stability = 'wip' | 'experimental' | 'beta' | 'ga';

export interface RestVersion {
  /** `YYYY-MM-DD`. */
  date: string;
  stability: Stability;
}

// The spec's ActualVersion pattern, with the parts captured: year, month, day, stability suffix.
const VERSION = /^(\d{4})-([01]\d)-(0[1-9]|[12]\d|3[01])(?:~(wip|work-in-progress|experimental|beta))?$/;
const FLOATING: ReadonlySet<string> = new Set(['wip', 'work-in-progress', 'experimental', 'beta']);

const STABILITY_RANK: Readonly<Record<Stability, number>> = { wip: 0, experimental: 1, beta: 2, ga: 3 };

/** Orders stabilities: wip < experimental < beta < ga. */
export const stabilityRank = (s: Stability): number => STABILITY_RANK[s];

const stabilityOf = (suffix: string | undefined): Stability =>
  suffix === undefined ? 'ga' : suffix === 'work-in-progress' ? 'wip' : (suffix as Stability);

/** Whether `text` has the spec's ActualVersion shape (what `snyk-version-served` holds); the date is not checked. */
export function isActualVersion(text: string): boolean {
  return VERSION.test(text);
}

/** Whether `text` is a spec QueryVersion (what `version` and `snyk-version-requested` hold). */
export function isQueryVersion(text: string): boolean {
  return FLOATING.has(text) || VERSION.test(text);
}

/** The ActualVersion grammar as a JSON Schema `pattern` (what `snyk-version-served` holds). */
export const ACTUAL_VERSION_PATTERN = VERSION.source;

/** The QueryVersion grammar as a JSON Schema `pattern` (an OpenAPI document describing the `version` parameter). */
export const QUERY_VERSION_PATTERN = `^(?:wip|work-in-progress|experimental|beta|${VERSION.source.slice(1, -1)})$`;

/** A version with a date that exists (2024-02-30 does not), or undefined. No floating names. */
export function parseRestVersion(text: string): RestVersion | undefined {
  const m = VERSION.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
  return { date: `${m[1]}-${m[2]}-${m[3]}`, stability: stabilityOf(m[4]) };
}

/** The stability a floating QueryVersion (`beta`, `work-in-progress`…) asks for, or undefined. */
export function floatingStability(text: string): Stability | undefined {
  return FLOATING.has(text) ? stabilityOf(text) : undefined;
}
