/**
 * The data the HTML report embeds: the RunResults made compact enough for a 100k-user tenant (30k–100k
 * findings) to stay well under 10 MB and parse fast in the browser:
 * - findings are column-oriented (one array per field, index i = finding i), so JSON.parse builds a few large
 *   arrays of small integers instead of 100k objects;
 * - every repeated string (kinds, org ids, sources, fetch times, messages, dates) goes once into a shared
 *   string table and is referenced by index (-1 = absent);
 * - evidence field names are stored once per distinct key set ("shape"), values per finding;
 * - a finding's controls are dropped when they equal its rule's or are absent (the audit engine leaves them out
 *   then; the viewer reads the rule's), otherwise they are referenced from a table of distinct control lists;
 *   a title likewise; exemptions are referenced from a table of distinct exemptions.
 * Left out of the HTML (still in results.json and findings.csv): finding fingerprints. Resolved findings of the
 * --previous diff are included with status `resolved`, hidden by the viewer's default filter.
 */
import type { CheckResult, Control, DiffSummary, Exemption, Finding, RuleResult, RunResults, Severity, Stats, Summary, VersionComparison, Warning } from '../../src/model/results.ts';
import { SEVERITIES } from '../../src/model/results.ts';
import { hasOwnControls, hasOwnTitle } from '../rule-index.ts';

export const FINDING_OUTCOMES = ['fail', 'exempt', 'unknown'] as const;
/** Index 0 = no diff status (no --previous). */
export const FINDING_STATUSES = ['', 'new', 'persisting', 'resolved', 'exemption-expired'] as const;

/** A rule as the viewer sees it; `synthetic` marks a rule id that only appeared on findings. */
export type PayloadRule = RuleResult & { synthetic?: true };

export interface FindingColumns {
  /** rule index into `rules` */ r: number[];
  /** outcome index into FINDING_OUTCOMES */ o: number[];
  /** severity index into SEVERITIES */ s: number[];
  /** status index into FINDING_STATUSES */ st: number[];
  /** subject kind, id, email, name, orgId: string-table indexes */ k: number[];
  id: number[];
  em: number[];
  nm: number[];
  org: number[];
  /** finding title (when it differs from the rule's) */ t: number[];
  msg: number[];
  /** evidence source, fetchedAt, note */ src: number[];
  at: number[];
  note: number[];
  /** evidence field shape (index into `shapes`) and values, in the shape's key order */ sh: number[];
  fv: unknown[][];
  /** firstSeen */ fs: number[];
  /** control-list index into `controlSets`, -1 = the rule's controls */ cs: number[];
  /** exemption index into `exemptions`, -1 = none */ ex: number[];
}

export interface HtmlPayload {
  v: 1;
  schemaVersion: string;
  tool: RunResults['tool'];
  run: RunResults['run'];
  summary: Summary;
  stats?: Stats;
  diff?: Omit<DiffSummary, 'resolvedFindings'>;
  comparison?: VersionComparison;
  warnings: Warning[];
  checks: CheckResult[];
  rules: PayloadRule[];
  strings: string[];
  shapes: string[][];
  controlSets: Control[][];
  exemptions: Exemption[];
  f: FindingColumns;
}

class Interner<T> {
  readonly list: T[] = [];
  readonly #index = new Map<string, number>();
  constructor(private readonly keyOf: (value: T) => string) {}
  add(value: T): number {
    const key = this.keyOf(value);
    let i = this.#index.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(value);
      this.#index.set(key, i);
    }
    return i;
  }
}

/** The shared string table: ~10 lookups per finding, so a plain Map without Interner's key function. */
class StringTable {
  readonly list: string[] = [];
  readonly #index = new Map<string, number>();
  ref(s: string | undefined): number {
    if (s === undefined) return -1;
    let i = this.#index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.#index.set(s, i);
    }
    return i;
  }
}

export function toHtmlPayload(results: RunResults): HtmlPayload {
  const strings = new StringTable();
  const str = (s: string | undefined): number => strings.ref(s);
  const shapes = new Interner<string[]>((keys) => JSON.stringify(keys));
  // Consecutive findings (same rule) nearly always share their evidence keys: reuse the last shape when they do.
  let lastKeys: string[] = [];
  let lastShape = -1;
  const shapeOf = (keys: string[]): number => {
    if (lastShape < 0 || keys.length !== lastKeys.length || keys.some((k, i) => k !== lastKeys[i])) {
      lastShape = shapes.add(keys);
      lastKeys = keys;
    }
    return lastShape;
  };
  const controlSets = new Interner<Control[]>((c) => JSON.stringify(c));
  const exemptions = new Interner<Exemption>((e) => JSON.stringify(e));

  const rules: PayloadRule[] = [...results.rules];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i] as const));
  const ruleOf = (f: Finding): number => {
    let i = ruleIndex.get(f.ruleId);
    if (i === undefined) {
      // A finding whose rule is missing from rules[] still gets a group in the viewer.
      i = rules.length;
      rules.push({ id: f.ruleId, title: f.title ?? f.ruleId, severity: f.severity, outcome: 'unknown', counts: { evaluated: 0, fail: 0, exempt: 0, unknown: 0 }, synthetic: true });
      ruleIndex.set(f.ruleId, i);
    }
    return i;
  };

  const f: FindingColumns = { r: [], o: [], s: [], st: [], k: [], id: [], em: [], nm: [], org: [], t: [], msg: [], src: [], at: [], note: [], sh: [], fv: [], fs: [], cs: [], ex: [] };
  const add = (finding: Finding, resolved: boolean): void => {
    const ri = ruleOf(finding);
    const rule = rules[ri];
    f.r.push(ri);
    f.o.push(FINDING_OUTCOMES.indexOf(finding.outcome));
    f.s.push(SEVERITIES.indexOf(finding.severity as Severity));
    f.st.push(FINDING_STATUSES.indexOf(resolved ? 'resolved' : (finding.status ?? '')));
    f.k.push(str(finding.subject.kind));
    f.id.push(str(finding.subject.id));
    f.em.push(str(finding.subject.email));
    f.nm.push(str(finding.subject.name));
    f.org.push(str(finding.subject.orgId));
    f.t.push(finding.title !== undefined && hasOwnTitle(finding, rule) ? str(finding.title) : -1);
    f.msg.push(str(finding.message));
    f.src.push(str(finding.evidence.source));
    f.at.push(str(finding.evidence.fetchedAt));
    f.note.push(str(finding.evidence.note));
    const fields = finding.evidence.fields as Record<string, unknown>;
    const keys = Object.keys(fields);
    f.sh.push(shapeOf(keys));
    f.fv.push(keys.map((key) => fields[key]));
    f.fs.push(str(finding.firstSeen));
    f.cs.push(finding.controls !== undefined && hasOwnControls(finding, rule) ? controlSets.add(finding.controls) : -1);
    f.ex.push(finding.exemption === undefined ? -1 : exemptions.add(finding.exemption));
  };
  for (const finding of results.findings) add(finding, false);
  for (const finding of results.diff?.resolvedFindings ?? []) add(finding, true);

  let diff: HtmlPayload['diff'];
  if (results.diff) {
    const { resolvedFindings: _dropped, ...rest } = results.diff;
    diff = rest;
  }
  return {
    v: 1,
    schemaVersion: results.schemaVersion,
    tool: results.tool,
    run: results.run,
    summary: results.summary,
    ...(results.stats === undefined ? {} : { stats: results.stats }),
    ...(diff === undefined ? {} : { diff }),
    ...(results.comparison === undefined ? {} : { comparison: results.comparison }),
    warnings: results.warnings,
    checks: results.checks,
    rules,
    strings: strings.list,
    shapes: shapes.list,
    controlSets: controlSets.list,
    exemptions: exemptions.list,
    f,
  };
}
