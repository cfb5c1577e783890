/** provision_lifecycle: the model-based provision test (src/contract/provision-model.ts), run once per context. */
import type { ScenarioCheck } from '../check-types.ts';
import { PROVISION_LIFECYCLE, runProvisionLifecycle } from '../provision-model.ts';
import { provisionLifecycleAssertions } from '../assertions/provision-lifecycle.ts';

export const provisionLifecycle: ScenarioCheck = {
  id: 'provision_lifecycle',
  kind: 'scenario',
  title: PROVISION_LIFECYCLE.title,
  family: 'stateful',
  severity: PROVISION_LIFECYCLE.severity,
  description:
    'fc.commands over provision / list / provision again / provision a member / delete / delete again, compared to a model after every step.',
  assertions: provisionLifecycleAssertions,
  operations: ['POST /v1/org/{orgId}/provision', 'GET /v1/org/{orgId}/provision', 'DELETE /v1/org/{orgId}/provision'],
  writes: true,
  shared: true,
  run: (ctx) => runProvisionLifecycle(ctx),
};
