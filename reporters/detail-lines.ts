/**
 * `Key: value` lines describing a check or a finding (Schemathesis style), shared by the text-based reports
 * (the JUnit failure bodies, the Markdown summary). Plain text: each writer escapes for its own format.
 */
import type { CheckResult, Control, Exchange, Finding, RuleResult } from '../src/model/results.ts';
import { findingControls, hasOwnControls, hasOwnTitle } from './rule-index.ts';
import { subjectLabel } from './subject-label.ts';

/** Long bodies (counterexamples, response excerpts) are cut so one check cannot bloat a report. */
export const MAX_BLOCK_CHARS = 20_000;

export function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max)}… [${value.length - max} more characters]`;
}

export function controlLabel(control: Control): string {
  return `${control.framework} ${control.id} (${control.relation})`;
}

export function jsonText(value: unknown): string {
  if (typeof value === 'string') return value;
  // Booleans and finite numbers read the same as their JSON; skipping JSON.stringify matters at 57k findings.
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function exchangeLines(exchange: Exchange): string[] {
  const lines = [
    `Exchange: ${exchange.method} ${exchange.url}${exchange.status === undefined ? '' : ` -> ${exchange.status}`}` +
      `${exchange.durationMs === undefined ? '' : ` (${Math.round(exchange.durationMs)} ms)`}`,
  ];
  if (exchange.operation !== undefined) lines.push(`Exchange operation: ${exchange.operation}`);
  for (const [k, v] of Object.entries(exchange.requestHeaders ?? {})) lines.push(`Request header: ${k}: ${v}`);
  if (exchange.requestBody !== undefined) lines.push(`Request body: ${truncate(exchange.requestBody, MAX_BLOCK_CHARS)}`);
  for (const [k, v] of Object.entries(exchange.responseHeaders ?? {})) lines.push(`Response header: ${k}: ${v}`);
  if (exchange.responseBody !== undefined) lines.push(`Response body: ${truncate(exchange.responseBody, MAX_BLOCK_CHARS)}`);
  if (exchange.error !== undefined) lines.push(`Exchange error: ${exchange.error}`);
  return lines;
}

export function checkDetailLines(check: CheckResult): string[] {
  const lines = [`Check: ${check.id} (${check.title})`, `Operation: ${check.operation}`, `Outcome: ${check.outcome}`];
  if (check.family !== undefined) lines.push(`Family: ${check.family}`);
  if (check.seed !== undefined) lines.push(`Seed: ${check.seed}`);
  if (check.path !== undefined) lines.push(`Path: ${check.path}`);
  if (check.apiVersion !== undefined) lines.push(`API version: ${check.apiVersion}`);
  if (check.orgId !== undefined) lines.push(`Org: ${check.orgId}`);
  if (check.message !== undefined) lines.push(`Message: ${check.message}`);
  if (check.counterexample !== undefined) {
    lines.push(`Counterexample: ${truncate(JSON.stringify(check.counterexample, null, 2) ?? 'undefined', MAX_BLOCK_CHARS)}`);
  }
  if (check.exchange !== undefined) lines.push(...exchangeLines(check.exchange));
  if (check.reproduction !== undefined) lines.push(`Reproduction: ${check.reproduction}`);
  for (const w of check.warnings ?? []) lines.push(`Warning: ${w}`);
  if (check.file !== undefined) lines.push(`File: ${check.file}`);
  return lines;
}

/**
 * `ruleContext: false` leaves out what is the same for every finding of the rule (its controls, its
 * remediation) when the caller shows it once per rule, as junit.xml does in the suite properties. A finding
 * without `controls` or `title` has its rule's (rule-index.ts); one that carries its own different values shows
 * them in any case.
 */
export function findingDetailLines(finding: Finding, rule: RuleResult | undefined, options: { ruleContext?: boolean } = {}): string[] {
  const ruleContext = options.ruleContext ?? true;
  const ruleTitle = rule?.title ?? finding.title;
  const lines = [`Rule: ${finding.ruleId}${ruleTitle !== undefined ? ` (${ruleTitle})` : ''}`];
  if (rule !== undefined && finding.title !== undefined && hasOwnTitle(finding, rule)) lines.push(`Title: ${finding.title}`);
  lines.push(
    `Severity: ${finding.severity}`,
    `Outcome: ${finding.outcome}`,
    `Subject: ${subjectLabel(finding.subject)}`,
  );
  if (finding.subject.name !== undefined && finding.subject.email !== undefined) lines.push(`Name: ${finding.subject.name}`);
  if (finding.message !== undefined) lines.push(`Message: ${finding.message}`);
  if (finding.status !== undefined) lines.push(`Status: ${finding.status}`);
  if (finding.firstSeen !== undefined) lines.push(`First seen: ${finding.firstSeen}`);
  lines.push(`Evidence source: ${finding.evidence.source}`, `Evidence fetched at: ${finding.evidence.fetchedAt}`);
  for (const [k, v] of Object.entries(finding.evidence.fields as Record<string, unknown>)) {
    lines.push(`Evidence field ${k}: ${truncate(jsonText(v), MAX_BLOCK_CHARS)}`);
  }
  if (finding.evidence.note !== undefined) lines.push(`Evidence note: ${finding.evidence.note}`);
  const ex = finding.exemption;
  if (ex !== undefined) {
    lines.push(`Exemption: ${ex.kind ?? 'exemption'}: ${ex.reason}`);
    if (ex.owner !== undefined) lines.push(`Exemption owner: ${ex.owner}`);
    if (ex.ticket !== undefined) lines.push(`Exemption ticket: ${ex.ticket}`);
    if (ex.expires !== undefined) lines.push(`Exemption expires: ${ex.expires}`);
  }
  const controls = findingControls(finding, rule);
  if (controls.length > 0 && (ruleContext || hasOwnControls(finding, rule))) lines.push(`Controls: ${controls.map(controlLabel).join('; ')}`);
  if (ruleContext && rule?.remediation !== undefined) lines.push(`Remediation: ${rule.remediation}`);
  if (finding.fingerprint !== undefined) lines.push(`Fingerprint: ${finding.fingerprint}`);
  return lines;
}
