/**
 * junit.xml in the common JUnit (Maven Surefire) format, valid against Jenkins' xunit-plugin junit-10.xsd (kept
 * as test/reporters/junit.xsd) and read by GitHub test-report actions, GitLab and Jenkins:
 * - one <testsuite> per contract check family (`contract.<family>`) with one <testcase> per check;
 * - one <testsuite> per audit rule (`audit.<ruleId>`) with one <testcase> per audited subject that has a finding
 *   (fail → <failure>, exempt → <skipped>, unknown → <error>), plus one rule-level testcase when the findings do
 *   not already carry the rule's outcome (a passing rule has no findings but must still show up as a test);
 * - a `run` suite first, whose one testcase errors when the run was partial (so an interrupted run is never
 *   green) and whose system-err lists the run's warnings.
 * The schema allows <properties> on suites only, so the per-suite properties carry seed, operation(s), severity
 * and control ids, and each testcase's own details travel as `Key: value` lines in its body or system-out. A
 * finding without `controls`/`title` has its rule's (rule-index.ts).
 *
 * Scale: a 100k-user tenant's audit has ~57k findings, so ~57k test cases and tens of MB of XML. The counts that
 * the <testsuites> and <testsuite> start tags need are computed first (outcomes only, no text); the audit suites'
 * test cases are then produced one at a time (junitChunks), so the document never exists as one string.
 */
import type { CheckResult, Finding, RuleResult, RunResults } from '../src/model/results.ts';
import { checkDetailLines, controlLabel, findingDetailLines, truncate } from './detail-lines.ts';
import { findingTitle, hasOwnControls } from './rule-index.ts';
import { subjectLabel } from './subject-label.ts';
import { escapeXmlAttr as attr, escapeXmlText as text } from './xml-escape.ts';

/** Attribute messages stay short: CI UIs show them in one line; the full text is in the element body. */
const MAX_MESSAGE = 500;

type CaseKind = 'pass' | 'failure' | 'error' | 'skipped';

interface Suite {
  name: string;
  properties: Array<[string, string]>;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  timeMs: number;
  systemErr: string[];
  /** The suite's <testcase> elements, produced when the suite is written. */
  cases: () => Iterable<string>;
}

/** SUREFIRE_TIME in the XSD: plain decimal seconds, no sign or exponent. */
function seconds(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return '0';
  return (ms / 1000).toFixed(3);
}

/** Whitespace that oneLine would change: any but a single space between words. */
const NOT_ONE_LINE = /[^\S ]| {2}|^ | $/;

function oneLine(value: string): string {
  return truncate(NOT_ONE_LINE.test(value) ? value.replace(/\s+/g, ' ').trim() : value, MAX_MESSAGE);
}

function newSuite(name: string, properties: Array<[string, string]>): Suite {
  return { name, properties, tests: 0, failures: 0, errors: 0, skipped: 0, timeMs: 0, systemErr: [], cases: () => [] };
}

type CaseResult =
  | { kind: 'pass' }
  | { kind: 'failure' | 'error' | 'skipped'; message: string; type?: string; body: string };

/** Counts one test case of the given kind in its suite's totals. */
function count(suite: Suite, kind: CaseKind, timeMs = 0): void {
  suite.tests++;
  suite.timeMs += timeMs;
  if (kind === 'failure') suite.failures++;
  else if (kind === 'error') suite.errors++;
  else if (kind === 'skipped') suite.skipped++;
}

/** One <testcase>; `classname` is already escaped (it is the same for a whole suite). */
function caseXml(c: { name: string; classname: string; timeMs?: number; result: CaseResult; systemOut?: string }): string {
  let inner = '';
  const r = c.result;
  if (r.kind !== 'pass') {
    const type = r.type === undefined ? '' : ` type="${attr(r.type)}"`;
    inner += `\n      <${r.kind} message="${attr(oneLine(r.message))}"${type}>${text(r.body)}</${r.kind}>`;
  }
  if (c.systemOut !== undefined) inner += `\n      <system-out>${text(c.systemOut)}</system-out>`;
  const open = `    <testcase name="${attr(c.name)}" classname="${c.classname}" time="${seconds(c.timeMs)}"`;
  return inner === '' ? `${open}/>` : `${open}>${inner}\n    </testcase>`;
}

function runProperties(results: RunResults): Array<[string, string]> {
  const run = results.run;
  const props: Array<[string, string]> = [['run.id', run.id], ['tenant', run.tenant], ['partial', String(run.partial)]];
  if (run.seed !== undefined) props.push(['seed', String(run.seed)]);
  if (run.numRuns !== undefined) props.push(['numRuns', String(run.numRuns)]);
  if (run.apiVersion !== undefined) props.push(['apiVersion', run.apiVersion]);
  return props;
}

function checkResult(check: CheckResult): CaseResult {
  const body = checkDetailLines(check).join('\n');
  const message = check.message ?? `${check.id} ${check.outcome}`;
  switch (check.outcome) {
    case 'passed':
      return { kind: 'pass' };
    case 'failed':
      return { kind: 'failure', message, type: check.id, body };
    case 'error':
      return { kind: 'error', message, type: check.id, body };
    case 'skipped':
      return { kind: 'skipped', message: check.message ?? 'skipped', body };
  }
}

function checkSuites(results: RunResults): Suite[] {
  const byFamily = new Map<string, CheckResult[]>();
  for (const check of results.checks) {
    const family = check.family ?? 'checks';
    let list = byFamily.get(family);
    if (!list) byFamily.set(family, (list = []));
    list.push(check);
  }
  const suites: Suite[] = [];
  for (const [family, checks] of byFamily) {
    const props = runProperties(results);
    props.push(['family', family]);
    for (const op of new Set(checks.map((c) => c.operation))) props.push(['operation', op]);
    for (const seed of new Set(checks.flatMap((c) => (c.seed === undefined || c.seed === results.run.seed ? [] : [c.seed])))) {
      props.push(['check.seed', String(seed)]);
    }
    const suite = newSuite(`contract.${family}`, props);
    const classname = attr(`contract.${family}`);
    // Contract checks are few (about a hundred): their cases are rendered here, with the counts.
    const cases: string[] = [];
    for (const check of checks) {
      const lines = [`Operation: ${check.operation}`];
      if (check.seed !== undefined) lines.push(`Seed: ${check.seed}`);
      if (check.path !== undefined) lines.push(`Path: ${check.path}`);
      // Assumed assertions the tenant did not meet (issue 13): a green test that still says so.
      for (const w of check.warnings ?? []) lines.push(`Warning: ${w}`);
      const result = checkResult(check);
      count(suite, result.kind, check.durationMs);
      cases.push(caseXml({
        name: `${check.id} [${check.operation}]`,
        classname,
        timeMs: check.durationMs,
        result,
        // Passing checks carry their replay data too: a green test can still be replayed.
        systemOut: check.outcome === 'passed' ? lines.join('\n') : undefined,
      }));
    }
    suite.cases = () => cases;
    suites.push(suite);
  }
  return suites;
}

const FINDING_KIND: Readonly<Record<Finding['outcome'], CaseKind>> = { fail: 'failure', unknown: 'error', exempt: 'skipped' };

function findingResult(finding: Finding, rule: RuleResult | undefined): CaseResult {
  const body = findingDetailLines(finding, rule, { ruleContext: false }).join('\n');
  const message = finding.message ?? findingTitle(finding, rule);
  switch (finding.outcome) {
    case 'fail':
      return { kind: 'failure', message, type: finding.severity, body };
    case 'unknown':
      return { kind: 'error', message: `unknown: ${message}`, type: 'unknown', body };
    case 'exempt': {
      const ex = finding.exemption;
      const why = ex === undefined ? 'exempt' : `${ex.kind ?? 'exempt'}: ${ex.reason}${ex.expires === undefined ? '' : ` (expires ${ex.expires})`}`;
      return { kind: 'skipped', message: why, body };
    }
  }
}

/** The rule's own test case, when its findings do not already carry its outcome (see the header). */
function ruleLevelResult(rule: RuleResult, outcomes: Readonly<Record<Finding['outcome'], number>>, findings: number): CaseResult | undefined {
  const counts = `${rule.counts.evaluated} evaluated, ${rule.counts.fail} fail, ${rule.counts.exempt} exempt, ${rule.counts.unknown} unknown`;
  const body = [`Rule: ${rule.id} (${rule.title})`, `Outcome: ${rule.outcome}`, `Counts: ${counts}`, ...(rule.limits ?? []).map((l) => `Limit: ${l}`)].join('\n');
  switch (rule.outcome) {
    case 'pass':
      return findings === 0 ? { kind: 'pass' } : undefined;
    case 'fail':
      return outcomes.fail > 0 ? undefined : { kind: 'failure', message: `${rule.id} failed (${counts})`, type: rule.severity, body };
    case 'unknown':
      return outcomes.unknown > 0 ? undefined : { kind: 'error', message: `${rule.id} could not be evaluated (${counts})`, type: 'unknown', body };
    case 'skipped':
      return findings === 0 ? { kind: 'skipped', message: `${rule.id} skipped`, body } : undefined;
  }
}

/**
 * Control properties of a rule suite: the rule's controls, then any other control its findings carry of their
 * own (a finding without `controls` has its rule's), each once.
 */
function controlLabels(rule: RuleResult | undefined, findings: readonly Finding[]): string[] {
  const labels = new Set((rule?.controls ?? []).map(controlLabel));
  for (const f of findings) {
    if (f.controls === undefined || !hasOwnControls(f, rule)) continue;
    for (const c of f.controls) labels.add(controlLabel(c));
  }
  return [...labels];
}

function ruleSuites(results: RunResults): Suite[] {
  const findingsByRule = new Map<string, Finding[]>();
  for (const f of results.findings) {
    let list = findingsByRule.get(f.ruleId);
    if (!list) findingsByRule.set(f.ruleId, (list = []));
    list.push(f);
  }
  const rulesById = new Map(results.rules.map((r) => [r.id, r] as const));
  // Rules first in catalogue order, then any rule id that only appears on findings.
  const ids = [...new Set([...results.rules.map((r) => r.id), ...findingsByRule.keys()])];
  const suites: Suite[] = [];
  for (const id of ids) {
    const rule = rulesById.get(id);
    const findings = findingsByRule.get(id) ?? [];
    const props = runProperties(results);
    props.push(['rule.id', id]);
    const severity = rule?.severity ?? findings[0]?.severity;
    if (severity !== undefined) props.push(['severity', severity]);
    for (const label of controlLabels(rule, findings)) props.push(['control', label]);
    const sources = new Set<string>();
    for (const f of findings) sources.add(f.evidence.source);
    for (const op of sources) props.push(['operation', op]);
    if (rule?.remediation !== undefined) props.push(['remediation', rule.remediation]);
    if (results.run.policy !== undefined) props.push(['policy', results.run.policy]);
    for (const limit of rule?.limits ?? []) props.push(['limit', limit]);
    const suite = newSuite(`audit.${id}`, props);
    const classname = attr(`audit.${id}`);
    const outcomes = { fail: 0, exempt: 0, unknown: 0 };
    for (const f of findings) outcomes[f.outcome]++;
    const ruleCase = rule ? ruleLevelResult(rule, outcomes, findings.length) : undefined;
    if (ruleCase) count(suite, ruleCase.kind);
    for (const f of findings) count(suite, FINDING_KIND[f.outcome]);
    suite.cases = function* () {
      if (rule && ruleCase) yield caseXml({ name: `${id}: ${rule.title}`, classname, result: ruleCase });
      for (const f of findings) yield caseXml({ name: subjectLabel(f.subject), classname, result: findingResult(f, rule) });
    };
    suite.systemErr = results.warnings.filter((w) => w.ruleId === id).map((w) => `${w.code}: ${w.message}`);
    suites.push(suite);
  }
  return suites;
}

function runSuite(results: RunResults): Suite {
  const general = results.warnings.filter((w) => w.ruleId === undefined);
  const suite = newSuite('run', runProperties(results));
  const reason = results.run.partialReason ?? 'the run was interrupted or could not complete';
  const result: CaseResult = results.run.partial
    ? { kind: 'error', message: `partial run: ${reason}`, type: 'partial', body: `The results hold what was done before the run stopped.\nReason: ${reason}` }
    : { kind: 'pass' };
  count(suite, result.kind);
  const only = caseXml({ name: 'run completed', classname: 'run', result });
  suite.cases = () => [only];
  suite.systemErr = general.map((w) => `${w.code}: ${w.message}${w.operation === undefined ? '' : ` (${w.operation})`}`);
  return suite;
}

function* suiteChunks(s: Suite, timestamp: string): Generator<string> {
  const head =
    `  <testsuite name="${attr(s.name)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" ` +
    `skipped="${s.skipped}" time="${seconds(s.timeMs)}" timestamp="${attr(timestamp)}">`;
  const props = s.properties.map(([n, v]) => `\n      <property name="${attr(n)}" value="${attr(v)}"/>`).join('');
  yield `${head}\n    <properties>${props}\n    </properties>`;
  for (const c of s.cases()) yield `\n${c}`;
  if (s.systemErr.length > 0) yield `\n    <system-err>${text(s.systemErr.join('\n'))}</system-err>`;
  yield '\n  </testsuite>';
}

/** junit.xml as chunks (for writeFileAtomic): the totals first, then suite by suite, test case by test case. */
export function* junitChunks(results: RunResults): Generator<string> {
  const suites = [runSuite(results), ...checkSuites(results), ...ruleSuites(results)];
  const total = { tests: 0, failures: 0, errors: 0, timeMs: 0 };
  for (const s of suites) {
    total.tests += s.tests;
    total.failures += s.failures;
    total.errors += s.errors;
    total.timeMs += s.timeMs;
  }
  const name = results.run.partial ? 'snyk-tenant-check (partial run)' : 'snyk-tenant-check';
  const time = seconds(results.run.durationMs ?? total.timeMs);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="${attr(name)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" time="${time}">`;
  for (const s of suites) {
    yield '\n';
    yield* suiteChunks(s, results.run.startedAt);
  }
  yield '\n</testsuites>\n';
}

/** junit.xml as one string (small runs, tests); large runs use junitChunks. */
export function renderJunit(results: RunResults): string {
  return [...junitChunks(results)].join('');
}
