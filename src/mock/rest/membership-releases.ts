/**
 * What the memberships lists' releases serve differently. Both lists were released as
 * `2024-05-09~experimental` before their GA `2024-08-25` (`x-snyk-api-releases`, Snyk REST OpenAPI spec);
 * Snyk no longer publishes the experimental document, so its shape here is the mock's reading, kept in one
 * place so that the served body and the served spec (`GET /rest/openapi/{version}`) always agree:
 * - the experimental items carried a required `attributes.updated_at`, which GA removed (a breaking change,
 *   oasdiff `response-required-property-removed`);
 * - GA added the user's `login_method` (a field addition, oasdiff `response-optional-property-added`).
 */
import type { Release } from './releases.ts';

/** The changes from the experimental release to GA, as `compare` classifies them (docs/mock.md is rendered from this). */
export const MEMBERSHIP_RELEASE_CHANGES = [
  {
    from: '2024-05-09~experimental',
    to: '2024-08-25',
    path: 'data[].attributes.updated_at',
    change: 'removed (was required)',
    rule: 'response-required-property-removed',
    breaking: true,
  },
  {
    from: '2024-05-09~experimental',
    to: '2024-08-25',
    path: 'data[].relationships.user.data.attributes.login_method',
    change: 'added',
    rule: 'response-optional-property-added',
    breaking: false,
  },
] as const;

/** Whether a served memberships release has the experimental shape. */
export function hasExperimentalMembershipShape(release: Release): boolean {
  return release.stability === 'experimental';
}

type Json = Record<string, unknown>;

/** The experimental variant of a memberships list schema (`schemas/rest/{org,group}-membership-list`), a copy. */
export function experimentalMembershipSchema(schema: Json): Json {
  const copy = structuredClone(schema);
  const defs = copy.$defs as Record<string, Json>;
  for (const [name, def] of Object.entries(defs)) {
    if (name.endsWith('MembershipAttributes')) {
      const properties = def.properties as Json;
      properties.updated_at = { type: 'string', format: 'date-time', description: 'The time when this membership was last updated' };
      def.required = [...((def.required as string[] | undefined) ?? []), 'updated_at'];
    }
    if (name.endsWith('MembershipUserData')) {
      const data = (def.properties as Record<string, Json>).data!;
      const attributes = (data.properties as Record<string, Json>).attributes!;
      delete (attributes.properties as Json).login_method;
    }
  }
  return copy;
}
