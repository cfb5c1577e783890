/**
 * `--fail-on`: which failing findings make a run's exit code 1 (INTERFACE.md). The one severity rank table
 * of the project; the exit code, the audit diff and the command line all read it from here.
 */
import type { Finding, Severity } from './results.ts';

export const FAIL_ON_LEVELS = ['critical', 'high', 'medium', 'low', 'new', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];
export const DEFAULT_FAIL_ON: FailOn = 'high';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/**
 * The findings that make the exit code 1 under `--fail-on`: failing findings (never exempt or unknown) at
 * or above the severity; for `new`, failing findings that are new or whose exemption expired (news to the
 * reader, like a new finding; a finding without a status, from a run without --previous, counts as new);
 * none for `never`.
 */
export function findingsReachingFailOn(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'never') return [];
  if (failOn === 'new') {
    return findings.filter((f) => f.outcome === 'fail' && (f.status === undefined || f.status === 'new' || f.status === 'exemption-expired'));
  }
  const min = SEVERITY_RANK[failOn];
  return findings.filter((f) => f.outcome === 'fail' && SEVERITY_RANK[f.severity] >= min);
}
