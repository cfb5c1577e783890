/** What served_spec_conformance asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const servedSpecConformanceAssertions: readonly Assertion[] = [
  documented(
    'agrees-with-served-spec',
    "Each response's status, media type and JSON body agree with the OpenAPI document the tenant serves for the requested version, where that document is specific.",
    SOURCES.restSpec,
    'GET /openapi/{version}: "Get OpenAPI specification effective at version." — the tenant documents each version itself',
  ),
];
