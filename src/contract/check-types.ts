/**
 * The shape of a contract check (Schemathesis style, STYLE.md): one small definition in a registry. A
 * response check is a pure function `(ctx, response, case) → verdict`; a scenario check drives its own
 * requests (pagination walks, filter relations, stateful sequences) and returns verdicts that name the
 * operation whose contract they judged. A check that throws is an `error`, never a crashed run.
 */
import type { ApiResponse, RequestSpec } from '../client/types.ts';
import type { Exchange, Severity } from '../model/results.ts';
import type { Operation, OperationName } from '../model/operations.ts';
import type { Assertion } from './assertion.ts';
import type { CheckContext } from './check-context.ts';

/** The check ids, exactly as the mock's drift catalog and the reports name them. */
export const CHECK_IDS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'ignored_auth',
  'use_after_free',
  'ensure_resource_availability',
  'jsonapi_structure',
  'version_negotiation',
  'served_spec_conformance',
  'cursor_pagination',
  'pagination_arithmetic',
  'filter_semantics',
  'ordering_conformance',
  'field_exclusion',
  'search_semantics',
  'cross_endpoint_consistency',
  'role_xor_role_public_id',
  'provision_lifecycle',
  'group_user_removal',
  // Live safety: every test provision of the run is gone (runs last).
  'provision_residue',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export type CheckFamily =
  | 'conformance'
  | 'negative'
  | 'auth'
  | 'stateful'
  | 'jsonapi'
  | 'versioning'
  | 'pagination'
  | 'filters'
  | 'ordering'
  | 'consistency';

/** How a case was generated (Schemathesis phases / modes). */
export type CaseMode =
  | 'example'
  | 'positive'
  | 'negative'
  | 'boundary'
  | 'auth'
  | 'version'
  | 'stateful'
  /** An input whose answer the documentation leaves open: only the conformance checks judge it. */
  | 'probe';

/** One generated request and what it means for the contract. */
export interface CheckCase {
  operation: OperationName;
  mode: CaseMode;
  /** A short sentence: what the case does ("limit below its minimum (5)"). */
  description: string;
  request: RequestSpec;
  /** For negative cases: which component was made invalid (`query.limit`, `body./email`). */
  invalidComponent?: string;
  /** For valid cases whose answer is not a success (deleting an absent provision: 404). */
  expected?: number[];
  /** The assertion id `expected` rests on, when it is not the check's primary one (e.g. an assumed 404). */
  assertion?: string;
}

export interface Pass {
  status: 'pass';
  warnings?: string[];
}

export interface NotApplicable {
  status: 'not_applicable';
  reason: string;
}

export interface Failure {
  status: 'fail';
  /** Fixed per check (Schemathesis: "Undocumented HTTP status code"). */
  title: string;
  severity: Severity;
  /** `Key: value` lines (`Received: 403` / `Documented: 200, 404`). */
  message: string;
  /** The operation whose contract the failure concerns (scenario checks span operations). */
  operation?: OperationName;
  exchange?: Exchange;
  case?: CheckCase;
  counterexample?: unknown;
  warnings?: string[];
  /** The id of the check's assertion this failure breaks (default: the check's first, its primary one). */
  assertion?: string;
}

export type Verdict = Pass | NotApplicable | Failure;

interface CheckBase {
  id: CheckId;
  /** The fixed failure title. */
  title: string;
  family: CheckFamily;
  severity: Severity;
  /** One sentence: what the check asserts (docs entry, report tooltip). */
  description: string;
  /**
   * Every statement the check makes, each documented (with its quote) or assumed (our reading). The first is
   * the primary one, which a failure that names none breaks. An assumed assertion's failure is a warning
   * unless the run is strict (settle-verdict.ts).
   */
  assertions: readonly Assertion[];
  /** The operations the check applies to; a test is made for each. */
  operations: readonly OperationName[];
  /** Whether the check sends writes (skipped with a reason unless writes are allowed). */
  writes?: boolean | ((op: Operation) => boolean);
}

export interface ResponseCheck extends CheckBase {
  kind: 'response';
  /** Pure: judges one response to one case. */
  evaluate(ctx: CheckContext, response: ApiResponse, testCase: CheckCase): Verdict;
}

/** The result of a scenario: verdicts (each may name another operation) plus replay data. */
export interface ScenarioResult {
  verdicts: Verdict[];
  /** fast-check replay data when the scenario ran a property. */
  seed?: number;
  path?: string;
  counterexample?: unknown;
}

export interface ScenarioCheck extends CheckBase {
  kind: 'scenario';
  /**
   * Runs the scenario for `op`. Scenarios that cover several operations at once (the provision lifecycle)
   * are cached per context by the runner when `shared` is set, and their verdicts split by operation.
   */
  run(ctx: CheckContext, op: Operation): Promise<ScenarioResult>;
  shared?: boolean;
}

export type CheckDefinition = ResponseCheck | ScenarioCheck;
