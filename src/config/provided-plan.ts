/**
 * How the run plan reaches the suites: vitest's typed `provide`/`inject` (https://vitest.dev/config/provide).
 * The main process provides the plan once; every suite worker injects the same value. The plan holds no
 * secret, so nothing here can carry a token.
 */
import type { RunPlan } from './run-plan.ts';

export const PROVIDED_PLAN_KEY = 'runPlan';

declare module 'vitest' {
  export interface ProvidedContext {
    runPlan: RunPlan;
  }
}
