/** What ensure_resource_availability asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const ensureResourceAvailabilityAssertions: readonly Assertion[] = [
  documented(
    'created-is-listed',
    'After POST provision succeeds, its answer names the address and GET /provision lists the same record.',
    SOURCES.provisionDocs,
    'The endpont List pending user provisions returns pending provisioned users in the response.',
  ),
];
