/**
 * What a suite test publishes in vitest's `task.meta` for the results reporter. task.meta is serialised
 * from the worker to the main process and kept in blob reports, so sharded runs merge without loss.
 *
 * A contract check test sets `{ stc: { kind: 'check', check } }`; the outcome comes from the test state
 * (passed / failed / skipped), the rest from `check`. An audit rule test sets `{ stc: { kind: 'rule', … } }`.
 * The audit summary test publishes inventory statistics, warnings and the diff.
 *
 * A rule's findings travel packed (`packed`, from `packFindings`): one JSON string of tuples with a shared
 * string table instead of one object tree per finding. vitest clones task.meta from the worker to the main
 * process (structured clone) and writes it into blob reports; 57k findings as objects cost about 2 s there,
 * one string of the same findings a few milliseconds, and a string survives blob reports and `--merge-reports`
 * unchanged. `findings` (objects) is still read, for producers that publish few findings that way.
 */
import type { CheckResult, DiffSummary, Finding, RuleResult, Stats, Warning } from './results.ts';
import { StcError } from './errors.ts';

export interface CheckMeta {
  kind: 'check';
  check: Omit<CheckResult, 'outcome'> & { outcome?: CheckResult['outcome'] };
}

export interface RuleMeta {
  kind: 'rule';
  rule: RuleResult;
  /** The findings as objects (read when `packed` is absent). */
  findings?: Finding[];
  /** The findings as `packFindings(findings, rule)` made them; decode with `ruleMetaFindings`. */
  packed?: string;
}

export interface AuditSummaryMeta {
  kind: 'audit-summary';
  stats: Stats;
  warnings: Warning[];
  diff?: DiffSummary;
  policy?: string;
}

export type StcMeta = CheckMeta | RuleMeta | AuditSummaryMeta;

declare module '@vitest/runner' {
  interface TaskMeta {
    stc?: StcMeta;
  }
}

/** The packed format's version; a reader refuses other versions rather than misreading them. */
export const PACKED_FINDINGS_VERSION = 1;

/** What every finding of a rule shares by default: left out of each packed finding when equal. */
export type FindingDefaults = Pick<RuleResult, 'id' | 'severity'> & Partial<Pick<RuleResult, 'title' | 'controls'>>;

/**
 * One packed finding. Numbers are indices into the string table `s`, null is "absent"; id, email, name and
 * fingerprint are inline (they rarely repeat). Trailing absent columns are cut off.
 */
type PackedRow = [
  outcome: number,
  kind: number,
  id: string | null,
  email: string | null,
  name: string | null,
  orgId: number | null,
  message: number | null,
  source: number,
  fetchedAt: number,
  fields: unknown,
  fingerprint?: string | null,
  note?: number | null,
  exemption?: Finding['exemption'] | null,
  status?: number | null,
  firstSeen?: number | null,
  /** Top-level properties that differ from the defaults (ruleId, severity, title, controls) or are unknown. */
  extra?: Record<string, unknown> | null,
];

interface PackedFindings {
  v: number;
  s: string[];
  f: PackedRow[];
}

const FINDING_KEYS = new Set([
  'ruleId',
  'title',
  'outcome',
  'severity',
  'subject',
  'message',
  'evidence',
  'controls',
  'exemption',
  'status',
  'firstSeen',
  'fingerprint',
]);
const SUBJECT_KEYS = new Set(['kind', 'id', 'email', 'name', 'orgId']);
const EVIDENCE_KEYS = new Set(['source', 'fetchedAt', 'fields', 'note']);

function onlyKnown(value: object, known: ReadonlySet<string>): boolean {
  for (const key in value) if (!known.has(key)) return false;
  return true;
}

function sameControlList(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The shared strings of a pack, each stored once. */
class StringTable {
  readonly strings: string[] = [];
  readonly #index = new Map<string, number>();

  ref(text: string): number {
    let i = this.#index.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.#index.set(text, i);
    }
    return i;
  }

  /** A reader for one column: a value equal to the column's previous one (the usual case) needs no lookup. */
  column(): (text: string | undefined) => number | null {
    let last: string | undefined;
    let lastIndex = -1;
    return (text) => {
      if (text === undefined) return null;
      if (text !== last) {
        last = text;
        lastIndex = this.ref(text);
      }
      return lastIndex;
    };
  }
}

/** Packs findings into one JSON string; `defaults` (the rule) are left out of every finding that matches them. */
export function packFindings(findings: readonly Finding[], defaults?: FindingDefaults): string {
  const table = new StringTable();
  const outcomeOf = table.column();
  const kindOf = table.column();
  const orgOf = table.column();
  const messageOf = table.column();
  const sourceOf = table.column();
  const fetchedAtOf = table.column();
  const noteOf = table.column();
  const statusOf = table.column();
  const firstSeenOf = table.column();
  const rows: PackedRow[] = new Array(findings.length);
  for (let n = 0; n < findings.length; n++) {
    const f = findings[n]!;
    const { subject, evidence } = f;
    let extra: Record<string, unknown> | null = null;
    if (defaults === undefined || f.ruleId !== defaults.id) (extra ??= {}).ruleId = f.ruleId;
    if (defaults === undefined || f.severity !== defaults.severity) (extra ??= {}).severity = f.severity;
    if (f.title !== undefined && f.title !== defaults?.title) (extra ??= {}).title = f.title;
    if (f.controls !== undefined && !sameControlList(f.controls, defaults?.controls)) (extra ??= {}).controls = f.controls;
    if (!onlyKnown(f, FINDING_KEYS)) {
      for (const key in f) if (!FINDING_KEYS.has(key)) (extra ??= {})[key] = (f as unknown as Record<string, unknown>)[key];
    }
    // Anything a subject or evidence holds beyond the schema travels whole, so that nothing is lost.
    if (!onlyKnown(subject, SUBJECT_KEYS)) (extra ??= {}).subject = subject;
    if (!onlyKnown(evidence, EVIDENCE_KEYS)) (extra ??= {}).evidence = evidence;
    const row: PackedRow = [
      outcomeOf(f.outcome)!,
      kindOf(subject.kind)!,
      subject.id ?? null,
      subject.email ?? null,
      subject.name ?? null,
      orgOf(subject.orgId),
      messageOf(f.message),
      sourceOf(evidence.source)!,
      fetchedAtOf(evidence.fetchedAt)!,
      evidence.fields,
      f.fingerprint ?? null,
      noteOf(evidence.note),
      f.exemption ?? null,
      statusOf(f.status),
      firstSeenOf(f.firstSeen),
      extra,
    ];
    while (row.length > 10 && row[row.length - 1] === null) row.pop();
    rows[n] = row;
  }
  const packed: PackedFindings = { v: PACKED_FINDINGS_VERSION, s: table.strings, f: rows };
  return JSON.stringify(packed);
}

export class PackedFindingsError extends StcError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('PACKED_FINDINGS_INVALID', message, options);
    this.name = 'PackedFindingsError';
  }
}

/** Unpacks what `packFindings` made, filling in `defaults` where the packer left them out. */
export function unpackFindings(packed: string, defaults?: FindingDefaults): Finding[] {
  let value: PackedFindings;
  try {
    value = JSON.parse(packed) as PackedFindings;
  } catch (cause) {
    throw new PackedFindingsError(`packed findings are not JSON: ${(cause as Error).message}`, { cause });
  }
  if (typeof value !== 'object' || value === null || value.v !== PACKED_FINDINGS_VERSION || !Array.isArray(value.s) || !Array.isArray(value.f)) {
    throw new PackedFindingsError(`packed findings are not version ${PACKED_FINDINGS_VERSION} (${String((value as { v?: unknown } | null)?.v)})`);
  }
  const s = value.s;
  const str = (i: number | null | undefined): string | undefined => (i === null || i === undefined ? undefined : s[i]);
  const out: Finding[] = new Array(value.f.length);
  for (let n = 0; n < value.f.length; n++) {
    const [outcome, kind, id, email, name, orgId, message, source, fetchedAt, fields, fingerprint, note, exemption, status, firstSeen, extra] =
      value.f[n]!;
    const subject: Finding['subject'] = { kind: s[kind]! };
    if (id !== null) subject.id = id;
    if (email !== null) subject.email = email;
    if (name !== null) subject.name = name;
    if (orgId !== null) subject.orgId = s[orgId]!;
    const evidence: Finding['evidence'] = { source: s[source]!, fetchedAt: s[fetchedAt]!, fields: fields as Finding['evidence']['fields'] };
    const noteText = str(note);
    if (noteText !== undefined) evidence.note = noteText;
    const finding = {
      ruleId: defaults?.id ?? '',
      outcome: s[outcome] as Finding['outcome'],
      severity: (defaults?.severity ?? 'info') as Finding['severity'],
      subject,
    } as Finding;
    const messageText = str(message);
    if (messageText !== undefined) finding.message = messageText;
    finding.evidence = evidence;
    if (exemption !== null && exemption !== undefined) finding.exemption = exemption;
    const statusText = str(status);
    if (statusText !== undefined) finding.status = statusText as Finding['status'];
    const firstSeenText = str(firstSeen);
    if (firstSeenText !== undefined) finding.firstSeen = firstSeenText;
    if (fingerprint !== null && fingerprint !== undefined) finding.fingerprint = fingerprint;
    if (extra !== null && extra !== undefined) Object.assign(finding, extra);
    out[n] = finding;
  }
  return out;
}

/** A rule test's findings, whichever way it published them. */
export function ruleMetaFindings(meta: RuleMeta): Finding[] {
  if (meta.packed !== undefined) return unpackFindings(meta.packed, meta.rule);
  return meta.findings ?? [];
}
