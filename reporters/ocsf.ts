/**
 * findings.ocsf.jsonl (`--format ocsf`): the run's findings as OCSF 1.6.0 events (https://schema.ocsf.io/1.6.0/),
 * the way Prowler exports its check results (https://github.com/prowler-cloud/prowler, prowler/lib/outputs/ocsf),
 * one event per line (NDJSON):
 * - each audit finding (findings[], and diff.resolvedFindings as closed findings) is a **Compliance Finding**
 *   (class_uid 2003): the audit judges a subject against a policy mapped to framework controls, which is what
 *   the class is for ("results of evaluations performed against resources, to check compliance with various
 *   Industry Frameworks or Security Standards"); `compliance.standards` / `requirements` carry the controls the
 *   finding cites, `compliance.control` the rule;
 * - each failed contract check is a **Detection Finding** (class_uid 2004): the tenant's API did not behave as
 *   Snyk's documentation says. That is no framework control, so Compliance Finding (whose `compliance` object is
 *   required) does not fit; Detection Finding is the generic "a product detected something" class, and the one
 *   Prowler emits for every failed check.
 *
 * One JSON object per line, not a JSON array: the pipelines that feed a SIEM or security lake (Splunk HEC and
 * file monitors, Amazon Data Firehose into Security Lake, Fluent Bit, Vector, Logstash, `jq -c`) take one event
 * per line and can start before the file ends; a 57k-finding array would have to be parsed whole. Every line
 * validates against schemas/external/ocsf/ocsf-1.6.0-<class>.json (test/reporters/ocsf.test.ts).
 *
 * Times are epoch milliseconds (OCSF timestamp_t). `finding_info.first_seen_time` is the finding's firstSeen
 * (carried over by --previous / --state), `last_seen_time` the time its evidence was fetched in this run.
 */
import { createHash } from 'node:crypto';
import type { CheckResult, Control, Finding, RuleResult, RunResults, Severity } from '../src/model/results.ts';
import { hasOwnControls, RuleIndex } from './rule-index.ts';

export const OCSF_VERSION = '1.6.0';
export const OCSF_FILE = 'findings.ocsf.jsonl';

const CATEGORY_FINDINGS = 2;
const COMPLIANCE_FINDING = 2003;
const DETECTION_FINDING = 2004;

/** Finding activity (OCSF finding.activity_id): a finding open in this run is created, a resolved one closed. */
const ACTIVITY = { create: { id: 1, name: 'Create' }, close: { id: 3, name: 'Close' } } as const;

/** OCSF severity_id (dictionary severity_id). */
const SEVERITY: Readonly<Record<Severity, { id: number; name: string }>> = {
  critical: { id: 5, name: 'Critical' },
  high: { id: 4, name: 'High' },
  medium: { id: 3, name: 'Medium' },
  low: { id: 2, name: 'Low' },
  info: { id: 1, name: 'Informational' },
};

/** OCSF finding.status_id: the finding's workflow state. */
const STATUS = { new: { id: 1, name: 'New' }, suppressed: { id: 3, name: 'Suppressed' }, resolved: { id: 4, name: 'Resolved' } } as const;

/** OCSF compliance.status_id: 1 Pass, 2 Warning ("did not yield a result due to missing information"), 3 Fail. */
const COMPLIANCE_STATUS = { fail: { id: 3, name: 'Fail' }, warning: { id: 2, name: 'Warning' } } as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };
export type OcsfEvent = { [key: string]: Json | undefined };

function epochMs(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function product(results: RunResults): OcsfEvent {
  return { name: results.tool.name, uid: results.tool.name, vendor_name: results.tool.name, version: results.tool.version };
}

function metadata(results: RunResults, eventCode: string, uid?: string): OcsfEvent {
  return {
    version: OCSF_VERSION,
    product: product(results),
    event_code: eventCode,
    ...(uid !== undefined ? { uid } : {}),
    profiles: [],
    // The run's own id, so every event of one run can be selected together.
    correlation_uid: results.run.id,
    ...(results.run.groupId !== undefined ? { tenant_uid: results.run.groupId } : {}),
    ...(results.run.partial ? { labels: ['partial-run'] } : {}),
  };
}

function controlLabel(c: Control): string {
  return `${c.framework} ${c.id}`;
}

/** The stable id of a finding: its fingerprint (rule + subject), else the same made from its fields. */
function findingUid(f: Finding): string {
  return f.fingerprint ?? shortHash(`${f.ruleId}\u0000${f.subject.kind}\u0000${f.subject.id ?? ''}\u0000${f.subject.email ?? ''}\u0000${f.subject.orgId ?? ''}`);
}

/** The members of an object as JSON text without its braces, to splice into an event being written. */
function members(value: OcsfEvent): string {
  return JSON.stringify(value).slice(1, -1);
}

interface SharedParts {
  /** Classification, status, metadata, remediation: members without braces. */
  head: string;
  /** The compliance object's members without braces (the finding adds its status_detail). */
  compliance: string;
  /** unmapped.controls: the controls with their relation (direct or supporting). */
  controls: string;
}

/**
 * The parts of a Compliance Finding that are the same for every finding of a rule with the same outcome (its
 * classification, compliance, metadata, remediation), as JSON text made once: ~57k findings of a 100k-user tenant
 * share a handful of rules, and serialising these parts once per rule instead of once per finding is most of the
 * export's time (docs/benchmarks.md).
 */
class ComplianceParts {
  readonly #cache = new Map<string, SharedParts>();
  constructor(private readonly results: RunResults) {}

  get(f: Finding, rule: RuleResult | undefined, controls: readonly Control[], ownControls: boolean, resolved: boolean): SharedParts {
    const key = `${f.ruleId}\u0000${f.outcome}\u0000${f.severity}\u0000${resolved}${ownControls ? `\u0000${JSON.stringify(controls)}` : ''}`;
    let parts = this.#cache.get(key);
    if (parts === undefined) this.#cache.set(key, (parts = this.#make(f, rule, controls, resolved)));
    return parts;
  }

  #make(f: Finding, rule: RuleResult | undefined, controls: readonly Control[], resolved: boolean): SharedParts {
    const activity = resolved ? ACTIVITY.close : ACTIVITY.create;
    const severity = SEVERITY[f.severity] ?? { id: 0, name: 'Unknown' };
    const status = resolved ? STATUS.resolved : f.outcome === 'exempt' ? STATUS.suppressed : STATUS.new;
    const compliance = f.outcome === 'unknown' ? COMPLIANCE_STATUS.warning : COMPLIANCE_STATUS.fail;
    const standards = [...new Set(controls.map((c) => c.framework))];
    const head: OcsfEvent = {
      activity_id: activity.id,
      activity_name: activity.name,
      category_uid: CATEGORY_FINDINGS,
      category_name: 'Findings',
      class_uid: COMPLIANCE_FINDING,
      class_name: 'Compliance Finding',
      type_uid: COMPLIANCE_FINDING * 100 + activity.id,
      type_name: `Compliance Finding: ${activity.name}`,
      severity_id: severity.id,
      severity: severity.name,
      status_id: status.id,
      status: status.name,
      status_code: f.outcome,
      metadata: metadata(this.results, f.ruleId),
      ...(rule?.remediation !== undefined ? { remediation: { desc: rule.remediation } } : {}),
    };
    const complianceMembers: OcsfEvent = {
      control: f.ruleId,
      ...(standards.length > 0 ? { standards } : {}),
      ...(controls.length > 0 ? { requirements: controls.map(controlLabel) } : {}),
      status_id: compliance.id,
      status: compliance.name,
      status_code: f.outcome,
    };
    const list = controls.map((c) => ({ framework: c.framework, id: c.id, relation: c.relation }));
    return { head: members(head), compliance: members(complianceMembers), controls: JSON.stringify(list) };
  }
}

/**
 * One audit finding as a Compliance Finding (a line of JSON); `resolved` for a finding of diff.resolvedFindings.
 * The event's members: the rule's shared parts (ComplianceParts), then what is the finding's own.
 */
function complianceFindingJson(results: RunResults, parts: ComplianceParts, rules: RuleIndex, f: Finding, resolved: boolean): string {
  const rule = rules.rule(f.ruleId);
  const controls = rules.controls(f);
  const shared = parts.get(f, rule, controls, hasOwnControls(f, rule), resolved);
  const title = rules.title(f);
  // Last seen when its evidence was fetched; a resolved finding's evidence is the earlier run's, and its closing
  // event happens in this run.
  const seen = epochMs(f.evidence.fetchedAt) ?? epochMs(results.run.startedAt) ?? 0;
  const time = resolved ? (epochMs(results.run.startedAt) ?? seen) : seen;
  const s = f.subject;
  const user: OcsfEvent | undefined =
    s.id !== undefined || s.name !== undefined || s.email !== undefined
      ? {
          ...(s.id !== undefined ? { uid: s.id } : {}),
          name: s.name ?? s.email ?? s.id,
          ...(s.email !== undefined ? { email_addr: s.email } : {}),
          ...(s.orgId !== undefined ? { org: { uid: s.orgId } } : {}),
        }
      : undefined;
  const own: OcsfEvent = {
    time,
    message: f.message ?? title,
    finding_info: {
      uid: findingUid(f),
      title,
      ...(rule?.rationale !== undefined ? { desc: rule.rationale } : {}),
      types: [f.ruleId],
      ...(f.firstSeen !== undefined ? { first_seen_time: epochMs(f.firstSeen) } : {}),
      last_seen_time: seen,
    },
    resources: [
      {
        type: s.kind,
        ...(s.id !== undefined ? { uid: s.id } : {}),
        name: s.email ?? s.name ?? s.id ?? s.kind,
        ...(s.orgId !== undefined ? { group: { uid: s.orgId } } : {}),
      },
    ],
    evidences: [
      {
        ...(user !== undefined ? { user } : {}),
        data: { source: f.evidence.source, fetchedAt: f.evidence.fetchedAt, fields: f.evidence.fields as Json, ...(f.evidence.note !== undefined ? { note: f.evidence.note } : {}) },
      },
    ],
  };
  const unmapped: OcsfEvent = {
    ...(f.status !== undefined ? { diff_status: f.status } : {}),
    ...(f.exemption !== undefined ? { exemption: f.exemption as unknown as Json } : {}),
    ...(results.run.partial ? { run_partial: true } : {}),
  };
  const extra = members(unmapped);
  const detail = f.message !== undefined ? `,"status_detail":${JSON.stringify(f.message)}` : '';
  return `{${shared.head},"compliance":{${shared.compliance}${detail}},${members(own)},"unmapped":{"controls":${shared.controls}${extra === '' ? '' : `,${extra}`}}}`;
}

/**
 * One failed contract check as a Detection Finding. Contract checks carry no severity of their own (the suite
 * does not rank them), so severity_id is 0 Unknown rather than a rank the documentation does not give.
 */
function ocsfDetectionFinding(results: RunResults, c: CheckResult): OcsfEvent {
  const seen = epochMs(c.exchange?.startedAt) ?? epochMs(results.run.startedAt) ?? 0;
  const uid = shortHash(`${c.id}\u0000${c.operation}\u0000${c.orgId ?? ''}\u0000${c.apiVersion ?? ''}`);
  const evidence: { [key: string]: Json | undefined } = {
    operation: c.operation,
    ...(c.seed !== undefined ? { seed: c.seed } : {}),
    ...(c.path !== undefined ? { path: c.path } : {}),
    ...(c.counterexample !== undefined ? { counterexample: c.counterexample as Json } : {}),
    ...(c.reproduction !== undefined ? { reproduction: c.reproduction } : {}),
    ...(c.exchange !== undefined ? { exchange: c.exchange as unknown as Json } : {}),
  };
  return {
    activity_id: ACTIVITY.create.id,
    activity_name: ACTIVITY.create.name,
    category_uid: CATEGORY_FINDINGS,
    category_name: 'Findings',
    class_uid: DETECTION_FINDING,
    class_name: 'Detection Finding',
    type_uid: DETECTION_FINDING * 100 + ACTIVITY.create.id,
    type_name: `Detection Finding: ${ACTIVITY.create.name}`,
    time: seen,
    severity_id: 0,
    severity: 'Unknown',
    status_id: STATUS.new.id,
    status: STATUS.new.name,
    status_code: c.outcome,
    message: c.message ?? c.title,
    ...(c.message !== undefined ? { status_detail: c.message } : {}),
    is_alert: true,
    metadata: metadata(results, c.id, `${results.run.id}:${uid}`),
    finding_info: {
      uid,
      title: c.title,
      desc: `${c.operation}: ${c.message ?? c.title}`,
      types: [c.family ?? 'contract', c.id],
      last_seen_time: seen,
    },
    evidences: [{ data: evidence }],
    unmapped: {
      operation: c.operation,
      ...(c.orgId !== undefined ? { org_id: c.orgId } : {}),
      ...(c.apiVersion !== undefined ? { api_version: c.apiVersion } : {}),
      ...(c.warnings !== undefined ? { warnings: c.warnings } : {}),
      ...(results.run.partial ? { run_partial: true } : {}),
    },
  };
}

/** findings.ocsf.jsonl as chunks (for writeFileAtomic): one line per event, failed checks first, then findings, then resolved findings. */
export function* ocsfChunks(results: RunResults): Generator<string> {
  for (const c of results.checks) if (c.outcome === 'failed') yield `${JSON.stringify(ocsfDetectionFinding(results, c))}\n`;
  const rules = new RuleIndex(results.rules);
  const parts = new ComplianceParts(results);
  for (const f of results.findings) yield `${complianceFindingJson(results, parts, rules, f, false)}\n`;
  for (const f of results.diff?.resolvedFindings ?? []) yield `${complianceFindingJson(results, parts, rules, f, true)}\n`;
}

/** Every event of the run as objects (tests, small runs): the lines of ocsfChunks parsed. */
export function* ocsfEvents(results: RunResults): Generator<OcsfEvent> {
  for (const line of ocsfChunks(results)) yield JSON.parse(line) as OcsfEvent;
}
