/**
 * REST releases per operation (`x-snyk-api-releases`, REST spec) and the
 * stability order the version router uses (sweater-comb docs/principles/version.md).
 */
import type { OperationName } from '../../model/operations.ts';
import type { Stability } from '../../model/rest-version.ts';

export type { Stability };
export const STABILITY_RANK: Readonly<Record<Stability, number>> = { wip: 0, experimental: 1, beta: 2, ga: 3 };

export interface Release {
  date: string;
  stability: Stability;
  /** As served in `snyk-version-served`: the date, with `~stability` unless GA. */
  text: string;
}

export type RestOperationName = Extract<OperationName, `${string} /rest/${string}`>;

const TABLE: Readonly<Record<RestOperationName, readonly string[]>> = {
  'GET /rest/self': ['2022-03-01~experimental', '2022-09-14~experimental', '2024-04-22'],
  'GET /rest/orgs/{org_id}/users/{id}': ['2021-09-13~beta'],
  'PATCH /rest/groups/{group_id}/users/{id}': ['2022-10-06~beta'],
  'GET /rest/orgs/{org_id}/memberships': ['2024-05-09~experimental', '2024-08-25'],
  'GET /rest/groups/{group_id}/memberships': ['2024-05-09~experimental', '2024-08-25'],
  'GET /rest/groups/{group_id}/audit_logs/search': ['2023-09-11', '2024-04-29'],
  'GET /rest/orgs/{org_id}/audit_logs/search': ['2023-09-11', '2024-04-29'],
};

/** The REST operations the mock routes, in the table's order. */
export const REST_OPERATION_NAMES = Object.keys(TABLE) as RestOperationName[];

export function parseRelease(text: string): Release {
  const [date, stability] = text.split('~') as [string, Stability | undefined];
  return { date, stability: stability ?? 'ga', text };
}

const PARSED = new Map<RestOperationName, readonly Release[]>(
  (Object.entries(TABLE) as [RestOperationName, readonly string[]][]).map(([op, list]) => [op, list.map(parseRelease)]),
);

export function releasesOf(op: RestOperationName): readonly Release[] {
  return PARSED.get(op) ?? [];
}
