/**
 * The drift catalog: named deviations from the documented contract (docs/sources.md), one
 * served at a time with `drift: NAME`. Each names the operation whose documented contract it breaks and the
 * contract check ids of which at least one must fail while it is on (issue 5 proves this). Nothing here is a
 * deviation from something the documentation leaves open (our reading, docs/sources.md): 200 vs 204 for PATCH, missing zones in
 * API & Web dates, `Retry-After` on 429 and the like are never drifts. A few drifts break only what we assume
 * where the documentation is silent (issue 13): they say so (`assumed`), and are caught as warnings by default
 * and as failures under `--strict`.
 */
import type { DriftDefinition } from './drift-definition.ts';
import { APIWEB_DRIFTS } from './drifts-apiweb.ts';
import { REST_LIST_DRIFTS } from './drifts-rest-lists.ts';
import { REST_USER_DRIFTS } from './drifts-rest-users.ts';
import { V1_DRIFTS } from './drifts-v1.ts';

export type { DriftDefinition } from './drift-definition.ts';

const CATALOG = [...V1_DRIFTS, ...REST_USER_DRIFTS, ...REST_LIST_DRIFTS, ...APIWEB_DRIFTS] as const;

export type DriftName = (typeof CATALOG)[number]['name'];

export const DRIFTS: readonly DriftDefinition[] = CATALOG;

const BY_NAME: ReadonlyMap<string, DriftDefinition> = new Map(DRIFTS.map((d) => [d.name, d]));

export function findDrift(name: string): DriftDefinition | undefined {
  return BY_NAME.get(name);
}

export function isDriftName(name: string): name is DriftName {
  return BY_NAME.has(name);
}
