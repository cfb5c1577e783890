/**
 * The run plan in a suite worker: what `snyk-tenant-check run` provided (src/config/provided-plan.ts),
 * frozen again (vitest hands each worker a copy). Tokens are not in it: the worker's environment has them.
 */
import { inject } from 'vitest';
import { PROVIDED_PLAN_KEY } from '../src/config/provided-plan.ts';
import { deepFreeze, type RunPlan } from '../src/config/run-plan.ts';

export function injectedPlan(): RunPlan {
  const plan = inject(PROVIDED_PLAN_KEY) as RunPlan | undefined;
  if (!plan) throw new Error('no run plan: the tenant suites run under `snyk-tenant-check run`');
  return deepFreeze(plan);
}
