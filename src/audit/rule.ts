/**
 * What a rule is: a plain definition object (ajv-style), registered in the array in catalog.ts. A rule
 * reads one or more inventory sources and judges each record it is given as it arrives (streaming);
 * aggregate rules keep counters and judge in `finish`. A rule never sees the policy's exemptions: the
 * engine applies them, so every rule is exempted the same way.
 */
import type { Control, Evidence, Severity, Subject } from '../model/results.ts';
import type { InventoryRecord, SourceName } from './inventory.ts';

export interface ParameterDefinition {
  type: 'integer';
  default: number;
  minimum: number;
  maximum?: number;
  unit?: 'days' | 'accounts';
  description: string;
}

export type RuleParams = Readonly<Record<string, number>>;

/** A failing or undecidable subject, before the engine adds severity, fingerprint and exemption. */
export interface Judgement {
  outcome: 'fail' | 'unknown';
  subject: Subject;
  message: string;
  /**
   * The finding's evidence as is: the operation the judged values came from (`source`), when it was fetched,
   * the judged field values as the API sent them (`fields`) and an optional note.
   */
  evidence: Evidence;
  /** Only when this finding maps to other controls than its rule (the rule's are in its RuleResult). */
  controls?: readonly Control[];
}

/** `pass` = the subject was judged and is clean; undefined = the record is not something this rule judges. */
export type Verdict = 'pass' | Judgement | undefined;

export interface ActivitySeen {
  at: number;
  /** The operation (or the last-seen state) the activity was seen in. */
  source: string;
  event?: string;
}

/** What the documented per-user audit-log search (`user_id` filter) concluded for one user this run. */
export interface ActivityLookup {
  outcome: 'found' | 'none' | 'failed';
  reason?: string;
}

/** Audit-log activity and the last-seen state, merged (activity.ts). */
export interface ActivityView {
  lastSeen(userId: string): ActivitySeen | undefined;
  /** The user's per-user search this run; undefined = none was made. */
  lookup(userId: string): ActivityLookup | undefined;
  /** Start of the continuous window in which every audit-log event has been seen; undefined = none. */
  coveredSince(): number | undefined;
  /** The start of this run's audit-log query window. */
  windowFrom(): number | undefined;
}

export type SourceStatus = 'ok' | 'partial' | 'unavailable' | 'skipped' | 'pending';

export interface PolicyView {
  allowedDomains: readonly string[];
  adminRolePublicIds: readonly string[];
}

export interface RuleContext {
  /** The instant the run judges time against (epoch ms). */
  now: number;
  params: RuleParams;
  policy: PolicyView;
  activity: ActivityView;
  sourceStatus(source: SourceName): SourceStatus;
}

export interface RuleEvaluator {
  observe(record: InventoryRecord): Verdict;
  /** Aggregate rules: their verdicts once every record has been seen. */
  finish?(): Verdict[];
}

export interface RuleDefinition {
  /** Stable id (INTERFACE.md for the core rules). */
  id: string;
  /** Bumped when the rule's semantics change, so a diff can tell "rule changed" from "tenant changed". */
  version: number;
  title: string;
  severity: Severity;
  rationale: string;
  remediation: string;
  controls: readonly Control[];
  /** The inventory sources the rule reads. */
  sources: readonly SourceName[];
  parameters: Readonly<Record<string, ParameterDefinition>>;
  /** Why the rule cannot run under this policy (it is then `skipped`), or undefined. */
  notConfigured?(policy: PolicyView): string | undefined;
  /** What the rule cannot see under these parameters (RuleResult.limits). */
  limits?(params: RuleParams): string[];
  evaluate(ctx: RuleContext): RuleEvaluator;
}

/** The default parameter values of a rule. */
export function defaultParams(rule: RuleDefinition): Record<string, number> {
  return Object.fromEntries(Object.entries(rule.parameters).map(([k, p]) => [k, p.default]));
}

/** A parameter value; the engine always passes every declared parameter, so a miss is a programming error. */
export function param(ctx: RuleContext, name: string): number {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`rule parameter ${name} is not set`);
  return value;
}
