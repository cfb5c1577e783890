/**
 * The OpenAPI document the mock serves at `GET /rest/openapi/{version}`: the REST operations it routes, each
 * as effective at that version (the release the version router would serve, versioning.ts), in OpenAPI 3.1
 * (its schema dialect is JSON Schema 2020-12, the dialect of schemas/). Response bodies are the project's
 * own schemas (schemas/rest/*.json, the single source of truth), bundled under `components/schemas` with
 * document-local `$ref`s as Snyk's own spec has them; operations carry Snyk's extensions
 * (`x-snyk-api-stability`, `x-snyk-api-version`, `x-snyk-api-releases`, `x-snyk-api-lifecycle`,
 * `x-snyk-api-resource`; Snyk REST OpenAPI spec, `paths.*`). Where a release differs from another, the
 * difference is written once (membership-releases.ts) and read by both the document and the handler.
 */
import { OPERATIONS, SCHEMA_BASE } from '../../model/operations.ts';
import { schemas } from '../../schema/registry.ts';
import type { RestLifecycleOverride } from '../options.ts';
import { experimentalMembershipSchema, hasExperimentalMembershipShape } from './membership-releases.ts';
import { OPENAPI_OPERATIONS } from './openapi-operations.ts';
import { releasesOf, STABILITY_RANK, type Release, type RestOperationName, type Stability } from './releases.ts';
import { ACTUAL_VERSION_PATTERN, isQueryVersion, QUERY_VERSION_PATTERN } from '../../model/rest-version.ts';
import { resolveVersion, type VersionResolution } from './versioning.ts';

type Json = Record<string, unknown>;

export type SpecResolution =
  | { ok: true; document: Json; served: string }
  | { ok: false; status: 400 | 404; detail: string };

export interface SpecOptions {
  today: string;
  overrides?: readonly RestLifecycleOverride[];
  /** Drift `org-memberships-spec-stale`: the org memberships list is documented with its experimental body. */
  staleOrgMembershipSpec?: boolean;
}

const REST_OPERATIONS = Object.keys(OPENAPI_OPERATIONS) as RestOperationName[];
const JSONAPI = 'application/vnd.api+json';

/** `org-membership-list` → `OrgMembershipList`. */
function componentName(id: string): string {
  const base = id.slice(id.lastIndexOf('/') + 1).replace(/\.schema\.json$/, '');
  return base.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

/** Rewrites a schema's `$ref`s to document-local ones, bundling every schema it references into `out`. */
function bundle(id: string, out: Record<string, Json>, name = componentName(id), transform?: (s: Json) => Json): string {
  if (out[name]) return name;
  const source = schemas().schema(id);
  const schema = structuredClone(transform ? transform(source) : source) as Json;
  delete schema.$schema;
  delete schema.$id;
  out[name] = schema;
  const rewrite = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) rewrite(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Json;
    for (const [key, value] of Object.entries(obj)) {
      if (key === '$ref' && typeof value === 'string') {
        if (value.startsWith('#')) {
          obj.$ref = `#/components/schemas/${name}${value.slice(1)}`;
        } else {
          const url = new URL(value, id);
          const fragment = url.hash.slice(1);
          url.hash = '';
          obj.$ref = `#/components/schemas/${bundle(url.href, out)}${fragment}`;
        }
      } else rewrite(value);
    }
  };
  rewrite(schema);
  return name;
}

const header = (name: string): Json => ({ $ref: `#/components/headers/${name}` });

const RESPONSE_HEADERS: Json = {
  deprecation: header('DeprecationHeader'),
  'snyk-request-id': header('RequestIdResponseHeader'),
  'snyk-version-lifecycle-stage': header('VersionStageResponseHeader'),
  'snyk-version-requested': header('VersionRequestedResponseHeader'),
  'snyk-version-served': header('VersionServedResponseHeader'),
  sunset: header('SunsetHeader'),
};

function operationObject(
  op: RestOperationName,
  resolution: Extract<VersionResolution, { ok: true }>,
  bundled: Record<string, Json>,
  options: SpecOptions,
): Json {
  const o = OPERATIONS[op];
  const meta = OPENAPI_OPERATIONS[op];
  const release = resolution.served;
  const memberships = op === 'GET /rest/orgs/{org_id}/memberships' || op === 'GET /rest/groups/{group_id}/memberships';
  const experimentalBody =
    memberships &&
    (hasExperimentalMembershipShape(release) || (op === 'GET /rest/orgs/{org_id}/memberships' && options.staleOrgMembershipSpec === true));
  const responses: Json = {};
  for (const status of Object.keys(o.responses).map(Number).sort((a, b) => a - b)) {
    const documented = o.responses[status]!;
    if (status >= 400) {
      responses[String(status)] = { $ref: `#/components/responses/${status}` };
      continue;
    }
    const response: Json = { description: meta.summary, headers: RESPONSE_HEADERS };
    if (documented.schema) {
      const name = experimentalBody
        ? bundle(documented.schema, bundled, `${componentName(documented.schema)}20240509`, experimentalMembershipSchema)
        : bundle(documented.schema, bundled);
      response.content = Object.fromEntries(documented.contentTypes.map((ct) => [ct, { schema: { $ref: `#/components/schemas/${name}` } }]));
    }
    responses[String(status)] = response;
  }
  const operation: Json = {
    operationId: meta.operationId,
    summary: meta.summary,
    tags: meta.tags,
    parameters: [...meta.parameters, { $ref: '#/components/parameters/Version' }],
    responses,
    'x-snyk-api-lifecycle': resolution.stage === 'deprecated' || resolution.stage === 'sunset' ? resolution.stage : 'released',
    'x-snyk-api-releases': releasesOf(op).map((r) => r.text),
    'x-snyk-api-resource': meta.resource,
    'x-snyk-api-stability': release.stability,
    'x-snyk-api-version': release.text,
  };
  if (o.requestSchema) {
    operation.requestBody = {
      required: true,
      content: { [o.requestContentType ?? JSONAPI]: { schema: { $ref: `#/components/schemas/${bundle(o.requestSchema, bundled)}` } } },
    };
  }
  return operation;
}

function components(bundled: Record<string, Json>): Json {
  const errorDocument = bundle(`${SCHEMA_BASE}rest/error-document.schema.json`, bundled);
  const errorResponse = (description: string): Json => ({
    description,
    // The spec declares the same headers on errors as on successes (none of them required).
    headers: RESPONSE_HEADERS,
    content: { [JSONAPI]: { schema: { $ref: `#/components/schemas/${errorDocument}` } } },
  });
  return {
    headers: {
      DeprecationHeader: { description: 'The date the endpoint was deprecated', schema: { type: 'string', format: 'date-time' } },
      RequestIdResponseHeader: { description: 'A unique id used for tracking this request', schema: { type: 'string', format: 'uuid' } },
      SunsetHeader: { description: 'The date the endpoint will be removed', schema: { type: 'string' } },
      VersionRequestedResponseHeader: { description: 'The version of the endpoint requested by the caller', schema: { $ref: '#/components/schemas/QueryVersion' } },
      VersionServedResponseHeader: { description: 'The version of the endpoint that was served', schema: { $ref: '#/components/schemas/ActualVersion' } },
      VersionStageResponseHeader: {
        description: 'The lifecycle stage of the served version',
        schema: { type: 'string', enum: ['wip', 'experimental', 'beta', 'ga', 'deprecated', 'sunset'] },
      },
    },
    parameters: {
      Version: {
        name: 'version',
        in: 'query',
        required: true,
        description: 'The requested version of the endpoint to process the request',
        schema: { $ref: '#/components/schemas/QueryVersion' },
      },
    },
    responses: {
      '400': errorResponse('Bad Request: A parameter provided as a part of the request was invalid.'),
      '401': errorResponse('Unauthorized: the request requires an authentication token.'),
      '403': errorResponse('Forbidden: the request requires an authentication token with more or different permissions.'),
      '404': errorResponse('Not Found: The resource being operated on could not be found.'),
      '500': errorResponse('Internal Server Error: An error was encountered while attempting to process the request.'),
    },
    schemas: {
      ...bundled,
      ActualVersion: { type: 'string', description: 'Resolved API version', pattern: ACTUAL_VERSION_PATTERN },
      QueryVersion: { type: 'string', description: 'Requested API version', pattern: QUERY_VERSION_PATTERN },
    },
    securitySchemes: {
      APIToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'API key value must be prefixed with "token ".' },
      BearerAuth: { type: 'http', scheme: 'bearer' },
    },
  };
}

/** The document effective at `requested` (a `QueryVersion`), or why there is none (400 malformed or future, 404 nothing released). */
export function openapiDocument(requested: string, options: SpecOptions): SpecResolution {
  if (!isQueryVersion(requested)) return { ok: false, status: 400, detail: `invalid version '${requested}'` };
  const bundled: Record<string, Json> = {};
  const paths: Record<string, Json> = {};
  let served: Release | undefined;
  for (const op of REST_OPERATIONS) {
    const resolution = resolveVersion(op, requested, options.today, options.overrides ?? []);
    if (!resolution.ok) {
      if (resolution.status === 400) return { ok: false, status: 400, detail: resolution.detail };
      continue;
    }
    const o = OPERATIONS[op];
    const path = o.path.replace(/^\/rest/, '');
    paths[path] = { ...(paths[path] ?? {}), [o.method.toLowerCase()]: operationObject(op, resolution, bundled, options) };
    if (!served || resolution.served.date > served.date) served = resolution.served;
  }
  if (!served) return { ok: false, status: 404, detail: `no version of the API matches '${requested}'` };
  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1)));
  const document: Json = {
    openapi: '3.1.0',
    info: { title: 'Snyk API', version: 'REST' },
    servers: [{ url: '/rest', description: 'Snyk REST API' }],
    security: [{ APIToken: [] }, { BearerAuth: [] }],
    'x-snyk-api-version': requested,
    paths: sortedPaths,
    components: components(bundled),
  };
  return { ok: true, document, served: served.text };
}

const STABILITY_ORDER: readonly Stability[] = ['ga', 'beta', 'experimental'];

/**
 * `GET /rest/openapi`: the versions a document can be asked for (Snyk REST spec `listAPIVersions`: a JSON array
 * of version strings). The mock's reading of vervet: every release date at its own stability and at each less
 * stable one (a `~experimental` document includes the GA resources), oldest first.
 */
export function openapiVersions(): string[] {
  const seen = new Set<string>();
  const out: { date: string; rank: number; text: string }[] = [];
  for (const op of REST_OPERATIONS) {
    for (const release of releasesOf(op)) {
      for (const stability of STABILITY_ORDER) {
        if (STABILITY_RANK[stability] > STABILITY_RANK[release.stability]) continue;
        const text = stability === 'ga' ? release.date : `${release.date}~${stability}`;
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ date: release.date, rank: STABILITY_ORDER.indexOf(stability), text });
      }
    }
  }
  return out.sort((a, b) => (a.date === b.date ? a.rank - b.rank : a.date < b.date ? -1 : 1)).map((v) => v.text);
}
