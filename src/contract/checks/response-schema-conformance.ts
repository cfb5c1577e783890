/** response_schema_conformance (Schemathesis): the body validates against the schema documented for its status. */
import { OPERATION_NAMES, OPERATIONS } from '../../model/operations.ts';
import { formatSchemaErrors, schemas } from '../../schema/registry.ts';
import type { ResponseCheck } from '../check-types.ts';
import { describeRequest } from '../requests.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { responseSchemaConformanceAssertions } from '../assertions/response-schema-conformance.ts';

export const responseSchemaConformance: ResponseCheck = {
  id: 'response_schema_conformance',
  kind: 'response',
  title: 'Response violates schema',
  family: 'conformance',
  severity: 'high',
  description: 'The body is JSON and validates against the schema documented for the operation and status (schemas/).',
  assertions: responseSchemaConformanceAssertions,
  operations: OPERATION_NAMES,
  writes: (op) => op.writes,
  evaluate(_ctx, response, testCase) {
    const documented = OPERATIONS[testCase.operation].responses[response.status];
    if (!documented) return notApplicable(`status ${response.status} is undocumented (status_code_conformance judges it)`);
    if (!documented.schema) return notApplicable(`no body schema is documented for ${response.status}`);
    // `exclude` drops fields on purpose (users-list docs); field_exclusion judges those responses.
    if (testCase.request.query && 'exclude' in testCase.request.query) return notApplicable('fields were excluded by the request');
    const lines: [string, unknown][] = [
      ['Status', response.status],
      ['Schema', documented.schema.replace(/^.*\/schemas\//, 'schemas/')],
      ['Case', testCase.description],
      ['Request', describeRequest(testCase.request)],
    ];
    if (response.json === undefined) {
      return fail(responseSchemaConformance, [['Body', response.text === '' ? '(empty)' : `not JSON: ${response.text.slice(0, 120)}`], ...lines], {
        response,
        case: testCase,
      });
    }
    const result = schemas().validate(documented.schema, response.json);
    if (result.valid) return pass();
    // v1 formats (email, a zoned created) are our reading: the docs show `"created": Date` and plain strings.
    const formatsOnly = OPERATIONS[testCase.operation].api === 'v1' && result.errors.every((e) => e.keyword === 'format');
    return fail(responseSchemaConformance, [['Errors', formatSchemaErrors(result.errors, 8)], ...lines], {
      response,
      case: testCase,
      ...(formatsOnly ? { assertion: 'v1-formats' } : {}),
    });
  },
};
