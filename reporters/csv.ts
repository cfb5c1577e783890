/**
 * findings.csv: one row per current finding (resolved findings of the --previous diff are left out: the file
 * lists what is open now), RFC 4180 (CRLF line ends, fields with comma, quote, CR or LF quoted, quotes doubled).
 * Spreadsheet-safe (OWASP "CSV injection"): a cell starting with = + - @ tab or CR would be read as a formula by
 * Excel, LibreOffice or Sheets, so it gets a leading apostrophe. C0 control characters other than tab, CR and LF
 * are dropped (a NUL makes many tools treat the file as binary). Every row carries `run_partial` so a partial run
 * stays visible in any filtered view of the sheet.
 */
import type { Finding, RuleResult, RunResults } from '../src/model/results.ts';
import { controlLabel, findingControls } from './detail-lines.ts';

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

/** One CSV field: neutralised against formula injection, then quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  const clean = value.replace(CONTROL_CHARS, '');
  const safe = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

function findingRow(results: RunResults, f: Finding, rule: RuleResult | undefined): string[] {
  const ex = f.exemption;
  return [
    results.run.id,
    String(results.run.partial),
    f.ruleId,
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
    findingControls(f, rule).map(controlLabel).join('; '),
    ex?.kind ?? '',
    ex?.reason ?? '',
    ex?.owner ?? '',
    ex?.ticket ?? '',
    ex?.expires ?? '',
    f.firstSeen ?? '',
    f.fingerprint ?? '',
  ];
}

export function renderFindingsCsv(results: RunResults): string {
  const rules = new Map(results.rules.map((r) => [r.id, r] as const));
  const lines = [row(CSV_COLUMNS)];
  for (const f of results.findings) lines.push(row(findingRow(results, f, rules.get(f.ruleId))));
  return `${lines.join('\r\n')}\r\n`;
}
