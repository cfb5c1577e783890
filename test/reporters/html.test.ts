import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Control, Finding, RunResults } from '../../src/model/results.ts';
import { SEVERITIES } from '../../src/model/results.ts';
import { FINDING_OUTCOMES, FINDING_STATUSES, type HtmlPayload, toHtmlPayload } from '../../reporters/html/html-payload.ts';
import { renderHtml, renderHtmlAsync } from '../../reporters/html/render-html.ts';
import { HOSTILE, OWN_CONTROLS, OWN_TITLE, emptyResults, hostileResults, inheritanceResults, largeResults, normalResults, withRuleCopies, withoutRuleCopies } from './results-builder.ts';

interface Parts {
  scripts: Array<{ attrs: string; body: string }>;
  style: string;
  csp: string;
  /** The HTML with every script and style body removed: the markup alone. */
  markup: string;
}

function split(html: string): Parts {
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1] ?? '', body: m[2] ?? '' }));
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  const markup = html.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  return { scripts, style, csp, markup };
}

function payloadOf(html: string): HtmlPayload {
  const data = split(html).scripts.find((s) => s.attrs.includes('application/json'));
  const envelope = JSON.parse(data?.body ?? '') as { enc: string; data: unknown };
  if (envelope.enc === 'json') return envelope.data as HtmlPayload;
  return JSON.parse(gunzipSync(Buffer.from(envelope.data as string, 'base64')).toString('utf8')) as HtmlPayload;
}

/** Rebuilds current findings from the compact payload, to prove the compaction loses nothing but fingerprints. */
function decode(p: HtmlPayload): Finding[] {
  const s = (i: number | undefined): string | undefined => (i === undefined || i < 0 ? undefined : p.strings[i]);
  const out: Finding[] = [];
  p.f.r.forEach((r, i) => {
    if (FINDING_STATUSES[p.f.st[i] ?? 0] === 'resolved') return;
    const rule = p.rules[r];
    const keys = p.shapes[p.f.sh[i] ?? -1] ?? [];
    const values = p.f.fv[i] ?? [];
    const subject = { kind: s(p.f.k[i]) ?? '', id: s(p.f.id[i]), email: s(p.f.em[i]), name: s(p.f.nm[i]), orgId: s(p.f.org[i]) };
    out.push({
      ruleId: rule?.id ?? '',
      title: s(p.f.t[i]) ?? rule?.title,
      outcome: FINDING_OUTCOMES[p.f.o[i] ?? 0] ?? 'fail',
      severity: SEVERITIES[p.f.s[i] ?? 0] ?? 'info',
      status: (FINDING_STATUSES[p.f.st[i] ?? 0] || undefined) as Finding['status'],
      subject: Object.fromEntries(Object.entries(subject).filter(([, v]) => v !== undefined)) as unknown as Finding['subject'],
      message: s(p.f.msg[i]),
      evidence: { source: s(p.f.src[i]) ?? '', fetchedAt: s(p.f.at[i]) ?? '', fields: Object.fromEntries(keys.map((k, j) => [k, values[j]])), note: s(p.f.note[i]) },
      controls: (p.f.cs[i] ?? -1) >= 0 ? p.controlSets[p.f.cs[i] ?? 0] : rule?.controls,
      exemption: (p.f.ex[i] ?? -1) >= 0 ? p.exemptions[p.f.ex[i] ?? 0] : undefined,
      firstSeen: s(p.f.fs[i]),
    });
  });
  return out;
}

/** The same finding as the viewer shows it: fingerprint left out, inherited title and controls made explicit. */
function normalise(results: RunResults): Finding[] {
  const rules = new Map(results.rules.map((r) => [r.id, r] as const));
  return results.findings.map(({ fingerprint: _f, ...f }) => ({
    ...f,
    title: f.title ?? rules.get(f.ruleId)?.title ?? f.ruleId,
    controls: (f.controls ?? rules.get(f.ruleId)?.controls) as Control[] | undefined,
  }));
}

const strip = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('renderHtml', () => {
  it('should embed the data once in an inert JSON script next to one hashed viewer script', () => {
    const html = renderHtml(normalResults());
    const parts = split(html);
    expect(parts.scripts).toHaveLength(2);
    expect(parts.scripts[0]?.attrs).toBe(' type="application/json" id="stc-data"');
    expect(parts.scripts[1]?.attrs).toBe('');
    expect(html.match(/user1@example\.com/g)?.length).toBe(1);
  });

  it('should declare a strict CSP whose hashes match the inline script and style', () => {
    const { csp, scripts, style } = split(renderHtml(normalResults()));
    const hash = (t: string): string => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(scripts[1]?.body ?? '')}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('should reference nothing outside the file and have no inline event handlers', () => {
    const { markup, scripts, style } = split(renderHtml(normalResults()));
    expect(markup).not.toMatch(/\s(src|href|action|srcset)\s*=/i);
    expect(markup).not.toMatch(/\son[a-z]+\s*=/i);
    // The only URL in the viewer is the SVG namespace, an identifier that is never fetched.
    const code = `${scripts[1]?.body ?? ''}${style}`;
    expect(code.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, '')).not.toMatch(/https?:|\/\/[a-z]|@import|url\(/i);
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  it('should keep every hostile string out of the markup and escape the JSON against the HTML parser', () => {
    for (const compress of ['never', 'always'] as const) {
      const html = renderHtml(hostileResults(), { compress });
      const { markup, scripts } = split(html);
      for (const s of Object.values(HOSTILE)) expect(markup).not.toContain(s);
      expect(markup).not.toContain('__pwned');
      const data = scripts[0]?.body ?? '';
      expect(data).not.toMatch(/[<>&\u2028\u2029]/);
      expect(payloadOf(html).run.id).toBe(`run ${HOSTILE.img}`);
    }
  });

  it('should compact findings without losing anything but fingerprints', () => {
    for (const results of [normalResults(), hostileResults(), inheritanceResults(), largeResults({ seed: 11, findings: 2_000 }), withoutRuleCopies(largeResults({ seed: 11, findings: 2_000 }))]) {
      const payload = toHtmlPayload(results);
      expect(strip(decode(payload))).toEqual(strip(normalise(results)));
    }
    const withDiff = normalResults();
    const p = toHtmlPayload(withDiff);
    expect(p.f.st.filter((s) => FINDING_STATUSES[s] === 'resolved')).toHaveLength(withDiff.diff?.resolvedFindings?.length ?? -1);
    expect(p.diff).not.toHaveProperty('resolvedFindings');
  });

  it('should render an empty run', () => {
    const payload = payloadOf(renderHtml(emptyResults()));
    expect(payload.f.r).toEqual([]);
    expect(payload.rules).toEqual([]);
  });

  it('should keep a 100k-user tenant with 50k findings well under 10 MB', () => {
    const seed = 20250301;
    console.log(`large fixture seed: ${seed}`);
    const results = largeResults({ seed });
    const t0 = performance.now();
    const html = renderHtml(results);
    const bytes = Buffer.byteLength(html);
    console.log(`report.html for ${results.findings.length} findings: ${(bytes / 1e6).toFixed(2)} MB (rendered in ${Math.round(performance.now() - t0)} ms); uncompressed payload ${(Buffer.byteLength(renderHtml(results, { compress: 'never' })) / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    expect(decode(payloadOf(html))).toHaveLength(results.findings.length);
  });

  it('should show a finding\'s rule controls and title when it has none, and its own when they differ', () => {
    const p = toHtmlPayload(inheritanceResults());
    const at = (id: string): number => p.f.id.findIndex((s) => p.strings[s] === id);
    const [u1, u2, u3, u4] = ['u1', 'u2', 'u3', 'u4'].map(at) as [number, number, number, number];
    // u1 inherits both, u3 carries copies equal to its rule's: the viewer reads the rule's (index -1).
    for (const i of [u1, u3]) {
      expect(p.f.cs[i]).toBe(-1);
      expect(p.f.t[i]).toBe(-1);
    }
    expect(p.rules[p.f.r[u1] ?? -1]?.controls?.map((c) => c.id)).toEqual(['6.3', 'IA-2(2)', '8.4.2', 'CC6.1']);
    expect(p.controlSets[p.f.cs[u2] ?? -1]).toEqual(OWN_CONTROLS);
    expect(p.strings[p.f.t[u2] ?? -1]).toBe(OWN_TITLE);
    // u4's rule is missing from rules[]: a synthetic rule titled from the finding, its controls its own.
    const orphan = p.rules[p.f.r[u4] ?? -1];
    expect(orphan).toMatchObject({ id: 'orphan-rule', title: 'Rule outside the catalogue', synthetic: true });
    expect(p.controlSets[p.f.cs[u4] ?? -1]).toEqual(OWN_CONTROLS);
  });

  it('should embed the same payload whether findings carry copies of their rule\'s controls and title or not', () => {
    for (const results of [normalResults(), inheritanceResults(), largeResults({ seed: 13, findings: 1_000 })]) {
      expect(toHtmlPayload(withoutRuleCopies(results))).toEqual(toHtmlPayload(withRuleCopies(results)));
    }
  });

  it('should render the same document when it compresses on the thread pool', async () => {
    for (const results of [normalResults(), largeResults({ seed: 14, findings: 5_000 })]) {
      expect(await renderHtmlAsync(results)).toBe(renderHtml(results));
    }
    expect(await renderHtmlAsync(hostileResults(), { compress: 'always' })).toBe(renderHtml(hostileResults(), { compress: 'always' }));
  });
});

