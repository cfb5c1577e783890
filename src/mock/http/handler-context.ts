/** What every handler receives: the request, the tenant, the active drift and the request's id. */
import type { DriftName } from '../drifts.ts';
import type { RealisticBehaviourName } from '../realistic.ts';
import type { TenantState } from '../tenant-state.ts';
import type { MockRequest } from './mock-request.ts';

export interface HandlerContext {
  req: MockRequest;
  tenant: TenantState;
  /** Whether the named drift is being served. */
  drift(name: DriftName): boolean;
  /** The drift being served, if any (cache keys). */
  driftName: DriftName | undefined;
  /** Whether the realistic mode (realistic.ts) serves the named doc-silent behaviour. */
  realistic(name: RealisticBehaviourName): boolean;
  /** A UUID unique to the request, deterministic by seed and arrival number. */
  requestId: string;
}
