/** group_user_removal: PATCH group user removes only SNYK_TEST_USER_ID, as documented (src/contract/group-user-removal.ts). */
import type { ScenarioCheck } from '../check-types.ts';
import { GROUP_USER_REMOVAL, groupUserRemoval as runRemoval } from '../group-user-removal.ts';
import { groupUserRemovalAssertions } from '../assertions/group-user-removal.ts';

export const groupUserRemovalCheck: ScenarioCheck = {
  id: 'group_user_removal',
  kind: 'scenario',
  title: GROUP_USER_REMOVAL.title,
  family: 'stateful',
  severity: GROUP_USER_REMOVAL.severity,
  description:
    'Refuses a non-null membership and a wrong Content-Type without removing anyone; membership: null answers 200/204 and the user is gone from the group, its orgs and the org user endpoint.',
  assertions: groupUserRemovalAssertions,
  operations: ['PATCH /rest/groups/{group_id}/users/{id}'],
  writes: true,
  async run(ctx) {
    const result = await runRemoval(ctx);
    return { verdicts: result.verdicts };
  },
};
