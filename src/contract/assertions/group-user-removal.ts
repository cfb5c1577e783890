/** What group_user_removal asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const groupUserRemovalAssertions: readonly Assertion[] = [
  documented(
    'membership-null-removes',
    'A non-null membership and a wrong Content-Type are refused without removing anyone; membership: null answers 200/204 and the user leaves the group, and only that user.',
    SOURCES.restUsers,
    "To remove a user's membership, provide 'null' as the membership parameter (see example). At present, only removing memberships is supported by this endpoint.",
  ),
  assumed(
    'removal-cascades-to-orgs',
    "Removing the group membership also removes the user from the group's orgs and from GET /rest/orgs/{org_id}/users/{id}.",
    'the cascade is undocumented (the spec has a cascade parameter only on deleting a group membership)',
  ),
];
