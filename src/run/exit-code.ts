/**
 * The exit code of a run (INTERFACE.md): 0 all checks passed and no finding reached --fail-on; 1 a check
 * failed or a finding reached --fail-on; 3 the tenant could not be reached or the run could not complete.
 * (2, usage and configuration errors, is decided before a run starts.)
 */
import type { CheckResult, Finding, Severity } from '../model/results.ts';
import type { FailOn } from '../config/run-context.ts';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** The failing findings that make the exit code 1 under a --fail-on level. */
export function findingsAtFailOn(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'never') return [];
  return findings.filter((f) => {
    if (f.outcome !== 'fail') return false;
    // An exemption that expired since the last run is news to the reader, like a new finding.
    if (failOn === 'new') return f.status === 'new' || f.status === 'exemption-expired';
    return RANK[f.severity] >= RANK[failOn];
  });
}

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
  if (failedCheck || findingsAtFailOn(options.findings, options.failOn).length > 0) return 1;
  return 0;
}
