/**
 * REST version negotiation (about-the-rest-api, versioning; vervet versionware): `version` is required; a malformed date or
 * one after today is 400; otherwise the newest release on or before the date at the requested stability or
 * a more stable one is served, and none is 404. A release superseded by a later one (at the same or a more
 * stable level) is `deprecated`, with `deprecation` = the superseding release's date and `sunset` = that
 * date plus the stability's window (GA 180 days, beta and experimental 90 days; sweater-comb).
 */
import { floatingStability, isQueryVersion, parseRestVersion } from '../../model/rest-version.ts';
import { DAY_MS, isoDate } from '../clock.ts';
import type { RestLifecycleOverride } from '../options.ts';
import type { Release, RestOperationName, Stability } from './releases.ts';
import { releasesOf, STABILITY_RANK } from './releases.ts';

export type LifecycleStage = 'wip' | 'experimental' | 'beta' | 'ga' | 'deprecated' | 'sunset';

export type VersionResolution =
  | { ok: true; requested: string; served: Release; stage: LifecycleStage; deprecation?: string; sunset?: string }
  | { ok: false; status: 400 | 404; requested?: string; detail: string };

const WINDOW_DAYS: Readonly<Record<Stability, number>> = { ga: 180, beta: 90, experimental: 90, wip: 90 };

export function resolveVersion(
  op: RestOperationName,
  requested: string | null,
  today: string,
  overrides: readonly RestLifecycleOverride[],
): VersionResolution {
  if (requested === null || requested === '') {
    return { ok: false, status: 400, detail: "missing required query parameter 'version'" };
  }
  // Floating `beta`, `experimental`…: today's release at that stability (not for client code).
  const floating = floatingStability(requested);
  const version = floating ? { date: today, stability: floating } : parseRestVersion(requested);
  if (!version) return { ok: false, status: 400, requested, detail: `invalid version '${requested}'` };
  const { date, stability } = version;
  if (date > today) return { ok: false, status: 400, requested, detail: 'requested version newer than present date' };

  const releases = releasesOf(op);
  const candidates = releases.filter((r) => r.date <= date && STABILITY_RANK[r.stability] >= STABILITY_RANK[stability]);
  if (candidates.length === 0) {
    return { ok: false, status: 404, requested, detail: `no version of this resource matches '${requested}'` };
  }
  const served = candidates.reduce((best, r) =>
    r.date > best.date || (r.date === best.date && STABILITY_RANK[r.stability] > STABILITY_RANK[best.stability])
      ? r
      : best,
  );
  const resolution: VersionResolution = { ok: true, requested, served, stage: served.stability };
  const successor = releases
    .filter(
      (r) => r.date > served.date && r.date <= today && STABILITY_RANK[r.stability] >= STABILITY_RANK[served.stability],
    )
    .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  if (successor) {
    resolution.stage = 'deprecated';
    resolution.deprecation = `${successor.date}T00:00:00Z`;
    resolution.sunset = isoDate(Date.parse(`${successor.date}T00:00:00Z`) + WINDOW_DAYS[served.stability] * DAY_MS);
  }
  for (const o of overrides) {
    if (o.operation !== undefined && o.operation !== op) continue;
    if (o.served !== undefined && o.served !== served.text) continue;
    if (o.deprecation !== undefined) {
      resolution.deprecation = o.deprecation;
      resolution.stage = 'deprecated';
    }
    if (o.sunset !== undefined) resolution.sunset = o.sunset;
  }
  return resolution;
}

/** The version headers declared on every REST response (spec components/headers). */
export function versionHeaders(
  requestId: string,
  resolution: VersionResolution | undefined,
  requested: string | null,
): Record<string, string> {
  const headers: Record<string, string> = { 'snyk-request-id': requestId };
  // Echoed only when it is a QueryVersion: the header's documented schema (and a malformed value could be unsafe in a header).
  if (requested !== null && isQueryVersion(requested)) headers['snyk-version-requested'] = requested;
  if (resolution?.ok) {
    headers['snyk-version-served'] = resolution.served.text;
    headers['snyk-version-lifecycle-stage'] = resolution.stage;
    if (resolution.deprecation) headers.deprecation = resolution.deprecation;
    if (resolution.sunset) headers.sunset = resolution.sunset;
  }
  return headers;
}
