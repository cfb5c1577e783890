/* Contract checks: failures first (counterexample, exchange, curl reproduction), then every check by family,
   then the API version comparison when the run was a `compare`. */
import type { CheckResult, Exchange } from '../../../src/model/results.ts';
import type { Model } from './data.ts';
import { badge, copyButton, defList, fmtDuration, fmtInt, h, pre, section, valueText } from './dom.ts';
const CHECK_KIND: Record<string, string> = { passed: 'pass', failed: 'fail', error: 'unknown', skipped: 'skipped' };
const CHECK_LABEL: Record<string, string> = { passed: 'PASS', failed: 'FAIL', error: 'ERROR', skipped: 'SKIP' };
const MAX_FAILURE_CARDS = 300;

function headersTable(headers: Record<string, string> | undefined): HTMLTableElement | null {
  if (!headers) return null;
  const keys = Object.keys(headers);
  if (keys.length === 0) return null;
  return h('table', { cls: 'table compact headers' }, [h('tbody', null, keys.map((k) => h('tr', null, [h('th', { text: k }), h('td', { text: headers[k] })])))]);
}

function exchangeBlock(x: Exchange): HTMLDivElement {
  const line = x.method + ' ' + x.url + (x.status !== undefined ? '  →  ' + x.status : '') + (x.durationMs !== undefined ? '  (' + fmtDuration(x.durationMs) + ')' : '');
  return h('div', { cls: 'exchange' }, [
    h('h4', { text: 'Exchange' }),
    pre(line, 'code reqline'),
    x.error ? h('p', { cls: 'error-text', text: 'Error: ' + x.error }) : null,
    x.requestHeaders && Object.keys(x.requestHeaders).length ? h('h5', { text: 'Request headers' }) : null,
    headersTable(x.requestHeaders),
    x.requestBody !== undefined ? h('h5', { text: 'Request body' }) : null,
    x.requestBody !== undefined ? pre(x.requestBody) : null,
    x.responseHeaders && Object.keys(x.responseHeaders).length ? h('h5', { text: 'Response headers' }) : null,
    headersTable(x.responseHeaders),
    x.responseBody !== undefined ? h('h5', { text: 'Response body (excerpt)' }) : null,
    x.responseBody !== undefined ? pre(x.responseBody) : null,
  ]);
}

function failureCard(c: CheckResult): HTMLDetailsElement {
  const kind = CHECK_KIND[c.outcome] || 'unknown';
  const body = h('div', { cls: 'fcard-body' }, [
    c.message ? pre(c.message, 'code message') : null,
    defList([
      ['Check', c.id],
      ['Family', c.family],
      ['Operation', c.operation],
      ['Seed', c.seed],
      ['Replay path', c.path],
      ['API version', c.apiVersion],
      ['Org', c.orgId],
      ['Duration', c.durationMs !== undefined ? fmtDuration(c.durationMs) : undefined],
      ['File', c.file],
    ]),
    c.counterexample !== undefined ? h('h4', { text: 'Counterexample' }) : null,
    c.counterexample !== undefined ? pre(valueText(c.counterexample)) : null,
    c.exchange ? exchangeBlock(c.exchange) : null,
    c.reproduction ? h('div', { cls: 'repro' }, [h('div', { cls: 'repro-head' }, [h('h4', { text: 'Reproduce with curl' }), copyButton(() => c.reproduction ?? '')]), pre(c.reproduction, 'code curl')]) : null,
    c.warnings?.length ? h('ul', { cls: 'warnlist' }, c.warnings.map((w) => h('li', { text: w }))) : null,
  ]);
  return h('details', { cls: 'fcard', attrs: { open: '' } }, [
    h('summary', null, [badge(kind, CHECK_LABEL[c.outcome] || c.outcome), h('span', { cls: 'fcard-title', text: c.title }), h('code', { cls: 'op', text: c.operation })]),
    body,
  ]);
}

function familyTable(checks: readonly CheckResult[]): HTMLTableElement {
  const fam = new Map<string, Record<string, number>>();
  for (const c of checks) {
    const key = c.family || 'checks';
    const e: Record<string, number> = fam.get(key) || { passed: 0, failed: 0, error: 0, skipped: 0, total: 0 };
    e[c.outcome] = (e[c.outcome] || 0) + 1;
    e.total++;
    fam.set(key, e);
  }
  const rows = [...fam.entries()].map(([k, e]) =>
    h('tr', null, [
      h('td', { text: k }),
      h('td', { cls: 'num', text: fmtInt(e.total) }),
      h('td', { cls: 'num t-pass', text: fmtInt(e.passed) }),
      h('td', { cls: 'num' + (e.failed ? ' t-fail' : ''), text: fmtInt(e.failed) }),
      h('td', { cls: 'num' + (e.error ? ' t-unknown' : ''), text: fmtInt(e.error) }),
      h('td', { cls: 'num', text: fmtInt(e.skipped) }),
    ]),
  );
  const head = h('tr', null, ['Family', 'Checks', 'Pass', 'Fail', 'Unknown', 'Skipped'].map((t, i) => h('th', { cls: i ? 'num' : '', text: t })));
  return h('table', { cls: 'table' }, [h('thead', null, head), h('tbody', null, rows)]);
}

function allChecksTable(checks: readonly CheckResult[]): HTMLDetailsElement {
  const details = h('details', { cls: 'more' }, [h('summary', { text: 'All ' + fmtInt(checks.length) + ' checks' })]);
  let built = false;
  // Built on first open: a long check list costs nothing at load.
  details.addEventListener('toggle', () => {
    if (built || !details.open) return;
    built = true;
    const head = h('tr', null, ['', 'Check', 'Family', 'Operation', 'Seed', 'Time'].map((t) => h('th', { text: t })));
    const rows = checks.map((c) =>
      h('tr', null, [
        h('td', null, badge(CHECK_KIND[c.outcome] || 'unknown', CHECK_LABEL[c.outcome] || c.outcome)),
        h('td', null, [h('div', { text: c.title }), h('code', { cls: 'muted', text: c.id })]),
        h('td', { text: c.family || '' }),
        h('td', null, h('code', { text: c.operation })),
        h('td', { text: c.seed !== undefined ? String(c.seed) : '' }),
        h('td', { cls: 'num', text: c.durationMs !== undefined ? fmtDuration(c.durationMs) : '' }),
      ]),
    );
    details.appendChild(h('table', { cls: 'table' }, [h('thead', null, head), h('tbody', null, rows)]));
  });
  return details;
}

export function renderContract(m: Model): HTMLElement | null {
  const checks = m.p.checks;
  if (checks.length === 0 && !(m.p.run.suites || []).includes('contract')) return null;
  const failed = checks.filter((c) => c.outcome === 'failed' || c.outcome === 'error');
  const s = section('contract', 'Contract checks', failed.length ? fmtInt(failed.length) + ' of ' + fmtInt(checks.length) + ' checks failed or could not complete.' : 'All ' + fmtInt(checks.length) + ' checks that ran passed.');
  if (failed.length > 0) {
    s.appendChild(h('h3', { text: 'Contract failures', attrs: { id: 'contract-failures' } }));
    const list = h('div', { cls: 'fcards' });
    for (const c of failed.slice(0, MAX_FAILURE_CARDS)) list.appendChild(failureCard(c));
    s.appendChild(list);
    if (failed.length > MAX_FAILURE_CARDS) s.appendChild(h('p', { cls: 'muted', text: 'First ' + MAX_FAILURE_CARDS + ' failures shown in full; the rest are in the table below and in junit.xml.' }));
  }
  if (checks.length > 0) {
    s.appendChild(h('h3', { text: 'Checks by family' }));
    s.appendChild(familyTable(checks));
    s.appendChild(allChecksTable(checks));
  }
  return s;
}

export function renderComparison(m: Model): HTMLElement | null {
  const c = m.p.comparison;
  if (!c) return null;
  const s = section('comparison', 'API version comparison', 'What changes for each operation between ' + c.from + ' and ' + c.to + '.');
  const rows: HTMLTableRowElement[] = [];
  for (const op of c.operations) {
    if (op.differences.length === 0) {
      rows.push(h('tr', null, [h('td', null, h('code', { text: op.operation })), h('td', { text: '' }), h('td', { text: '' }), h('td', { cls: 'muted', text: 'no difference' })]));
    }
    for (const d of op.differences) {
      rows.push(h('tr', null, [h('td', null, h('code', { text: op.operation })), h('td', null, badge('medium', d.kind)), h('td', null, h('code', { text: d.path || '' })), h('td', { text: d.message })]));
    }
  }
  const head = h('tr', null, ['Operation', 'Kind', 'Path', 'Difference'].map((t) => h('th', { text: t })));
  s.appendChild(h('table', { cls: 'table' }, [h('thead', null, head), h('tbody', null, rows)]));
  return s;
}
