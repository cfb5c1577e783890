/**
 * summary.md for $GITHUB_STEP_SUMMARY: headline, counts, failed checks, rules, top findings by severity.
 * GitHub caps a step summary at 1 MiB, so every list is bounded and the whole text is cut below
 * MAX_SUMMARY_BYTES with a notice. Tenant strings are escaped for GitHub-flavoured Markdown table cells:
 * HTML-significant characters become entities, Markdown punctuation is backslash-escaped, line breaks become
 * spaces, so no tenant string can open a link, an image, raw HTML or break out of its cell. A finding without
 * `title` has its rule's (rule-index.ts).
 */
import type { Finding, RunResults, Severity } from '../src/model/results.ts';
import { SEVERITIES } from '../src/model/results.ts';
import { RuleIndex } from './rule-index.ts';
import { subjectLabel } from './subject-label.ts';

export const MAX_SUMMARY_BYTES = 900_000;
const MAX_FAILED_CHECKS = 30;
const MAX_RULES = 60;
const MAX_TOP_FINDINGS = 50;
const MAX_WARNINGS = 20;
const MAX_CELL = 160;

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes a tenant string for one Markdown table cell or inline text. */
export function mdText(value: string, max = MAX_CELL): string {
  let s = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  if (s.length > max) s = `${s.slice(0, max)}…`;
  return s.replace(/[&<>"]/g, (c) => HTML_ENTITIES[c] ?? c).replace(/[\\`*_{}[\]()#+\-.!|~@]/g, '\\$&');
}

/**
 * Escapes a tenant string for an inline code span. Inside a code span backslash escapes and entities are literal,
 * so backticks are replaced instead; a pipe still needs `\|` inside a table cell (GFM tables spec).
 */
export function mdCode(value: string, max = 80): string {
  let s = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/`/g, "'").trim();
  if (s.length > max) s = `${s.slice(0, max)}…`;
  return `\`${s.replace(/\|/g, '\\|') || ' '}\``;
}

const OUTCOME_ICON: Readonly<Record<string, string>> = { passed: '✅', failed: '❌', error: '⚠️', skipped: '⏭️', pass: '✅', fail: '❌', unknown: '❓' };


function headline(results: RunResults): string {
  const c = results.summary.checks;
  const f = results.summary.findings;
  const bad = c.failed + c.error > 0 || f.fail > 0;
  const icon = results.run.partial ? '⚠️' : bad ? '❌' : '✅';
  const parts: string[] = [];
  if (results.run.suites.includes('contract')) parts.push(`${c.failed} of ${c.total} checks failed${c.error > 0 ? `, ${c.error} errored` : ''}`);
  if (results.run.suites.includes('audit')) parts.push(`${f.fail} failing findings${f.unknown > 0 ? `, ${f.unknown} unknown` : ''}`);
  return `# ${icon} snyk-tenant-check${results.run.partial ? ' (partial run)' : ''}: ${parts.join('; ') || 'nothing ran'}`;
}

function runLine(results: RunResults): string {
  const r = results.run;
  const bits = [`run ${mdCode(r.id, 80)}`, `tenant ${r.tenant}`, `suites ${r.suites.join(', ') || 'none'}`];
  if (r.seed !== undefined) bits.push(`seed ${r.seed}`);
  if (r.durationMs !== undefined) bits.push(`${(r.durationMs / 1000).toFixed(1)} s`);
  if (r.apiVersion !== undefined) bits.push(`API ${mdText(r.apiVersion, 40)}`);
  if (r.policy !== undefined) bits.push(`policy ${mdText(r.policy, 80)}`);
  return bits.join(' · ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function more(shown: number, total: number, what: string): string[] {
  return total > shown ? ['', `… and ${total - shown} more ${what} (see report.html).`] : [];
}

/**
 * The first MAX_TOP_FINDINGS failing findings, most severe first and, within a severity, new before persisting
 * (otherwise in results order): one pass into a bucket per (severity, new?) that stops filling when full,
 * instead of sorting every failing finding of a large tenant to keep fifty.
 */
function topFindings(results: RunResults): Finding[] {
  const buckets: Finding[][] = Array.from({ length: SEVERITIES.length * 2 }, () => []);
  for (const f of results.findings) {
    if (f.outcome !== 'fail') continue;
    const bucket = buckets[SEVERITIES.indexOf(f.severity as Severity) * 2 + (f.status === 'new' ? 0 : 1)];
    if (bucket !== undefined && bucket.length < MAX_TOP_FINDINGS) bucket.push(f);
  }
  return buckets.flat().slice(0, MAX_TOP_FINDINGS);
}

export function renderSummaryMarkdown(results: RunResults): string {
  const out: string[] = [headline(results), ''];
  if (results.run.partial) {
    out.push(`> [!WARNING]`, `> **Partial run**: ${mdText(results.run.partialReason ?? 'the run was interrupted or could not complete', 400)}. The results hold what was done.`, '');
  }
  out.push(runLine(results), '');

  const c = results.summary.checks;
  const f = results.summary.findings;
  out.push('## Counts', '');
  out.push(...table(['', 'total', 'passed / pass', 'failed / fail', 'skipped / exempt', 'error / unknown'], [
    ['checks', String(c.total), String(c.passed), String(c.failed), String(c.skipped), String(c.error)],
    ['findings', String(f.total), '', String(f.fail), String(f.exempt), String(f.unknown)],
  ]));
  out.push('');
  out.push(...table([...SEVERITIES], [SEVERITIES.map((s) => String(f.bySeverity[s] ?? 0))]));
  // Without --previous every finding counts as new (an empty baseline); saying so would only mislead.
  if (results.diff || results.run.previous) {
    out.push('', `Against the previous run: ${f.new ?? 0} new, ${f.persisting ?? 0} persisting, ${f.resolved ?? 0} resolved.`);
  }
  out.push('');

  const cmp = results.comparison;
  if (cmp) {
    const changed = cmp.operations.filter((o) => o.differences.length > 0);
    out.push(`## REST ${mdText(cmp.from, 40)} → ${mdText(cmp.to, 40)} (${changed.length} of ${cmp.operations.length} operations change)`, '');
    const side = (v?: { status?: number; served?: string; lifecycleStage?: string; deprecation?: string; sunset?: string }): string =>
      v ? mdText([v.status ?? '-', v.served ?? '-', v.lifecycleStage ?? '-', v.sunset ? `sunset ${v.sunset}` : ''].join(' ').trim(), 120) : '-';
    out.push(...table(['', 'operation', 'from', 'to', 'differences'], cmp.operations.map((o) => [
      o.differences.length ? '≠' : '=',
      mdCode(o.operation),
      side(o.from),
      side(o.to),
      o.differences.length ? mdText(o.differences.slice(0, 3).map((d) => d.message).join('; '), 300) + (o.differences.length > 3 ? ` (+${o.differences.length - 3})` : '') : '',
    ])), '');
    // What the tenant's own OpenAPI documents say changed, classified as oasdiff does (src/contract/spec-diff.ts).
    const spec = cmp.operations.flatMap((o) => o.differences.filter((d) => d.kind === 'spec').map((d) => ({ operation: o.operation, d })));
    const missing = (cmp.specs ?? []).filter((x) => !x.available);
    if (missing.length > 0) {
      out.push(`Spec changes not compared: ${mdText(missing.map((x) => x.reason ?? x.version).join('; '), 300)}`, '');
    } else if (spec.length > 0) {
      out.push(`### Served OpenAPI documents: ${spec.filter((x) => x.d.breaking).length} breaking of ${spec.length} change(s)`, '');
      out.push(...table(['', 'operation', 'rule', 'where', 'change'], spec.slice(0, MAX_RULES).map(({ operation, d }) => [
        d.level === 'error' ? '❌' : d.level === 'warning' ? '⚠️' : 'ℹ️',
        mdCode(operation),
        mdCode(d.rule ?? '', 80),
        mdText(d.path ?? '', 120),
        mdText(d.message, 200),
      ])), '');
    }
  }

  const failed = results.checks.filter((ch) => ch.outcome === 'failed' || ch.outcome === 'error');
  if (failed.length > 0) {
    out.push(`## Failed checks (${failed.length})`, '');
    out.push(...table(['', 'check', 'operation', 'message'], failed.slice(0, MAX_FAILED_CHECKS).map((ch) => [
      OUTCOME_ICON[ch.outcome] ?? '',
      mdCode(ch.id, 80),
      mdText(ch.operation, 80),
      mdText(ch.message ?? ch.title),
    ])));
    out.push(...more(Math.min(failed.length, MAX_FAILED_CHECKS), failed.length, 'failed checks'), '');
  }

  if (results.rules.length > 0) {
    out.push(`## Rules (${results.rules.length})`, '');
    out.push(...table(['', 'rule', 'severity', 'evaluated', 'fail', 'exempt', 'unknown'], results.rules.slice(0, MAX_RULES).map((r) => [
      OUTCOME_ICON[r.outcome] ?? r.outcome,
      `${mdCode(r.id, 80)} ${mdText(r.title, 100)}`,
      r.severity,
      String(r.counts.evaluated),
      String(r.counts.fail),
      String(r.counts.exempt),
      String(r.counts.unknown),
    ])));
    out.push(...more(Math.min(results.rules.length, MAX_RULES), results.rules.length, 'rules'), '');
  }

  const top = topFindings(results);
  const rules = new RuleIndex(results.rules);
  if (top.length > 0) {
    out.push(`## Top findings (${f.fail} failing)`, '');
    out.push(...table(['severity', 'rule', 'subject', 'status', 'message'], top.map((x) => [
      x.severity,
      mdCode(x.ruleId, 80),
      mdText(subjectLabel(x.subject)),
      x.status ?? '',
      mdText(x.message ?? rules.title(x)),
    ])));
    out.push(...more(top.length, f.fail, 'failing findings'), '');
  }

  if (results.warnings.length > 0) {
    out.push(`## Warnings (${results.warnings.length})`, '');
    for (const w of results.warnings.slice(0, MAX_WARNINGS)) out.push(`- ${mdCode(w.code, 60)} ${mdText(w.message, 300)}`);
    out.push(...more(Math.min(results.warnings.length, MAX_WARNINGS), results.warnings.length, 'warnings'), '');
  }

  return boundBytes(`${out.join('\n')}\n`);
}

/** Cuts at a line boundary below MAX_SUMMARY_BYTES (UTF-8), keeping the headline. */
function boundBytes(md: string): string {
  if (Buffer.byteLength(md, 'utf8') <= MAX_SUMMARY_BYTES) return md;
  const notice = '\n\n_Summary truncated to fit the step-summary limit; see report.html._\n';
  const lines = md.split('\n');
  let size = Buffer.byteLength(notice, 'utf8');
  const kept: string[] = [];
  for (const line of lines) {
    const n = Buffer.byteLength(line, 'utf8') + 1;
    if (size + n > MAX_SUMMARY_BYTES) break;
    kept.push(line);
    size += n;
  }
  return `${kept.join('\n')}${notice}`;
}
