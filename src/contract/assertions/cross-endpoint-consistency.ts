/** What cross_endpoint_consistency asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const crossEndpointConsistencyAssertions: readonly Assertion[] = [
  documented(
    'same-user',
    'The same user has the same email, name and username through /rest/self, the org user, and the org and group memberships.',
    SOURCES.restUsers,
    'My User Details: Retrieves information about the the user making the request. Get user by ID: Get a summary of user.',
  ),
  assumed(
    'org-members-readable',
    'At least one org member can be read through GET /rest/orgs/{org_id}/users/{id}.',
    'the docs say "Service Accounts are not returned by this endpoint"; that some member is a person is our reading',
  ),
  assumed(
    'apiweb-detail',
    'GET /users/{id}/ serves every listed user, with the same fields as GET /users/.',
    'GET /users/{id}/ is not in the documentation this suite follows',
  ),
];
