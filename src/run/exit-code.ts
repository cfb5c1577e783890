/**
 * The exit code of a run (INTERFACE.md): 0 all checks passed and no finding reached --fail-on; 1 a check
 * failed or a finding reached --fail-on; 3 the tenant could not be reached or the run could not complete.
 * (2, usage and configuration errors, is decided before a run starts.)
 */
import type { CheckResult, Finding } from '../model/results.ts';
import { findingsReachingFailOn, type FailOn } from '../model/fail-on.ts';

export function exitCodeFor(options: {
  checks: readonly CheckResult[];
  findings: readonly Finding[];
  failOn: FailOn;
  /** The run did not complete (interrupted, a suite could not load, the tenant went away). */
  incomplete: boolean;
}): 0 | 1 | 3 {
  // An incomplete run says nothing reliable about the tenant; 3 tells CI to look at the run, not the tenant.
  if (options.incomplete) return 3;
  const failedCheck = options.checks.some((c) => c.outcome === 'failed' || c.outcome === 'error');
  if (failedCheck || findingsReachingFailOn(options.findings, options.failOn).length > 0) return 1;
  return 0;
}
