/** What response_schema_conformance asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const responseSchemaConformanceAssertions: readonly Assertion[] = [
  documented(
    'body-schema',
    'The body is JSON and validates against the schema documented for the operation and status (schemas/).',
    SOURCES.provisionDocs,
    'Response model: { "email": "test@example.com", "rolePublicId": "", "role": "ADMIN", "created": Date }',
  ),
  assumed(
    'v1-formats',
    'A v1 provision email is an RFC 5322 address and `created` a date-time with a zone.',
    'the docs show "created": Date and the v1 spec types created and email as plain strings; the formats are our reading',
  ),
];
