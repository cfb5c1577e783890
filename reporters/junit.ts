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
 * and control ids, and each testcase's own details travel as `Key: value` lines in its body or system-out.
 */
import type { CheckResult, Finding, RuleResult, RunResults } from '../src/model/results.ts';
import { checkDetailLines, controlLabel, findingDetailLines, truncate } from './detail-lines.ts';
import { subjectLabel } from './subject-label.ts';
import { escapeXmlAttr as attr, escapeXmlText as text } from './xml-escape.ts';

/** Attribute messages stay short: CI UIs show them in one line; the full text is in the element body. */
const MAX_MESSAGE = 500;

interface SuiteAcc {
  name: string;
  properties: Array<[string, string]>;
  cases: string[];
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  timeMs: number;
  systemErr: string[];
}

/** SUREFIRE_TIME in the XSD: plain decimal seconds, no sign or exponent. */
function seconds(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return '0';
  return (ms / 1000).toFixed(3);
}

function oneLine(value: string): string {
  return truncate(value.replace(/\s+/g, ' ').trim(), MAX_MESSAGE);
}

function newSuite(name: string, properties: Array<[string, string]>): SuiteAcc {
  return { name, properties, cases: [], tests: 0, failures: 0, errors: 0, skipped: 0, timeMs: 0, systemErr: [] };
}

type CaseResult =
  | { kind: 'pass' }
  | { kind: 'failure' | 'error' | 'skipped'; message: string; type?: string; body: string };

function addCase(
  suite: SuiteAcc,
  c: { name: string; classname: string; timeMs?: number; result: CaseResult; systemOut?: string },
): void {
  suite.tests++;
  suite.timeMs += c.timeMs ?? 0;
  let inner = '';
  const r = c.result;
  if (r.kind !== 'pass') {
    if (r.kind === 'failure') suite.failures++;
    else if (r.kind === 'error') suite.errors++;
    else suite.skipped++;
    const type = r.type === undefined ? '' : ` type="${attr(r.type)}"`;
    inner += `\n      <${r.kind} message="${attr(oneLine(r.message))}"${type}>${text(r.body)}</${r.kind}>`;
  }
  if (c.systemOut !== undefined) inner += `\n      <system-out>${text(c.systemOut)}</system-out>`;
  const open = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}" time="${seconds(c.timeMs)}"`;
  suite.cases.push(inner === '' ? `${open}/>` : `${open}>${inner}\n    </testcase>`);
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

function checkSuites(results: RunResults): SuiteAcc[] {
  const byFamily = new Map<string, CheckResult[]>();
  for (const check of results.checks) {
    const family = check.family ?? 'checks';
    let list = byFamily.get(family);
    if (!list) byFamily.set(family, (list = []));
    list.push(check);
  }
  const suites: SuiteAcc[] = [];
  for (const [family, checks] of byFamily) {
    const props = runProperties(results);
    props.push(['family', family]);
    for (const op of new Set(checks.map((c) => c.operation))) props.push(['operation', op]);
    for (const seed of new Set(checks.flatMap((c) => (c.seed === undefined || c.seed === results.run.seed ? [] : [c.seed])))) {
      props.push(['check.seed', String(seed)]);
    }
    const suite = newSuite(`contract.${family}`, props);
    for (const check of checks) {
      const lines = [`Operation: ${check.operation}`];
      if (check.seed !== undefined) lines.push(`Seed: ${check.seed}`);
      if (check.path !== undefined) lines.push(`Path: ${check.path}`);
      addCase(suite, {
        name: `${check.id} [${check.operation}]`,
        classname: `contract.${family}`,
        timeMs: check.durationMs,
        result: checkResult(check),
        // Passing checks carry their replay data too: a green test can still be replayed.
        systemOut: check.outcome === 'passed' ? lines.join('\n') : undefined,
      });
    }
    suites.push(suite);
  }
  return suites;
}

function findingResult(finding: Finding, rule: RuleResult | undefined): CaseResult {
  const body = findingDetailLines(finding, rule, { ruleContext: false }).join('\n');
  const message = finding.message ?? finding.title ?? rule?.title ?? finding.ruleId;
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

function ruleLevelResult(rule: RuleResult, findings: readonly Finding[]): CaseResult | undefined {
  const has = (o: Finding['outcome']): boolean => findings.some((f) => f.outcome === o);
  const counts = `${rule.counts.evaluated} evaluated, ${rule.counts.fail} fail, ${rule.counts.exempt} exempt, ${rule.counts.unknown} unknown`;
  const body = [`Rule: ${rule.id} (${rule.title})`, `Outcome: ${rule.outcome}`, `Counts: ${counts}`, ...(rule.limits ?? []).map((l) => `Limit: ${l}`)].join('\n');
  switch (rule.outcome) {
    case 'pass':
      return findings.length === 0 ? { kind: 'pass' } : undefined;
    case 'fail':
      return has('fail') ? undefined : { kind: 'failure', message: `${rule.id} failed (${counts})`, type: rule.severity, body };
    case 'unknown':
      return has('unknown') ? undefined : { kind: 'error', message: `${rule.id} could not be evaluated (${counts})`, type: 'unknown', body };
    case 'skipped':
      return findings.length === 0 ? { kind: 'skipped', message: `${rule.id} skipped`, body } : undefined;
  }
}

function ruleSuites(results: RunResults): SuiteAcc[] {
  const findingsByRule = new Map<string, Finding[]>();
  for (const f of results.findings) {
    let list = findingsByRule.get(f.ruleId);
    if (!list) findingsByRule.set(f.ruleId, (list = []));
    list.push(f);
  }
  const rulesById = new Map(results.rules.map((r) => [r.id, r] as const));
  // Rules first in catalogue order, then any rule id that only appears on findings.
  const ids = [...new Set([...results.rules.map((r) => r.id), ...findingsByRule.keys()])];
  const suites: SuiteAcc[] = [];
  for (const id of ids) {
    const rule = rulesById.get(id);
    const findings = findingsByRule.get(id) ?? [];
    const props = runProperties(results);
    props.push(['rule.id', id]);
    const severity = rule?.severity ?? findings[0]?.severity;
    if (severity !== undefined) props.push(['severity', severity]);
    for (const c of rule?.controls ?? []) props.push(['control', controlLabel(c)]);
    for (const op of new Set(findings.map((f) => f.evidence.source))) props.push(['operation', op]);
    if (rule?.remediation !== undefined) props.push(['remediation', rule.remediation]);
    if (results.run.policy !== undefined) props.push(['policy', results.run.policy]);
    for (const limit of rule?.limits ?? []) props.push(['limit', limit]);
    const suite = newSuite(`audit.${id}`, props);
    const classname = `audit.${id}`;
    if (rule) {
      const result = ruleLevelResult(rule, findings);
      if (result) addCase(suite, { name: `${id}: ${rule.title}`, classname, result });
    }
    for (const f of findings) addCase(suite, { name: subjectLabel(f.subject), classname, result: findingResult(f, rule) });
    suite.systemErr = results.warnings.filter((w) => w.ruleId === id).map((w) => `${w.code}: ${w.message}`);
    suites.push(suite);
  }
  return suites;
}

function runSuite(results: RunResults): SuiteAcc {
  const general = results.warnings.filter((w) => w.ruleId === undefined);
  const suite = newSuite('run', runProperties(results));
  const reason = results.run.partialReason ?? 'the run was interrupted or could not complete';
  addCase(suite, {
    name: 'run completed',
    classname: 'run',
    result: results.run.partial
      ? { kind: 'error', message: `partial run: ${reason}`, type: 'partial', body: `The results hold what was done before the run stopped.\nReason: ${reason}` }
      : { kind: 'pass' },
  });
  suite.systemErr = general.map((w) => `${w.code}: ${w.message}${w.operation === undefined ? '' : ` (${w.operation})`}`);
  return suite;
}

function renderSuite(s: SuiteAcc, timestamp: string): string {
  const head =
    `  <testsuite name="${attr(s.name)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" ` +
    `skipped="${s.skipped}" time="${seconds(s.timeMs)}" timestamp="${attr(timestamp)}">`;
  const props = s.properties.map(([n, v]) => `      <property name="${attr(n)}" value="${attr(v)}"/>`);
  const parts = [head, '    <properties>', ...props, '    </properties>', ...s.cases];
  if (s.systemErr.length > 0) parts.push(`    <system-err>${text(s.systemErr.join('\n'))}</system-err>`);
  parts.push('  </testsuite>');
  return parts.join('\n');
}

export function renderJunit(results: RunResults): string {
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
  const head = `<testsuites name="${attr(name)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" time="${time}"`;
  const xml = ['<?xml version="1.0" encoding="UTF-8"?>'];
  xml.push(`${head}>`, ...suites.map((s) => renderSuite(s, results.run.startedAt)), '</testsuites>');
  return `${xml.join('\n')}\n`;
}
