/**
 * Runs planned (operation × check) pairs in-process and in order, as the suites do, without vitest: used by
 * `compare`, by the drift proof, and by anyone embedding the checks.
 */
import type { OperationName } from '../model/operations.ts';
import type { CheckContext } from './check-context.ts';
import { plannedChecks } from './registry.ts';
import { runCheck, type CheckRun } from './runner.ts';

export interface RunContractOptions {
  /** Only these check ids (default: every check that applies). */
  checks?: readonly string[];
}

export async function runContract(ctx: CheckContext, operations: readonly OperationName[], options: RunContractOptions = {}): Promise<CheckRun[]> {
  const runs: CheckRun[] = [];
  for (const { check, operation } of plannedChecks(operations)) {
    if (options.checks && !options.checks.includes(check.id)) continue;
    runs.push(await runCheck(ctx, check, operation));
  }
  return runs;
}
