/**
 * The results model (results.json). Types come from schemas/results.schema.json, the source of truth;
 * this file re-exports them and adds the version constant.
 */
export type {
  RunResults,
  RunInfo,
  Summary,
  CheckResult,
  Finding,
  RuleResult,
  Warning,
  Stats,
  Exchange,
  Control,
  Subject,
  Evidence,
  Exemption,
  DiffSummary,
  VersionComparison,
  Severity,
} from '../schema/generated/results.ts';

export const RESULTS_SCHEMA_VERSION = '1.0';
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
