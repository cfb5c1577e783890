/**
 * Builds the summary block of results.json from checks and findings, once, so every reporter shows the
 * same numbers.
 */
import type { CheckResult, Finding, Summary } from '../model/results.ts';

export function summarise(checks: readonly CheckResult[], findings: readonly Finding[]): Summary {
  const counts = { total: checks.length, passed: 0, failed: 0, skipped: 0, error: 0 };
  for (const c of checks) counts[c.outcome]++;
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let fail = 0;
  let exempt = 0;
  let unknown = 0;
  let fresh = 0;
  let persisting = 0;
  for (const f of findings) {
    if (f.outcome === 'fail') {
      fail++;
      bySeverity[f.severity]++;
    } else if (f.outcome === 'exempt') exempt++;
    else unknown++;
    if (f.status === 'new') fresh++;
    else if (f.status === 'persisting') persisting++;
  }
  return {
    checks: counts,
    findings: { total: findings.length, fail, exempt, unknown, bySeverity, new: fresh, persisting },
  };
}
