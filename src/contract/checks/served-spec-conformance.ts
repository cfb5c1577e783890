/**
 * served_spec_conformance: what the tenant answers agrees with the OpenAPI document the tenant itself serves for
 * that version (`GET /rest/openapi/{version}`; Snyk REST OpenAPI spec `getAPIVersion`). Judged only where that
 * document is specific: a status it does not document (and no `default` or `NXX` range) fails; a JSON body
 * that its schema for the status and media type rejects fails; a media type it does not list for a status
 * that lists some fails. A tenant that does not serve the document, or a document that does not describe the
 * operation, makes the check not applicable. Only GET requests (the operation's deterministic cases, at the
 * version the run requests); the document itself is read with one GET per version.
 */
import type { ApiResponse } from '../../client/types.ts';
import { OPERATION_NAMES, OPERATIONS, type Operation } from '../../model/operations.ts';
import { formatSchemaErrors } from '../../schema/registry.ts';
import { pointerSegment } from '../../schema/document-validator.ts';
import type { CheckContext } from '../check-context.ts';
import type { CheckCase, ScenarioCheck, Verdict } from '../check-types.ts';
import { caseSpace } from '../case-space.ts';
import { defaultVersion, describeRequest } from '../requests.ts';
import { servedSpecConformanceAssertions } from '../assertions/served-spec-conformance.ts';
import { servedSpecFor, type ServedSpec } from '../served-spec.ts';
import { specOperation } from '../spec-diff.ts';
import { fail, notApplicable, pass } from '../verdict.ts';

const REST_READS = OPERATION_NAMES.filter((n) => OPERATIONS[n].api === 'rest' && OPERATIONS[n].method === 'GET');

/** Cases per operation (the documented request first), as in `compare`. */
const MAX_CASES = 16;

type Json = Record<string, unknown>;

function at(doc: unknown, pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** Follows document-local `$ref`s from `pointer` to the pointer of the node they land on. */
function follow(doc: unknown, pointer: string): string | undefined {
  let current = pointer;
  for (let i = 0; i < 32; i++) {
    const node = at(doc, current);
    if (node === null || typeof node !== 'object') return undefined;
    const ref = (node as Json).$ref;
    if (typeof ref !== 'string') return current;
    if (!ref.startsWith('#/')) return undefined;
    current = ref.slice(1);
  }
  return undefined;
}

function judge(spec: Extract<ServedSpec, { available: true }>, operationPointer: string, c: CheckCase, response: ApiResponse): Verdict {
  const doc = spec.document;
  const source = `GET /rest/openapi/${spec.version}${spec.served ? ` (served ${spec.served})` : ''}`;
  const responses = at(doc, `${operationPointer}/responses`) as Json | undefined;
  const documented = responses && typeof responses === 'object' ? Object.keys(responses) : [];
  const status = String(response.status);
  const key = [status, `${status[0]}XX`, `${status[0]}xx`, 'default'].find((k) => documented.includes(k));
  if (key === undefined) {
    return fail(servedSpecConformance, [
      ['Contradiction', 'the status is not documented for the operation'],
      ['Received', response.status],
      ['Documented in the served spec', documented],
      ['Served spec', source],
      ['Case', c.description],
      ['Request', describeRequest(c.request)],
    ], { response, case: c });
  }
  const responsePointer = follow(doc, `${operationPointer}/responses/${pointerSegment(key)}`);
  if (!responsePointer) return pass();
  const content = at(doc, `${responsePointer}/content`);
  if (content === null || typeof content !== 'object' || Object.keys(content).length === 0) return pass();
  const mediaTypes = Object.keys(content);
  if (response.text.length === 0) return pass();
  const mediaType = mediaTypes.find((m) => m.toLowerCase() === response.contentType);
  if (!mediaType) {
    return fail(servedSpecConformance, [
      ['Contradiction', 'the media type is not documented for the status'],
      ['Received', response.contentType ?? '(no Content-Type)'],
      ['Documented in the served spec', mediaTypes],
      ['Status', response.status],
      ['Served spec', source],
      ['Case', c.description],
      ['Request', describeRequest(c.request)],
    ], { response, case: c });
  }
  if (response.json === undefined) return pass();
  const schemaPointer = `${responsePointer}/content/${pointerSegment(mediaType)}/schema`;
  if (at(doc, schemaPointer) === undefined) return pass();
  const result = spec.validator.validate(schemaPointer, response.json);
  if ('unusable' in result) return pass([`the served spec's schema for ${key} ${mediaType} could not be used: ${result.unusable}`]);
  if (!result.valid) {
    return fail(servedSpecConformance, [
      ['Contradiction', 'the body does not match the documented schema'],
      ['Status', response.status],
      ['Schema errors', formatSchemaErrors(result.errors)],
      ['Served spec', `${source} ${schemaPointer}`],
      ['Case', c.description],
      ['Request', describeRequest(c.request)],
    ], { response, case: c, counterexample: response.json });
  }
  return pass();
}

async function run(ctx: CheckContext, op: Operation): Promise<Verdict[]> {
  const version = defaultVersion(ctx, op) ?? ctx.restVersion;
  const spec = await servedSpecFor(ctx, version);
  if (!spec.available) return [notApplicable(`the tenant does not serve its OpenAPI document: ${spec.reason}`)];
  const found = specOperation(spec.document, op.name);
  if (!found) return [notApplicable(`the served document for ${version} does not describe ${op.method} ${op.path}`)];
  const space = await caseSpace(ctx, op.name);
  const cases = space.examples
    .filter((c) => c.request.method === 'GET' && c.mode !== 'version' && c.request.version === version)
    .slice(0, MAX_CASES);
  const verdicts: Verdict[] = [];
  for (const c of cases) {
    const response = await ctx.send(c.request);
    // A 429 is the rate limiter refusing to answer: nothing to judge (judge-response.ts).
    if (response.status === 429) continue;
    verdicts.push(judge(spec, found.pointer, c, response));
  }
  return verdicts.length > 0 ? verdicts : [notApplicable('no case was answered')];
}

export const servedSpecConformance: ScenarioCheck = {
  id: 'served_spec_conformance',
  kind: 'scenario',
  title: "Response contradicts the tenant's own served OpenAPI document",
  family: 'conformance',
  severity: 'medium',
  description:
    "Each response (status, media type, JSON body) agrees with the OpenAPI document the tenant serves for the requested version at `GET /rest/openapi/{version}`, where that document is specific; not applicable when the tenant serves no document or it does not describe the operation. GET only.",
  operations: REST_READS,
  writes: false,
  assertions: servedSpecConformanceAssertions,
  async run(ctx, op) {
    return { verdicts: await run(ctx, op) };
  },
};
