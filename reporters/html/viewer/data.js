/* Reads the embedded payload (reporters/html/html-payload.ts) and gives the views accessors over it. */
const OUTCOMES = ['fail', 'exempt', 'unknown'];
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const STATUSES = ['', 'new', 'persisting', 'resolved', 'exemption-expired'];
const ST_RESOLVED = 3;

async function loadPayload() {
  const el = document.getElementById('stc-data');
  if (!el) throw new Error('the report data is missing');
  const envelope = JSON.parse(el.textContent || '{}');
  if (envelope.enc === 'json') return envelope.data;
  if (envelope.enc === 'gzip-base64') {
    if (typeof DecompressionStream !== 'function') {
      throw new Error('this browser cannot decompress the report data (no DecompressionStream); open it in a current Chrome, Edge, Firefox or Safari');
    }
    const bin = atob(envelope.data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }
  throw new Error('unknown report data encoding');
}

function buildModel(p) {
  const S = p.strings;
  const f = p.f;
  const n = f.r.length;
  const str = (i) => (i < 0 ? '' : S[i]);
  const rules = p.rules;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  /** The name a person recognises: email, else name, else id. */
  const label = (i) => str(f.em[i]) || str(f.nm[i]) || str(f.id[i]) || '(unidentified)';
  const controlsOf = (i) => (f.cs[i] >= 0 ? p.controlSets[f.cs[i]] : rules[f.r[i]].controls || []);

  /** One finding as an object, built on demand (the detail panel). */
  const finding = (i) => {
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
