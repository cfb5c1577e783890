/**
 * jsonapi_structure: Snyk REST bodies are JSON:API documents (REST spec, JSON:API, sweater-comb jsonapi.md,
 * jsonapi.org/format/1.0): a top-level object with `data`, `errors` or `meta` but never `data` and `errors`
 * together; a success carries `data` and an error `errors` (non-empty, a single error's `status` is the HTTP
 * status as a string); resource objects carry string `type` and `id`, relationships carry `data`, `links` or
 * `meta`; `links` members are URLs or `{href}` objects and `next` is not `self`. Media type parameters on
 * `application/vnd.api+json` are reported as a warning.
 */
import type { OperationName } from '../../model/operations.ts';
import { OPERATION_NAMES, OPERATIONS } from '../../model/operations.ts';
import { isObject } from '../generators/json-schema.ts';
import type { ResponseCheck } from '../check-types.ts';
import { describeRequest } from '../requests.ts';
import { linkHref } from '../tenant-data.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { jsonapiStructureAssertions } from '../assertions/jsonapi-structure.ts';

const REST_OPERATIONS = OPERATION_NAMES.filter((name) => OPERATIONS[name].api === 'rest');

function resourceProblems(resource: unknown, where: string, problems: string[]): void {
  if (!isObject(resource)) {
    problems.push(`${where} is not a resource object`);
    return;
  }
  if (typeof resource.type !== 'string' || resource.type === '') problems.push(`${where}.type is not a non-empty string`);
  if (typeof resource.id !== 'string' || resource.id === '') problems.push(`${where}.id is not a non-empty string`);
  if (resource.attributes !== undefined && !isObject(resource.attributes)) problems.push(`${where}.attributes is not an object`);
  if (resource.relationships !== undefined) {
    if (!isObject(resource.relationships)) problems.push(`${where}.relationships is not an object`);
    else {
      for (const [name, rel] of Object.entries(resource.relationships)) {
        if (!isObject(rel) || !('data' in rel || 'links' in rel || 'meta' in rel)) {
          problems.push(`${where}.relationships.${name} has none of data, links, meta`);
        }
      }
    }
  }
}

function linkProblems(links: unknown, problems: string[]): void {
  if (links === undefined) return;
  if (!isObject(links)) {
    problems.push('links is not an object');
    return;
  }
  for (const [name, value] of Object.entries(links)) {
    if (value === null) continue;
    if (linkHref(value) === undefined) problems.push(`links.${name} is neither a URL string nor an {href} object`);
  }
  const next = linkHref(links.next);
  if (next !== undefined && next === linkHref(links.self)) problems.push('links.next equals links.self (a client would loop)');
}

/** Operations whose `data` is not a resource (audit-log search: `data: {items, type}`). */
const NON_RESOURCE_DATA = new Set<OperationName>([
  'GET /rest/groups/{group_id}/audit_logs/search',
  'GET /rest/orgs/{org_id}/audit_logs/search',
]);

export const jsonapiStructure: ResponseCheck = {
  id: 'jsonapi_structure',
  kind: 'response',
  title: 'Response is not a valid JSON:API document',
  family: 'jsonapi',
  severity: 'medium',
  description: 'REST bodies follow JSON:API: data xor errors, resource objects with type and id, error status matching the HTTP status, well-formed links.',
  assertions: jsonapiStructureAssertions,
  operations: REST_OPERATIONS,
  writes: (op) => op.writes,
  evaluate(_ctx, response, testCase) {
    if (response.text.trim() === '') return notApplicable('no body');
    const doc = response.json;
    const problems: string[] = [];
    const warnings: string[] = [];
    const rawType = response.headers['content-type'];
    if (rawType && /application\/vnd\.api\+json\s*;/i.test(rawType) && !/;\s*(ext|profile)=/i.test(rawType)) {
      warnings.push(`Content-Type carries media type parameters (${rawType}); JSON:API servers must not send them`);
    }
    if (!isObject(doc)) {
      problems.push(doc === undefined ? 'the body is not JSON' : 'the top level is not an object');
    } else {
      const hasData = 'data' in doc;
      const hasErrors = 'errors' in doc;
      if (!hasData && !hasErrors && !('meta' in doc)) problems.push('the document has none of data, errors, meta');
      if (hasData && hasErrors) problems.push('data and errors coexist');
      const success = response.status >= 200 && response.status < 300;
      if (success && !hasData) problems.push('a success without data');
      if (response.status >= 400) {
        if (!Array.isArray(doc.errors) || doc.errors.length === 0) problems.push('an error without a non-empty errors array');
        else {
          doc.errors.forEach((e, i) => {
            if (!isObject(e)) problems.push(`errors[${i}] is not an object`);
            else if (e.status !== undefined && typeof e.status !== 'string') problems.push(`errors[${i}].status is not a string`);
          });
          const only = doc.errors.length === 1 ? doc.errors[0] : undefined;
          if (isObject(only) && typeof only.status === 'string' && only.status !== String(response.status)) {
            problems.push(`errors[0].status is "${only.status}" but the HTTP status is ${response.status}`);
          }
        }
      }
      if (hasData && success && !NON_RESOURCE_DATA.has(testCase.operation)) {
        if (Array.isArray(doc.data)) doc.data.forEach((r, i) => resourceProblems(r, `data[${i}]`, problems));
        else if (doc.data !== null) resourceProblems(doc.data, 'data', problems);
      }
      linkProblems(doc.links, problems);
      if (doc.jsonapi !== undefined && !isObject(doc.jsonapi)) problems.push('jsonapi is not an object');
    }
    if (problems.length === 0) return pass(warnings);
    return fail(
      jsonapiStructure,
      [
        ['Problems', problems.slice(0, 8).join('\n')],
        ['Status', response.status],
        ['Case', testCase.description],
        ['Request', describeRequest(testCase.request)],
      ],
      { response, case: testCase, warnings },
    );
  },
};
