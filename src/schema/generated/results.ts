/* Generated from schemas/results.schema.json by `npm run gen:types`. Do not edit. */

/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export type Outcome = 'passed' | 'failed' | 'skipped' | 'error';
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "FindingOutcome".
 */
export type FindingOutcome = 'fail' | 'exempt' | 'unknown';
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * results.json: everything one run of snyk-tenant-check found. Versioned by schemaVersion (semver; additive changes bump the minor).
 */
export interface RunResults {
  schemaVersion: string;
  tool: {
    name: 'snyk-tenant-check';
    version: string;
  };
  run: RunInfo;
  summary: Summary;
  checks: CheckResult[];
  findings: Finding[];
  rules: RuleResult[];
  warnings: Warning[];
  stats?: Stats;
  diff?: DiffSummary;
  comparison?: VersionComparison;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "RunInfo".
 */
export interface RunInfo {
  id: string;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  tenant: 'mock' | 'live';
  suites: ('contract' | 'audit')[];
  seed?: number;
  numRuns?: number;
  apiVersion?: string;
  allowWrites?: boolean;
  /**
   * --strict: assumed assertions (where the documentation is silent) failed checks instead of warning
   */
  strict?: boolean;
  failOn?: 'critical' | 'high' | 'medium' | 'low' | 'new' | 'never';
  /**
   * policy file or profile the audit ran under
   */
  policy?: string;
  /**
   * the --previous results.json the diff was made against
   */
  previous?: string;
  orgIds?: string[];
  groupId?: string;
  targets?: {
    snykApiUrl?: string;
    apiwebUrl?: string;
  };
  /**
   * true when the run was interrupted or could not complete; the results hold what was done
   */
  partial: boolean;
  partialReason?: string;
  shards?: number;
  exitCode?: 0 | 1 | 2 | 3;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Summary".
 */
export interface Summary {
  checks: Counts;
  findings: {
    total: number;
    fail: number;
    exempt: number;
    unknown: number;
    /**
     * failing findings per severity
     */
    bySeverity: {
      critical?: number;
      high?: number;
      medium?: number;
      low?: number;
      info?: number;
    };
    new?: number;
    persisting?: number;
    resolved?: number;
  };
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Counts".
 */
export interface Counts {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  error: number;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "CheckResult".
 */
export interface CheckResult {
  /**
   * check id, e.g. response_schema_conformance
   */
  id: string;
  title: string;
  /**
   * check family: conformance, negative, auth, stateful, pagination, filters, versioning, …
   */
  family?: string;
  /**
   * documented method and path template (INTERFACE.md)
   */
  operation: string;
  outcome: Outcome;
  message?: string;
  seed?: number;
  /**
   * fast-check replay path
   */
  path?: string;
  counterexample?: unknown;
  /**
   * a curl command; the token is read from an environment variable
   */
  reproduction?: string;
  exchange?: Exchange;
  /**
   * on a passed check: the assumed assertions the tenant did not meet (failures only under --strict), and other notes
   */
  warnings?: string[];
  /**
   * on a failed check: <check>.<assertion> it broke (docs/checks.md lists each with its basis)
   */
  assertion?: string;
  durationMs?: number;
  orgId?: string;
  apiVersion?: string;
  file?: string;
}
/**
 * one HTTP request and its response, secrets removed
 *
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Exchange".
 */
export interface Exchange {
  operation?: string;
  method: string;
  url: string;
  status?: number;
  durationMs?: number;
  requestHeaders?: {
    [k: string]: string;
  };
  requestBody?: string;
  responseHeaders?: {
    [k: string]: string;
  };
  /**
   * an excerpt of the body
   */
  responseBody?: string;
  startedAt?: string;
  error?: string;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  ruleId: string;
  title?: string;
  outcome: FindingOutcome;
  severity: Severity;
  subject: Subject;
  message?: string;
  evidence: Evidence;
  controls?: Control[];
  exemption?: Exemption;
  /**
   * against --previous
   */
  status?: 'new' | 'persisting' | 'resolved' | 'exemption-expired';
  firstSeen?: string;
  /**
   * stable id of rule + subject, used by the diff
   */
  fingerprint?: string;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Subject".
 */
export interface Subject {
  /**
   * apiweb-user, snyk-member, pending-provision, org, group, account
   */
  kind: string;
  id?: string;
  email?: string;
  name?: string;
  orgId?: string;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Evidence".
 */
export interface Evidence {
  /**
   * the operation the data came from
   */
  source: string;
  fetchedAt: string;
  /**
   * the field values the rule judged
   */
  fields: {};
  note?: string;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Control".
 */
export interface Control {
  framework: string;
  id: string;
  title?: string;
  relation: 'direct' | 'supporting';
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Exemption".
 */
export interface Exemption {
  reason: string;
  owner?: string;
  ticket?: string;
  expires?: string;
  /**
   * exemption, break-glass or service-account
   */
  kind?: string;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "RuleResult".
 */
export interface RuleResult {
  id: string;
  title: string;
  severity: Severity;
  rationale?: string;
  remediation?: string;
  controls?: Control[];
  outcome: 'pass' | 'fail' | 'unknown' | 'skipped';
  counts: {
    evaluated: number;
    fail: number;
    exempt: number;
    unknown: number;
  };
  /**
   * what the rule cannot see (e.g. the audit logs' 90-day retention)
   */
  limits?: string[];
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Warning".
 */
export interface Warning {
  code: string;
  message: string;
  operation?: string;
  ruleId?: string;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "Stats".
 */
export interface Stats {
  /**
   * records read per source
   */
  inventory?: {
    [k: string]: number;
  };
  mfa?: {
    enabled?: number;
    disabled?: number;
    unknown?: number;
  };
  lastLoginHistogram?: {
    label: string;
    count: number;
  }[];
  provisionAges?: {
    label: string;
    count: number;
  }[];
  /**
   * requests made, retries, 429s seen, per API
   */
  requests?: {
    [k: string]: number;
  };
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "DiffSummary".
 */
export interface DiffSummary {
  previousRunId?: string;
  new: number;
  persisting: number;
  resolved: number;
  exemptionExpired: number;
  resolvedFindings?: Finding[];
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "VersionComparison".
 */
export interface VersionComparison {
  from: string;
  to: string;
  /**
   * the OpenAPI documents the tenant served for each side (GET /rest/openapi/{version}), or why none was read
   */
  specs?: {
    side: 'from' | 'to';
    version: string;
    available: boolean;
    served?: string;
    reason?: string;
  }[];
  operations: {
    operation: string;
    from?: VersionObservation;
    to?: VersionObservation;
    differences: {
      kind: 'status' | 'header' | 'shape' | 'lifecycle' | 'content-type' | 'check' | 'spec';
      path?: string;
      message: string;
      /**
       * spec: the oasdiff check id of the change (github.com/tufin/oasdiff checker/rules.go)
       */
      rule?: string;
      /**
       * spec: oasdiff's level (error breaking, warning potentially breaking, info not breaking)
       */
      level?: 'error' | 'warning' | 'info';
      /**
       * spec: what oasdiff breaking reports (level error or warning)
       */
      breaking?: boolean;
      from?: unknown;
      to?: unknown;
    }[];
  }[];
}
/**
 * This interface was referenced by `RunResults`'s JSON-Schema
 * via the `definition` "VersionObservation".
 */
export interface VersionObservation {
  requested?: string;
  served?: string;
  lifecycleStage?: string;
  status?: number;
  contentType?: string;
  deprecation?: string;
  sunset?: string;
}
