/* Controls view: framework → control → the rules mapped to it and their findings (the rule's control list, or
   the finding's own when it differs). "Show findings" filters the findings view to that control. */
import type { Control } from '../../../src/model/results.ts';
import { ST_RESOLVED, type Model } from './data.ts';
import { fmtInt, h, section } from './dom.ts';

interface ControlEntry {
  framework: string;
  id: string;
  title: string;
  /** rule index → relation */
  rules: Map<number, string>;
  /** findings by outcome index (fail, exempt, unknown) */
  o: [number, number, number];
}
export function renderControls(m: Model, showControl: (framework: string, id: string) => void): HTMLElement {
  const f = m.f;
  const frameworks = new Map<string, Map<string, ControlEntry>>();
  const entry = (c: Control): ControlEntry => {
    let fw = frameworks.get(c.framework);
    if (!fw) frameworks.set(c.framework, (fw = new Map()));
    let e = fw.get(c.id);
    if (!e) fw.set(c.id, (e = { framework: c.framework, id: c.id, title: c.title || '', rules: new Map(), o: [0, 0, 0] }));
    if (!e.title && c.title) e.title = c.title;
    return e;
  };
  m.rules.forEach((r, ri) => (r.controls || []).forEach((c) => entry(c).rules.set(ri, c.relation)));
  const ruleEntries = m.rules.map((r) => (r.controls || []).map(entry));
  const setEntries = m.p.controlSets.map((set) => set.map(entry));
  for (let i = 0; i < m.n; i++) {
    if (f.st[i] === ST_RESOLVED) continue;
    const list = f.cs[i] >= 0 ? setEntries[f.cs[i]] : ruleEntries[f.r[i]];
    for (const e of list) {
      e.o[f.o[i]]++;
      if (f.cs[i] >= 0) {
        const c = m.p.controlSets[f.cs[i]].find((x) => x.framework === e.framework && x.id === e.id);
        if (c && !e.rules.has(f.r[i])) e.rules.set(f.r[i], c.relation);
      }
    }
  }

  const s = section('controls', 'Controls', 'Framework controls and the findings that bear on them. "direct" rules test the control itself; "supporting" rules give evidence for it.');
  if (frameworks.size === 0) {
    s.appendChild(h('p', { cls: 'muted', text: 'No rule in this run maps to a framework control.' }));
    return s;
  }
  const natural = new Intl.Collator('en', { numeric: true });
  for (const [name, controls] of frameworks) {
    const list = [...controls.values()].sort((a, b) => natural.compare(a.id, b.id));
    const failing = list.reduce((a, e) => a + e.o[0], 0);
    const head = h('tr', null, ['Control', 'Title', 'Rules', 'Fail', 'Exempt', 'Unknown', ''].map((t, i) => h('th', { cls: i >= 3 && i <= 5 ? 'num' : '', text: t })));
    const rows = list.map((e) => {
      const btn = h('button', { cls: 'btn small', text: 'Show findings', attrs: { type: 'button' } });
      btn.addEventListener('click', () => showControl(e.framework, e.id));
      if (e.o[0] + e.o[1] + e.o[2] === 0) btn.disabled = true;
      return h('tr', null, [
        h('td', null, h('strong', { text: e.id })),
        h('td', { text: e.title }),
        h('td', null, [...e.rules.entries()].map(([ri, rel]) => h('div', null, [h('code', { text: m.rules[ri].id }), h('span', { cls: 'muted', text: ' ' + rel })]))),
        h('td', { cls: 'num' + (e.o[0] ? ' t-fail' : ''), text: fmtInt(e.o[0]) }),
        h('td', { cls: 'num', text: fmtInt(e.o[1]) }),
        h('td', { cls: 'num' + (e.o[2] ? ' t-unknown' : ''), text: fmtInt(e.o[2]) }),
        h('td', null, btn),
      ]);
    });
    s.appendChild(
      h('details', { cls: 'framework', attrs: { open: '' } }, [
        h('summary', null, [h('strong', { text: name }), h('span', { cls: 'muted', text: ' · ' + list.length + ' controls · ' + fmtInt(failing) + ' failing findings' })]),
        h('table', { cls: 'table' }, [h('thead', null, head), h('tbody', null, rows)]),
      ]),
    );
  }
  return s;
}
