/**
 * The tenant's own OpenAPI document for a REST version, read through the client: `GET /rest/openapi/{version}`
 * (Snyk REST OpenAPI spec, `getAPIVersion`: "Get OpenAPI specification effective at version"; the list of
 * versions is `GET /rest/openapi`, `listAPIVersions`). Both are GET requests without a `version` query
 * parameter. A tenant that does not serve them (a gateway in front of the API, a private deployment) gives
 * `available: false` with the reason, never an error.
 */
import type { TenantClient } from '../client/types.ts';
import { DocumentValidator } from '../schema/document-validator.ts';
import type { CheckContext } from './check-context.ts';

export type ServedSpec =
  | {
      available: true;
      /** The version asked for. */
      version: string;
      /** `snyk-version-served` of the document, when sent. */
      served?: string;
      document: Record<string, unknown>;
      validator: DocumentValidator;
    }
  | { available: false; version: string; reason: string };

/** Reads the document effective at `version` (one GET). */
export async function fetchServedSpec(client: TenantClient, version: string): Promise<ServedSpec> {
  const response = await client.send({
    operation: 'GET /rest/openapi/{version}',
    api: 'rest',
    method: 'GET',
    path: `/rest/openapi/${encodeURIComponent(version)}`,
    version: null,
  });
  const json = response.json;
  if (response.status !== 200) {
    return { available: false, version, reason: `GET /rest/openapi/${version} answered ${response.status}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json) || typeof (json as { paths?: unknown }).paths !== 'object') {
    return { available: false, version, reason: `GET /rest/openapi/${version} did not answer an OpenAPI document` };
  }
  const document = json as Record<string, unknown>;
  const served = response.headers['snyk-version-served'];
  return { available: true, version, ...(served ? { served } : {}), document, validator: new DocumentValidator(document) };
}

/** The served document for `version`, read once per check context. */
export function servedSpecFor(ctx: CheckContext, version: string): Promise<ServedSpec> {
  return ctx.memo(`served-spec:${version}`, () => fetchServedSpec(ctx.client, version));
}
