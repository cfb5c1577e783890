/* Reads the embedded payload (reporters/html/html-payload.ts) and gives the views accessors over it. */
import type { Control, Exemption, Severity } from '../../../src/model/results.ts';
import type { FINDING_OUTCOMES, FINDING_STATUSES, FindingColumns, HtmlPayload, PayloadRule } from '../html-payload.ts';

// The payload's index tables, copied rather than imported so that no server module is bundled; the types keep
// them equal to html-payload.ts's.
export const OUTCOMES: typeof FINDING_OUTCOMES = ['fail', 'exempt', 'unknown'];
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const STATUSES: typeof FINDING_STATUSES = ['', 'new', 'persisting', 'resolved', 'exemption-expired'];
export const ST_RESOLVED = 3;

type Envelope = { enc: 'json'; data: HtmlPayload } | { enc: 'gzip-base64'; data: string } | { enc?: undefined };

export async function loadPayload(): Promise<HtmlPayload> {
  const el = document.getElementById('stc-data');
  if (!el) throw new Error('the report data is missing');
  const envelope = JSON.parse(el.textContent || '{}') as Envelope;
  if (envelope.enc === 'json') return envelope.data;
  if (envelope.enc === 'gzip-base64') {
    if (typeof DecompressionStream !== 'function') {
      throw new Error('this browser cannot decompress the report data (no DecompressionStream); open it in a current Chrome, Edge, Firefox or Safari');
    }
    const bin = atob(envelope.data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text()) as HtmlPayload;
  }
  throw new Error('unknown report data encoding');
}

/** One finding as an object (the detail panel). */
export interface FindingView {
  index: number;
  rule: PayloadRule;
  title: string;
  outcome: (typeof FINDING_OUTCOMES)[number];
  severity: Severity;
  status: (typeof FINDING_STATUSES)[number];
  subject: { kind: string; id: string; email: string; name: string; orgId: string };
  message: string;
  evidence: { source: string; fetchedAt: string; note: string; fields: [string, unknown][] };
  firstSeen: string;
  controls: readonly Control[];
  exemption: Exemption | undefined;
}

export interface Model {
  p: HtmlPayload;
  /** Number of findings (the length of every column). */
  n: number;
  S: string[];
  f: FindingColumns;
  /** A string-table entry; -1 (absent) is ''. */
  str: (i: number) => string;
  rules: PayloadRule[];
  ruleIndex: Map<string, number>;
  /** The name a person recognises: email, else name, else id. */
  label: (i: number) => string;
  controlsOf: (i: number) => readonly Control[];
  finding: (i: number) => FindingView;
  hasDiff: boolean;
}

export function buildModel(p: HtmlPayload): Model {
  const S = p.strings;
  const f = p.f;
  const n = f.r.length;
  const str = (i: number): string => (i < 0 ? '' : S[i]);
  const rules = p.rules;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i] as const));

  const label = (i: number): string => str(f.em[i]) || str(f.nm[i]) || str(f.id[i]) || '(unidentified)';
  const controlsOf = (i: number): readonly Control[] => (f.cs[i] >= 0 ? p.controlSets[f.cs[i]] : rules[f.r[i]].controls || []);

  const finding = (i: number): FindingView => {
    const rule = rules[f.r[i]];
    const keys = p.shapes[f.sh[i]] || [];
    const values = f.fv[i] || [];
    return {
      index: i,
      rule: rule,
      title: str(f.t[i]) || rule.title,
      outcome: OUTCOMES[f.o[i]],
      severity: SEVERITIES[f.s[i]],
      status: STATUSES[f.st[i]],
      subject: { kind: str(f.k[i]), id: str(f.id[i]), email: str(f.em[i]), name: str(f.nm[i]), orgId: str(f.org[i]) },
      message: str(f.msg[i]),
      evidence: { source: str(f.src[i]), fetchedAt: str(f.at[i]), note: str(f.note[i]), fields: keys.map((k, j) => [k, values[j]]) },
      firstSeen: str(f.fs[i]),
      controls: controlsOf(i),
      exemption: f.ex[i] >= 0 ? p.exemptions[f.ex[i]] : undefined,
    };
  };

  const hasDiff = p.diff !== undefined || f.st.some((s) => s !== 0);
  return { p, n, S, f, str, rules, ruleIndex, label, controlsOf, finding, hasDiff };
}
