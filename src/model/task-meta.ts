/**
 * What a suite test publishes in vitest's `task.meta` for the results reporter. task.meta is serialised
 * from the worker to the main process and kept in blob reports, so sharded runs merge without loss.
 *
 * A contract check test sets `{ stc: { kind: 'check', check } }`; the outcome comes from the test state
 * (passed / failed / skipped), the rest from `check`. An audit rule test sets `{ stc: { kind: 'rule', … } }`.
 * The audit summary test publishes inventory statistics, warnings and the diff.
 */
import type { CheckResult, DiffSummary, Finding, RuleResult, Stats, Warning } from './results.ts';

export interface CheckMeta {
  kind: 'check';
  check: Omit<CheckResult, 'outcome'> & { outcome?: CheckResult['outcome'] };
}

export interface RuleMeta {
  kind: 'rule';
  rule: RuleResult;
  findings: Finding[];
}

export interface AuditSummaryMeta {
  kind: 'audit-summary';
  stats: Stats;
  warnings: Warning[];
  diff?: DiffSummary;
  policy?: string;
}

export type StcMeta = CheckMeta | RuleMeta | AuditSummaryMeta;

declare module '@vitest/runner' {
  interface TaskMeta {
    stc?: StcMeta;
  }
}
