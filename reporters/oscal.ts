/**
 * assessment-results.oscal.json (`--format oscal`): the run as an OSCAL 1.1.3 assessment-results document
 * (https://pages.nist.gov/OSCAL-Reference/models/v1.1.3/assessment-results/json-reference/), the model FedRAMP and
 * NIST tooling reads:
 * - one `result` for the run (start/end: the run's), its `reviewed-controls` the framework controls the run's
 *   rules cite (results.rules[].controls, from the reviewed mapping of src/audit/controls.ts);
 * - one `observation` per current finding (method TEST, type finding), its subject as a party and its evidence
 *   (source, time, the judged fields) as relevant evidence;
 * - one `finding` per control with at least one failing finding (outcome fail: exempt and unknown findings do
 *   not fail a control), target status not-satisfied, related to those findings' observations.
 *
 * Every UUID is name-based (uuid-v5.ts) on the run id and the object's identity, so two writes of the same results
 * give the same document except metadata.last-modified. Control ids become OSCAL tokens (oscal-control-id.ts).
 * Validated against the NIST schema shipped in schemas/external/oscal/ (test/reporters/oscal.test.ts).
 *
 * Scale: observations and findings are produced one at a time, as JSON text, as the file is written
 * (json-splice.ts); the observation UUIDs and, per failed control, the indexes of its findings are the only things
 * held for the whole run. The document is compact JSON
 * at every size (it is for tools; `jq .` indents it).
 */
import type { Control, Finding, RunResults } from '../src/model/results.ts';
import { jsonWithSplicedArrays, splicePlaceholder } from './json-splice.ts';
import { oscalControlId } from './oscal-control-id.ts';
import { RuleIndex } from './rule-index.ts';
import { subjectLabel } from './subject-label.ts';
import { TOOL_NAMESPACE, uuidV5 } from './uuid-v5.ts';

export const OSCAL_VERSION = '1.1.3';
export const OSCAL_FILE = 'assessment-results.oscal.json';
/** The namespace of this tool's own OSCAL props (OSCAL requires `ns` on a prop name it does not define). */
const OSCAL_NS = 'https://snyk-tenant-check.dev/ns/oscal';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

interface OscalOptions {
  /** metadata.last-modified (default: now). */
  now?: Date;
}

/** Text that needs no change to be an OSCAL string (StringDatatype: no leading, trailing or line-breaking whitespace). */
const CLEAN = /^\S(?:[^\t\n\r\v\f\u0085\u2028\u2029]*\S)?$/;

function oneLine(text: string): string {
  return CLEAN.test(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** A prop of this tool (`ns` set) as JSON text, with a leading comma; '' when the value is empty. */
function prop(name: string, value: string | undefined): string {
  const v = value === undefined ? '' : oneLine(value);
  return v === '' ? '' : `,{"name":${JSON.stringify(name)},"ns":${NS_JSON},"value":${JSON.stringify(v)}}`;
}

/** Props as a JSON array (an empty list is left out: OSCAL arrays have at least one item). */
function props(...items: string[]): JsonObject[] {
  const text = items.join('');
  return text === '' ? [] : (JSON.parse(`[${text.slice(1)}]`) as JsonObject[]);
}

const NS_JSON = JSON.stringify(OSCAL_NS);

/** OSCAL date-time: with a zone (Z); undefined when the text is not a date. */
function dateTime(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  // The evidence times of a run are already ISO 8601 UTC with milliseconds: kept as they are.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

interface FailedControl {
  control: Control;
  direct: boolean;
  rules: Set<string>;
  /** Indexes into the findings (and their observation UUIDs): numbers, not 57k strings per control. */
  observations: number[];
}

function observationUuid(runId: string, index: number, f: Finding): string {
  return uuidV5(TOOL_NAMESPACE, `${runId}/observation/${index}/${f.fingerprint ?? f.ruleId}`);
}

function subjectKey(f: Finding): string {
  const s = f.subject;
  return `subject/${s.kind}/${s.orgId ?? ''}/${s.id ?? s.email ?? s.name ?? ''}`;
}

/** One observation as JSON text (written once per finding: text, not an object to serialise). */
function observationJson(results: RunResults, rules: RuleIndex, f: Finding, uuid: string): string {
  const title = rules.title(f);
  const collected = dateTime(f.evidence.fetchedAt) ?? dateTime(results.run.startedAt) ?? new Date(0).toISOString();
  const s = f.subject;
  const observationProps =
    prop('rule-id', f.ruleId) +
    prop('severity', f.severity) +
    prop('outcome', f.outcome) +
    prop('diff-status', f.status) +
    prop('fingerprint', f.fingerprint) +
    prop('first-seen', f.firstSeen) +
    prop('exemption-kind', f.exemption?.kind) +
    prop('exemption-reason', f.exemption?.reason);
  const subjectProps = prop('subject-kind', s.kind);
  const remarks = JSON.stringify(f.evidence.fields) + (f.evidence.note !== undefined ? `\n\n${f.evidence.note}` : '');
  return (
    `{"uuid":"${uuid}","title":${JSON.stringify(title)},"description":${JSON.stringify(f.message ?? title)}` +
    (observationProps === '' ? '' : `,"props":[${observationProps.slice(1)}]`) +
    `,"methods":["TEST"],"types":["finding"]` +
    `,"subjects":[{"subject-uuid":"${uuidV5(TOOL_NAMESPACE, subjectKey(f))}","type":"party","title":${JSON.stringify(subjectLabel(s))}` +
    (subjectProps === '' ? '' : `,"props":[${subjectProps.slice(1)}]`) +
    `}],"relevant-evidence":[{"description":${JSON.stringify(`${f.evidence.source} at ${f.evidence.fetchedAt}`)},"remarks":${JSON.stringify(remarks)}}]` +
    `,"collected":"${collected}"}`
  );
}

/** assessment-results.oscal.json as chunks (for writeFileAtomic). */
export function* oscalChunks(results: RunResults, options: OscalOptions = {}): Generator<string> {
  const runId = results.run.id;
  const rules = new RuleIndex(results.rules);

  // Controls the run reviewed: every control a rule of the run cites, in first-seen order.
  const reviewed = new Map<string, Control>();
  for (const rule of results.rules) {
    if (rule.outcome === 'skipped') continue;
    for (const c of rule.controls ?? []) if (!reviewed.has(oscalControlId(c))) reviewed.set(oscalControlId(c), c);
  }
  // One pass over the findings: their observation UUIDs, and the controls their failures fail.
  const failed = new Map<string, FailedControl>();
  const uuids: string[] = new Array<string>(results.findings.length);
  results.findings.forEach((f, i) => {
    const uuid = observationUuid(runId, i, f);
    uuids[i] = uuid;
    if (f.outcome !== 'fail') return;
    for (const c of rules.controls(f)) {
      const id = oscalControlId(c);
      if (!reviewed.has(id)) reviewed.set(id, c);
      let entry = failed.get(id);
      if (entry === undefined) failed.set(id, (entry = { control: c, direct: false, rules: new Set(), observations: [] }));
      entry.direct ||= c.relation === 'direct';
      entry.rules.add(f.ruleId);
      entry.observations.push(i);
    }
  });

  /** One finding per failed control, as JSON text: its related-observations list is the long part. */
  function* findings(): Generator<string> {
    for (const [id, e] of failed) {
      const label = `${e.control.framework} ${e.control.id}${e.control.title !== undefined ? ` ${e.control.title}` : ''}`;
      const head = {
        uuid: uuidV5(TOOL_NAMESPACE, `${runId}/finding/${id}`),
        title: `${label}: not satisfied`,
        description: `${e.observations.length} failing finding(s) of ${[...e.rules].sort().join(', ')} ${e.direct ? 'test this control' : 'give evidence towards this control (supporting relation)'}.`,
        props: props(prop('framework', e.control.framework), prop('control', e.control.id), prop('relation', e.direct ? 'direct' : 'supporting')),
        target: { type: 'objective-id', 'target-id': id, title: label, status: { state: 'not-satisfied' } },
      };
      let related = '';
      for (let k = 0; k < e.observations.length; k++) related += `${k === 0 ? '' : ','}{"observation-uuid":"${uuids[e.observations[k] as number]}"}`;
      yield `${JSON.stringify(head).slice(0, -1)},"related-observations":[${related}]}`;
    }
  }

  const run = results.run;
  const result: JsonObject = {
    uuid: uuidV5(TOOL_NAMESPACE, `${runId}/result`),
    title: `snyk-tenant-check run ${runId}`,
    description: `Contract checks and compliance audit of a Snyk tenant (${run.tenant}; suites: ${run.suites.join(', ')})${run.partial ? `; partial run: ${run.partialReason ?? 'incomplete'}` : ''}.`,
    start: dateTime(run.startedAt) ?? new Date(0).toISOString(),
    ...(dateTime(run.finishedAt) !== undefined ? { end: dateTime(run.finishedAt) } : {}),
    props: props(
      prop('run-id', runId),
      prop('tenant', run.tenant),
      prop('partial', String(run.partial)),
      prop('policy', run.policy),
      prop('previous-run-id', results.diff?.previousRunId),
      prop('checks-failed', String(results.summary.checks.failed)),
      prop('findings-failing', String(results.summary.findings.fail)),
    ),
    'reviewed-controls': {
      'control-selections': [
        reviewed.size > 0
          ? { description: 'The framework controls the run\'s audit rules cite.', 'include-controls': [...reviewed.keys()].map((id) => ({ 'control-id': id })) }
          : { description: 'The run cites no framework control (no audit rule ran).', 'include-all': {} },
      ],
    },
    ...(results.findings.length > 0 ? { observations: splicePlaceholder('observations') } : {}),
    ...(failed.size > 0 ? { findings: splicePlaceholder('findings') } : {}),
  };
  const doc = {
    'assessment-results': {
      uuid: uuidV5(TOOL_NAMESPACE, `${runId}/assessment-results`),
      metadata: {
        title: `snyk-tenant-check assessment results, run ${runId}`,
        'last-modified': (options.now ?? new Date()).toISOString(),
        version: results.tool.version,
        'oscal-version': OSCAL_VERSION,
        props: props(prop('tool', results.tool.name)),
      },
      'import-ap': {
        href: 'results.json',
        remarks: 'There is no separate assessment plan: the run\'s results.json records what was planned and run (suites, policy, seed, API version).',
      },
      results: [result],
    },
  };
  function* observations(): Generator<string> {
    for (let i = 0; i < results.findings.length; i++) yield observationJson(results, rules, results.findings[i] as Finding, uuids[i] as string);
  }
  yield* jsonWithSplicedArrays(doc, { observations: observations(), findings: findings() });
}
