/** What jsonapi_structure asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const jsonapiStructureAssertions: readonly Assertion[] = [
  documented(
    'jsonapi-document',
    'REST bodies follow JSON:API 1.0: data xor errors, resource objects with type and id, error status matching the HTTP status, well-formed links.',
    SOURCES.jsonapi,
    'The members data and errors MUST NOT coexist in the same document.',
  ),
];
