/** What role_xor_role_public_id asserts. */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const roleXorRolePublicIdAssertions: readonly Assertion[] = [
  documented(
    'role-xor-role-public-id',
    'POST provision with both role and rolePublicId is a 4xx that creates nothing; either one alone succeeds.',
    SOURCES.provisionDocs,
    'You can use either role or rolePublicId but not both in the same call.',
  ),
];
