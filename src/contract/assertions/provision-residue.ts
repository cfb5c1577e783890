/** What provision_residue asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const provisionResidueAssertions: readonly Assertion[] = [
  documented(
    'no-residue',
    'After the provision checks, none of the reserved addresses this run provisioned is still pending.',
    SOURCES.provisionDocs,
    'Use the endpoint Delete pending user provision to remove a pending provision request.',
  ),
];
