/**
 * Every exit code of the command line, in one place (INTERFACE.md): 0 all checks passed and no finding
 * reached --fail-on; 1 a check failed or a finding reached --fail-on; 2 usage or configuration error;
 * 3 the tenant could not be reached or the run could not complete.
 */
import type { CheckResult, Finding } from '../model/results.ts';
import { errorCode } from '../model/errors.ts';
import { findingsReachingFailOn, type FailOn } from '../model/fail-on.ts';

/** Code areas (src/model/errors.ts) whose errors are the user's to fix: what they typed or pointed us at. */
const USER_ERROR_AREAS = ['USAGE', 'CONFIG', 'POLICY', 'PREVIOUS', 'STATE'] as const;

/** The exit code of an error that ended a command: 2 for the user's mistakes, 3 for everything else. */
export function exitCodeForError(error: unknown): 2 | 3 {
  const area = errorCode(error)?.split('_')[0];
  return area !== undefined && (USER_ERROR_AREAS as readonly string[]).includes(area) ? 2 : 3;
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
  if (failedCheck || findingsReachingFailOn(options.findings, options.failOn).length > 0) return 1;
  return 0;
}
