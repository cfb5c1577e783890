/**
 * findings.csv: one row per current finding (resolved findings of the --previous diff are left out: the file
 * lists what is open now), RFC 4180 (CRLF line ends, fields with comma, quote, CR or LF quoted, quotes doubled).
 * Spreadsheet-safe (OWASP "CSV injection"): a cell starting with = + - @ tab or CR would be read as a formula by
 * Excel, LibreOffice or Sheets, so it gets a leading apostrophe. C0 control characters other than tab, CR and LF
 * are dropped (a NUL makes many tools treat the file as binary). Every row carries `run_partial` so a partial run
 * stays visible in any filtered view of the sheet. `rule_title` and `controls` are the finding's own or, when it
 * has none, its rule's (rule-index.ts).
 *
 * Scale: one row per finding (~57k for a 100k-user tenant), produced one at a time (findingsCsvChunks) so the
 * file never exists as one string; most cells need no quoting or neutralising, which one test finds out.
 */
import type { Control, Finding, RuleResult, RunResults } from '../src/model/results.ts';
import { controlLabel } from './detail-lines.ts';
import { findingControls, hasOwnControls } from './rule-index.ts';

export const CSV_COLUMNS = [
  'run_id',
  'run_partial',
  'rule_id',
  'rule_title',
  'severity',
  'outcome',
  'status',
  'subject_kind',
  'subject_id',
  'subject_email',
  'subject_name',
  'subject_org_id',
  'message',
  'evidence_source',
  'evidence_fetched_at',
  'evidence_fields',
  'evidence_note',
  'controls',
  'exemption_kind',
  'exemption_reason',
  'exemption_owner',
  'exemption_ticket',
  'exemption_expires',
  'first_seen',
  'fingerprint',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const NEEDS_QUOTES = /[",\r\n]/;
/** Anything csvCell would change: a control character (tab, CR, LF included), a quote, a comma, a formula start. */
const SPECIAL = /[\u0000-\u001F\u007F",]|^[=+\-@]/;

/** One CSV field: neutralised against formula injection, then quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  if (!SPECIAL.test(value)) return value;
  const clean = value.replace(CONTROL_CHARS, '');
  const safe = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i] as string) : `,${csvCell(cells[i] as string)}`;
  return line;
}

/**
 * The `controls` cell: a finding without controls of its own (or with a copy of its rule's) gets its rule's
 * cell, built once per rule; only controls of its own are labelled per finding.
 */
class ControlCells {
  readonly #byRule = new Map<RuleResult, string>();
  get(f: Finding, rule: RuleResult | undefined): string {
    if (rule === undefined || hasOwnControls(f, rule)) return labels(findingControls(f, rule));
    let cell = this.#byRule.get(rule);
    if (cell === undefined) this.#byRule.set(rule, (cell = labels(rule.controls ?? [])));
    return cell;
  }
}

function labels(controls: readonly Control[]): string {
  return controls.map(controlLabel).join('; ');
}

/** The cells after run_id and run_partial (those two are the same on every row). */
function findingCells(f: Finding, rule: RuleResult | undefined, controlCells: ControlCells): string[] {
  const ex = f.exemption;
  return [
    f.ruleId,
    // '' rather than the rule id when neither the finding nor rules[] has a title: rule_id already says it.
    f.title ?? rule?.title ?? '',
    f.severity,
    f.outcome,
    f.status ?? '',
    f.subject.kind,
    f.subject.id ?? '',
    f.subject.email ?? '',
    f.subject.name ?? '',
    f.subject.orgId ?? '',
    f.message ?? '',
    f.evidence.source,
    f.evidence.fetchedAt,
    JSON.stringify(f.evidence.fields),
    f.evidence.note ?? '',
    controlCells.get(f, rule),
    ex?.kind ?? '',
    ex?.reason ?? '',
    ex?.owner ?? '',
    ex?.ticket ?? '',
    ex?.expires ?? '',
    f.firstSeen ?? '',
    f.fingerprint ?? '',
  ];
}

/** findings.csv as chunks (for writeFileAtomic): the header, then one CRLF-terminated row per finding. */
export function* findingsCsvChunks(results: RunResults): Generator<string> {
  const rules = new Map(results.rules.map((r) => [r.id, r] as const));
  const controlCells = new ControlCells();
  const run = `${row([results.run.id, String(results.run.partial)])},`;
  yield `${row(CSV_COLUMNS)}\r\n`;
  for (const f of results.findings) yield `${run}${row(findingCells(f, rules.get(f.ruleId), controlCells))}\r\n`;
}

/** findings.csv as one string (small runs, tests); large runs use findingsCsvChunks. */
export function renderFindingsCsv(results: RunResults): string {
  return [...findingsCsvChunks(results)].join('');
}
