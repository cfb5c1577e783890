/* Findings grouped by rule: the rules table, search and filters, a virtualised list (only the rows in view
   exist in the DOM, so 100k findings scroll smoothly) and the evidence panel of the selected finding. */
import { type Model, SEVERITIES, ST_RESOLVED, STATUSES } from './data.ts';
import { badge, defList, fmtInt, h, section, valueText } from './dom.ts';
const ROW_H = 34;
const OUTCOME_LABEL = ['FAIL', 'EXEMPT', 'UNKNOWN'];
const OUTCOME_KIND = ['fail', 'skipped', 'unknown'];
const RULE_KIND: Record<string, string> = { pass: 'pass', fail: 'fail', unknown: 'unknown', skipped: 'skipped' };
// Within a rule: new first, then expired exemptions, persisting, no diff, resolved last.
const STATUS_RANK = [3, 0, 2, 4, 1];

function selectBox(id: string, label: string, options: readonly (readonly [string, string])[], value?: string): HTMLLabelElement {
  const sel = h('select', { attrs: { id: id, 'aria-label': label } }, options.map(([v, t]) => h('option', { text: t, attrs: { value: v } })));
  if (value !== undefined) sel.value = value;
  return h('label', { cls: 'field' }, [h('span', { text: label }), sel]);
}

/** The findings section, its mount (first filter and draw, once in the page) and the controls view's link into it. */
export interface FindingsView {
  section: HTMLElement;
  mount: () => void;
  showControl: (framework: string, id: string) => void;
}

interface FilterState {
  q: string;
  sev: number;
  rule: number;
  outcome: number;
  /** 'current' (not resolved), 'all', or a FINDING_STATUSES index as text */
  status: string;
  control: { framework: string; id: string } | null;
}

/** A group header in the virtual list: a rule, its shown findings and their count per outcome. */
interface Group {
  r: number;
  count: number;
  o: [number, number, number];
}

export /** The <select> inside a selectBox label (it always has one). */
function selectOf(box: HTMLLabelElement): HTMLSelectElement {
  return box.querySelector('select') as HTMLSelectElement;
}

export function renderFindings(m: Model): FindingsView {
  const f = m.f;
  const n = m.n;
  const rules = m.rules;
  const sevRank = (ri: number): number => Math.max(0, SEVERITIES.indexOf(rules[ri].severity));
  const ruleOrder = rules.map((_, i) => i).sort((a, b) => sevRank(a) - sevRank(b) || rules[b].counts.fail - rules[a].counts.fail || (rules[a].id < rules[b].id ? -1 : 1));
  const rulePos = new Int32Array(rules.length);
  ruleOrder.forEach((ri, pos) => (rulePos[ri] = pos));
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => rulePos[f.r[a]] - rulePos[f.r[b]] || f.o[a] - f.o[b] || STATUS_RANK[f.st[a]] - STATUS_RANK[f.st[b]],
  );

  const state: FilterState = { q: '', sev: -1, rule: -1, outcome: -1, status: m.hasDiff ? 'current' : 'all', control: null };
  const collapsed = new Set<number>();
  let matched: number[] = [];
  /** Rows of the virtual list: a finding index, or -(group index + 1) for a group header. */
  let items: number[] = [];
  let groups: Group[] = [];
  let selected = -1;

  const s = section('findings', 'Findings', 'Every audited subject with a finding, grouped by rule. Exempt findings stay visible; unknown means the data could not be read.');

  // --- rules table
  if (rules.length > 0) {
    const head = h('tr', null, ['', 'Rule', 'Severity', 'Evaluated', 'Fail', 'Exempt', 'Unknown', ''].map((t, i) => h('th', { cls: i >= 3 && i <= 6 ? 'num' : '', text: t })));
    const rows = ruleOrder.map((ri) => {
      const r = rules[ri];
      const show = h('button', { cls: 'btn small', text: 'Show', attrs: { type: 'button' } });
      show.addEventListener('click', () => {
        setFilter({ rule: ri });
        list.focus();
      });
      return h('tr', null, [
        h('td', null, badge(RULE_KIND[r.outcome] || 'unknown', (r.outcome || '').toUpperCase())),
        h('td', null, [
          h('div', { text: r.title }),
          h('code', { cls: 'muted', text: r.id }),
          r.synthetic ? h('div', { cls: 'muted small', text: 'Not in the rule catalogue of this run; grouped from its findings.' }) : null,
          r.limits?.length ? h('div', { cls: 'muted small', text: 'Limits: ' + r.limits.join(' ') }) : null,
        ]),
        h('td', null, badge(r.severity, r.severity)),
        h('td', { cls: 'num', text: fmtInt(r.counts.evaluated) }),
        h('td', { cls: 'num' + (r.counts.fail ? ' t-fail' : ''), text: fmtInt(r.counts.fail) }),
        h('td', { cls: 'num', text: fmtInt(r.counts.exempt) }),
        h('td', { cls: 'num' + (r.counts.unknown ? ' t-unknown' : ''), text: fmtInt(r.counts.unknown) }),
        h('td', null, show),
      ]);
    });
    s.appendChild(h('h3', { text: 'Audit rules' }));
    s.appendChild(h('table', { cls: 'table rules', attrs: { id: 'rules-table' } }, [h('thead', null, head), h('tbody', null, rows)]));
  }

  // --- filters
  const search = h('input', { attrs: { type: 'search', id: 'finding-search', placeholder: 'Search email, name, id, message, evidence…', 'aria-label': 'Search findings', autocomplete: 'off', spellcheck: 'false' } });
  const sevBox = selectBox('filter-severity', 'Severity', [['-1', 'All'] as const, ...SEVERITIES.map((x, i) => [String(i), x] as const)]);
  const ruleBox = selectBox('filter-rule', 'Rule', [['-1', 'All rules'] as const, ...ruleOrder.map((ri) => [String(ri), rules[ri].id] as const)]);
  const outcomeBox = selectBox('filter-outcome', 'Outcome', [['-1', 'All'], ['0', 'fail'], ['1', 'exempt'], ['2', 'unknown']]);
  const statusBox = selectBox(
    'filter-status',
    'Change',
    [['current', 'Current'], ['all', 'All incl. resolved'], ['1', 'New'], ['2', 'Persisting'], ['4', 'Exemption expired'], ['3', 'Resolved'], ['0', 'No diff status']],
    state.status,
  );
  if (!m.hasDiff) statusBox.classList.add('hidden');
  const chip = h('span', { cls: 'chip hidden', attrs: { id: 'control-filter' } });
  const reset = h('button', { cls: 'btn', text: 'Reset', attrs: { type: 'button', id: 'filter-reset' } });
  const count = h('span', { cls: 'count', attrs: { id: 'finding-count', 'aria-live': 'polite' } });
  s.appendChild(h('h3', { text: 'Findings by rule' }));
  s.appendChild(h('div', { cls: 'filters', attrs: { role: 'search' } }, [h('div', { cls: 'searchwrap' }, search), sevBox, ruleBox, outcomeBox, statusBox, chip, reset, count]));

  // --- list + detail
  const list = h('div', { cls: 'vlist', attrs: { id: 'finding-list', tabindex: '0', role: 'list', 'aria-label': 'Findings' } });
  const spacer = h('div', { cls: 'vspacer' });
  const empty = h('p', { cls: 'empty hidden', text: '' });
  list.appendChild(spacer);
  const detail = h('aside', { cls: 'detail', attrs: { id: 'finding-detail', 'aria-live': 'polite' } }, [h('p', { cls: 'muted', text: 'Select a finding to see its evidence.' })]);
  s.appendChild(h('div', { cls: 'fpanel' }, [h('div', { cls: 'fleft' }, [list, empty]), detail]));

  // --- filtering
  let hay: string[] | null = null;
  function haystack(): string[] {
    if (!hay) {
      hay = new Array(n);
      for (let i = 0; i < n; i++) {
        const fv = f.fv[i];
        hay[i] = [m.str(f.em[i]), m.str(f.nm[i]), m.str(f.id[i]), m.str(f.msg[i]), m.str(f.t[i]), rules[f.r[i]].id, m.str(f.k[i]), m.str(f.org[i]), fv?.length ? JSON.stringify(fv) : '']
          .join('\n')
          .toLowerCase();
      }
    }
    return hay;
  }

  function controlMatcher(ctl: { framework: string; id: string }): (i: number) => boolean {
    const has = (list: readonly { framework: string; id: string }[] | undefined): boolean => (list || []).some((c) => c.framework === ctl.framework && c.id === ctl.id);
    const byRule = rules.map((r) => has(r.controls));
    const bySet = m.p.controlSets.map(has);
    return (i) => (f.cs[i] >= 0 ? bySet[f.cs[i]] : byRule[f.r[i]]);
  }

  function apply(): void {
    const terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    const H = terms.length ? haystack() : null;
    const ctl = state.control ? controlMatcher(state.control) : null;
    const st = state.status;
    const stIndex = st === 'current' || st === 'all' ? -1 : Number(st);
    matched = [];
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (state.sev >= 0 && f.s[i] !== state.sev) continue;
      if (state.rule >= 0 && f.r[i] !== state.rule) continue;
      if (state.outcome >= 0 && f.o[i] !== state.outcome) continue;
      if (st === 'current' ? f.st[i] === ST_RESOLVED : stIndex >= 0 && f.st[i] !== stIndex) continue;
      if (ctl && !ctl(i)) continue;
      if (H) {
        const t = H[i];
        let ok = true;
        for (const term of terms) if (!t.includes(term)) { ok = false; break; }
        if (!ok) continue;
      }
      matched.push(i);
    }
    rebuildItems();
    count.textContent = 'Showing ' + fmtInt(matched.length) + ' of ' + fmtInt(n) + ' findings';
    count.setAttribute('data-count', String(matched.length));
    empty.textContent = n === 0 ? (m.rules.length ? 'No findings: every subject passed every rule that ran.' : 'The audit suite did not run.') : 'No findings match these filters.';
    empty.classList.toggle('hidden', matched.length > 0);
    list.classList.toggle('hidden', matched.length === 0);
    list.scrollTop = 0;
    draw();
  }

  function rebuildItems(): void {
    items = [];
    groups = [];
    let cur = -1;
    let g: Group | null = null;
    for (const i of matched) {
      const r = f.r[i];
      if (r !== cur || !g) {
        cur = r;
        g = { r: r, count: 0, o: [0, 0, 0] };
        groups.push(g);
        items.push(-groups.length);
      }
      g.count++;
      g.o[f.o[i]]++;
      if (!collapsed.has(r)) items.push(i);
    }
  }

  // --- virtual list
  function groupRow(g: Group): HTMLDivElement {
    const r = rules[g.r];
    const closed = collapsed.has(g.r);
    const parts = [fmtInt(g.count) + ' shown'];
    if (g.o[0]) parts.push(fmtInt(g.o[0]) + ' fail');
    if (g.o[1]) parts.push(fmtInt(g.o[1]) + ' exempt');
    if (g.o[2]) parts.push(fmtInt(g.o[2]) + ' unknown');
    return h('div', { cls: 'row grow', attrs: { 'data-g': g.r, role: 'listitem', 'aria-expanded': String(!closed) } }, [
      h('span', { cls: 'caret', text: closed ? '▸' : '▾' }),
      badge(r.severity, r.severity),
      h('span', { cls: 'gtitle', text: r.title, title: r.title }),
      h('code', { cls: 'gid', text: r.id }),
      h('span', { cls: 'gcounts', text: parts.join(' · ') }),
    ]);
  }

  function findingRow(i: number): HTMLDivElement {
    const o = f.o[i];
    const status = STATUSES[f.st[i]];
    const label = m.label(i);
    const msg = m.str(f.msg[i]) || m.str(f.t[i]) || rules[f.r[i]].title;
    return h('div', { cls: 'row frow' + (i === selected ? ' sel' : '') + (f.st[i] === ST_RESOLVED ? ' resolved' : ''), attrs: { 'data-i': i, role: 'listitem' } }, [
      badge(OUTCOME_KIND[o], OUTCOME_LABEL[o]),
      badge(SEVERITIES[f.s[i]], SEVERITIES[f.s[i]]),
      h('span', { cls: 'subj', text: label, title: label }),
      h('span', { cls: 'kind', text: m.str(f.k[i]) }),
      status ? badge('status s-' + status, status) : h('span', null),
      h('span', { cls: 'msg', text: msg, title: msg }),
    ]);
  }

  let raf = 0;
  function draw(): void {
    const full = items.length * ROW_H;
    spacer.style.height = full + 'px';
    // The list is as tall as its rows, up to 62% of the window: no empty box under a short list.
    list.style.height = Math.max(ROW_H * 3, Math.min(Math.max(340, window.innerHeight * 0.62), full + 2)) + 'px';
    const top = list.scrollTop;
    const height = list.clientHeight || 600;
    const start = Math.max(0, Math.floor(top / ROW_H) - 8);
    const end = Math.min(items.length, Math.ceil((top + height) / ROW_H) + 8);
    const frag = document.createDocumentFragment();
    for (let k = start; k < end; k++) {
      const it = items[k];
      const row = it < 0 ? groupRow(groups[-it - 1]) : findingRow(it);
      row.style.top = k * ROW_H + 'px';
      frag.appendChild(row);
    }
    spacer.replaceChildren(frag);
  }
  list.addEventListener('scroll', () => {
    if (!raf) {
      raf = requestAnimationFrame(() => {
        raf = 0;
        draw();
      });
    }
  });
  spacer.addEventListener('click', (e) => {
    const row = e.target instanceof Element ? e.target.closest('.row') : null;
    if (!row) return;
    if (row.hasAttribute('data-g')) {
      const r = Number(row.getAttribute('data-g'));
      if (collapsed.has(r)) collapsed.delete(r);
      else collapsed.add(r);
      rebuildItems();
      draw();
    } else select(Number(row.getAttribute('data-i')));
  });
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const step = e.key === 'ArrowDown' ? 1 : -1;
    let k = items.indexOf(selected);
    for (k += step; k >= 0 && k < items.length; k += step) if (items[k] >= 0) break;
    if (k < 0 || k >= items.length) return;
    const y = k * ROW_H;
    if (y < list.scrollTop) list.scrollTop = y;
    else if (y + ROW_H > list.scrollTop + list.clientHeight) list.scrollTop = y + ROW_H - list.clientHeight;
    select(items[k]);
  });

  function select(i: number): void {
    selected = i;
    draw();
    showDetail(i);
  }

  // --- evidence panel
  function showDetail(i: number): void {
    const x = m.finding(i);
    const fields = x.evidence.fields;
    const out = [
      h('div', { cls: 'detail-badges' }, [badge(OUTCOME_KIND[f.o[i]], OUTCOME_LABEL[f.o[i]]), badge(x.severity, x.severity), x.status ? badge('status s-' + x.status, x.status) : null]),
      h('h3', { cls: 'detail-title', text: m.label(i) }),
      defList([
        ['Rule', x.rule.title + ' (' + x.rule.id + ')'],
        ['Finding', x.title !== x.rule.title ? x.title : undefined],
        ['Message', x.message],
        ['Subject kind', x.subject.kind],
        ['Subject id', x.subject.id],
        ['Email', x.subject.email],
        ['Name', x.subject.name],
        ['Org', x.subject.orgId],
        ['First seen', x.firstSeen],
      ]),
      h('h4', { text: 'Evidence' }),
      defList([
        ['Source', x.evidence.source],
        ['Fetched at', x.evidence.fetchedAt],
        ['Note', x.evidence.note],
      ]),
      fields.length
        ? h('table', { cls: 'table compact fields' }, [h('tbody', null, fields.map(([k, v]) => h('tr', null, [h('th', { text: k }), h('td', null, h('code', { text: valueText(v) }))])))])
        : h('p', { cls: 'muted', text: 'No field values recorded.' }),
    ];
    if (x.exemption) {
      const e = x.exemption;
      out.push(h('h4', { text: e.kind ? 'Exemption (' + e.kind + ')' : 'Exemption' }), defList([['Reason', e.reason], ['Owner', e.owner], ['Ticket', e.ticket], ['Expires', e.expires]]));
    }
    if (x.controls.length) {
      out.push(h('h4', { text: 'Controls' }));
      out.push(h('ul', { cls: 'controls' }, x.controls.map((c) => h('li', null, [h('strong', { text: c.framework + ' ' + c.id }), c.title ? h('span', { text: ' ' + c.title }) : null, h('span', { cls: 'muted', text: ' (' + c.relation + ')' })]))));
    }
    if (x.rule.rationale) out.push(h('h4', { text: 'Why it matters' }), h('p', { text: x.rule.rationale }));
    if (x.rule.remediation) out.push(h('h4', { text: 'Remediation' }), h('p', { text: x.rule.remediation }));
    if (x.rule.limits?.length) out.push(h('h4', { text: 'Limits' }), h('ul', null, x.rule.limits.map((l) => h('li', { text: l }))));
    detail.replaceChildren(...out);
  }

  // --- wiring
  let timer = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => setFilter({ q: search.value }), n > 5000 ? 150 : 60);
  });
  const onChange = (box: HTMLLabelElement, patch: (value: string) => Partial<FilterState>): void =>
    selectOf(box).addEventListener('change', () => setFilter(patch(selectOf(box).value)));
  onChange(sevBox, (v) => ({ sev: Number(v) }));
  onChange(ruleBox, (v) => ({ rule: Number(v) }));
  onChange(outcomeBox, (v) => ({ outcome: Number(v) }));
  onChange(statusBox, (v) => ({ status: v }));
  reset.addEventListener('click', () => {
    search.value = '';
    setFilter({ q: '', sev: -1, rule: -1, outcome: -1, status: m.hasDiff ? 'current' : 'all', control: null });
  });

  function setFilter(patch: Partial<FilterState>): void {
    Object.assign(state, patch);
    selectOf(sevBox).value = String(state.sev);
    selectOf(ruleBox).value = String(state.rule);
    selectOf(outcomeBox).value = String(state.outcome);
    selectOf(statusBox).value = state.status;
    if (state.control) {
      const clear = h('button', { cls: 'chip-x', text: '×', attrs: { type: 'button', 'aria-label': 'Clear control filter' } });
      clear.addEventListener('click', () => setFilter({ control: null }));
      chip.replaceChildren(h('span', { text: 'Control: ' + state.control.framework + ' ' + state.control.id }), clear);
      chip.classList.remove('hidden');
    } else chip.classList.add('hidden');
    apply();
  }

  return {
    section: s,
    mount: apply,
    showControl(framework: string, id: string) {
      setFilter({ control: { framework: framework, id: id }, rule: -1 });
      s.scrollIntoView();
    },
  };
}
