/* The header (run facts, partial banner) and the summary section (charts from results.summary and .stats). */
import type { Stats } from '../../../src/model/results.ts';
import type { HtmlPayload } from '../html-payload.ts';
import { columnChart, donut, hbarChart, stackedBar } from './charts.ts';
import { SEVERITIES, type Model } from './data.ts';
import { type DefPair, defList, fmtDate, fmtDuration, fmtInt, fmtPct, h, section } from './dom.ts';
function runStatus(p: HtmlPayload): { kind: string; text: string } {
  const c = p.summary.checks;
  const f = p.summary.findings;
  if (p.run.partial) return { kind: 'unknown', text: 'Partial run' };
  if (p.run.exitCode === 3) return { kind: 'unknown', text: 'Incomplete' };
  if (p.run.exitCode === 2) return { kind: 'unknown', text: 'Configuration error' };
  if (c.failed + c.error > 0 || f.fail > 0 || p.run.exitCode === 1) return { kind: 'fail', text: 'Issues found' };
  return { kind: 'pass', text: 'All clear' };
}

export function renderHeader(m: Model): HTMLElement[] {
  const p = m.p;
  const run = p.run;
  const status = runStatus(p);
  const facts: DefPair[] = [
    ['Run', run.id],
    ['Tenant', run.tenant],
    ['Suites', (run.suites || []).join(', ') || 'none'],
    ['Started', fmtDate(run.startedAt)],
    ['Duration', run.durationMs !== undefined ? fmtDuration(run.durationMs) : undefined],
    ['Seed', run.seed],
    ['Runs per property', run.numRuns],
    ['API version', run.apiVersion],
    ['Policy', run.policy],
    ['Previous run', run.previous],
    ['Fail on', run.failOn],
    ['Exit code', run.exitCode],
    ['Shards', run.shards],
    ['Snyk API', run.targets?.snykApiUrl],
    ['API & Web', run.targets?.apiwebUrl],
    ['Orgs', run.orgIds?.join(', ')],
    ['Group', run.groupId],
    ['Tool', p.tool.name + ' ' + p.tool.version + ' · results schema ' + p.schemaVersion],
  ];
  const header = h('header', { cls: 'top' }, [
    h('div', { cls: 'top-inner' }, [
      h('div', { cls: 'brand' }, [h('h1', { text: 'snyk-tenant-check' }), h('span', { cls: 'subtitle', text: 'contract & access audit report' })]),
      h('span', { cls: 'pill k-' + status.kind, text: status.text, attrs: { id: 'run-status' } }),
    ]),
  ]);
  const box = h('div', { cls: 'runbox' }, [defList(facts, 'facts', true)]);
  const out = [header];
  if (run.partial) {
    out.push(
      h('div', { cls: 'banner warn', attrs: { id: 'partial-banner', role: 'alert' } }, [
        h('strong', { text: 'Partial run. ' }),
        h('span', { text: (run.partialReason || 'The run was interrupted or could not complete') + '. The results below hold only what was done; absent results are not passes.' }),
      ]),
    );
  }
  out.push(box);
  return out;
}

export function renderNav(m: Model): HTMLElement {
  const links: [string, string][] = [['#summary', 'Summary']];
  if (m.p.checks.length > 0 || (m.p.run.suites || []).includes('contract')) links.push(['#contract', 'Contract checks']);
  if (m.n > 0 || m.rules.length > 0) links.push(['#findings', 'Findings'], ['#controls', 'Controls']);
  if (m.p.comparison) links.push(['#comparison', 'Version comparison']);
  if (m.p.warnings.length > 0) links.push(['#warnings', 'Warnings']);
  return h('nav', { cls: 'nav', attrs: { 'aria-label': 'Sections' } }, links.map(([href, text]) => h('a', { text: text, attrs: { href: href } })));
}

function card(title: string, body: Node, note?: string, cls?: string): HTMLDivElement {
  return h('div', { cls: 'card' + (cls ? ' ' + cls : '') }, [h('h3', { text: title }), body, note ? h('p', { cls: 'muted note', text: note }) : null]);
}

function bigNumbers(pairs: readonly (readonly [string, number, string?])[]): HTMLDivElement {
  return h('div', { cls: 'bignums' }, pairs.map(([label, value, kind]) => h('div', { cls: 'bignum' + (kind ? ' t-' + kind : '') }, [h('strong', { text: fmtInt(value) }), h('span', { text: label })])));
}

export function renderSummary(m: Model): HTMLElement {
  const p = m.p;
  const s = section('summary', 'Summary');
  const grid = h('div', { cls: 'grid' });
  const c = p.summary.checks;
  const suites = p.run.suites || [];

  if (suites.includes('contract') || c.total > 0) {
    grid.appendChild(
      card(
        'Contract checks',
        h('div', null, [
          bigNumbers([['checks', c.total], ['failed', c.failed, c.failed ? 'fail' : ''], ['unknown (error)', c.error, c.error ? 'unknown' : '']]),
          stackedBar(
            [
              { label: 'pass', value: c.passed, kind: 'pass' },
              { label: 'fail', value: c.failed, kind: 'fail' },
              { label: 'unknown', value: c.error, kind: 'unknown' },
              { label: 'skipped', value: c.skipped, kind: 'skipped' },
            ],
            'Contract checks by outcome',
          ),
        ]),
      ),
    );
  }
  if (suites.includes('audit') || m.rules.length > 0) {
    const counts: Record<string, number> = { pass: 0, fail: 0, unknown: 0, skipped: 0 };
    for (const r of m.rules) if (!r.synthetic) counts[r.outcome] = (counts[r.outcome] || 0) + 1;
    const total = m.rules.filter((r) => !r.synthetic).length;
    grid.appendChild(
      card(
        'Audit rules',
        h('div', null, [
          bigNumbers([['rules', total], ['failed', counts.fail, counts.fail ? 'fail' : ''], ['unknown', counts.unknown, counts.unknown ? 'unknown' : '']]),
          stackedBar(
            [
              { label: 'pass', value: counts.pass, kind: 'pass' },
              { label: 'fail', value: counts.fail, kind: 'fail' },
              { label: 'unknown', value: counts.unknown, kind: 'unknown' },
              { label: 'skipped', value: counts.skipped, kind: 'skipped' },
            ],
            'Audit rules by outcome',
          ),
        ]),
        'Unknown means the data needed was missing or unreadable; it is never counted as a pass.',
      ),
    );
    const fs = p.summary.findings;
    const sev = SEVERITIES.map((k) => ({ label: k, value: fs.bySeverity?.[k] || 0, kind: k }));
    grid.appendChild(
      card(
        'Failing findings by severity',
        h('div', null, [
          bigNumbers([['failing', fs.fail, fs.fail ? 'fail' : ''], ['exempt', fs.exempt], ['unknown', fs.unknown, fs.unknown ? 'unknown' : '']]),
          hbarChart(sev, 'Failing findings by severity'),
        ]),
      ),
    );
  }

  const stats: Stats = p.stats || {};
  if (stats.mfa) {
    const mfa = stats.mfa;
    const items = [
      { label: 'MFA on', value: mfa.enabled || 0, kind: 'pass' },
      { label: 'MFA off', value: mfa.disabled || 0, kind: 'fail' },
      { label: 'unknown', value: mfa.unknown || 0, kind: 'unknown' },
    ];
    const total = items.reduce((a, i) => a + i.value, 0);
    grid.appendChild(card('MFA coverage', donut(items, fmtPct(items[0].value, total), 'MFA on', 'MFA coverage of API & Web users'), 'Active human API & Web users.'));
  }
  if (stats.lastLoginHistogram) {
    grid.appendChild(card('Last login', columnChart(stats.lastLoginHistogram, 'accent', 'Users by time since last login'), 'Users by time since their last login.'));
  }
  if (stats.provisionAges) {
    grid.appendChild(card('Pending provisions by age', columnChart(stats.provisionAges, 'medium', 'Pending provisions by age'), 'Invitations not yet accepted.'));
  }
  if (p.diff) {
    const d = p.diff;
    grid.appendChild(
      card(
        'Since the previous run',
        hbarChart(
          [
            { label: 'new', value: d.new, kind: 'fail' },
            { label: 'persisting', value: d.persisting, kind: 'medium' },
            { label: 'resolved', value: d.resolved, kind: 'pass' },
            { label: 'exemption expired', value: d.exemptionExpired, kind: 'unknown' },
          ],
          'Findings compared with the previous run',
        ),
        d.previousRunId ? 'Compared with run ' + d.previousRunId + '.' : undefined,
      ),
    );
  }
  const inventory = stats.inventory;
  if (inventory && Object.keys(inventory).length > 0) {
    const rows = Object.keys(inventory).map((k) => h('tr', null, [h('td', { text: k }), h('td', { cls: 'num', text: fmtInt(inventory[k]) })]));
    grid.appendChild(card('Inventory read', h('table', { cls: 'table compact' }, [h('tbody', null, rows)])));
  }
  const requests = stats.requests;
  if (requests && Object.keys(requests).length > 0) {
    const rows = Object.keys(requests).map((k) => h('tr', null, [h('td', { text: k }), h('td', { cls: 'num', text: fmtInt(requests[k]) })]));
    grid.appendChild(card('Requests', h('table', { cls: 'table compact' }, [h('tbody', null, rows)])));
  }
  if (grid.childNodes.length === 0) grid.appendChild(card('Nothing ran', h('p', { cls: 'muted', text: 'This run has no checks, rules or statistics.' })));
  s.appendChild(grid);
  return s;
}

export function renderWarnings(m: Model): HTMLElement | null {
  const w = m.p.warnings;
  if (w.length === 0) return null;
  const s = section('warnings', 'Warnings (' + fmtInt(w.length) + ')', 'Things the run noticed that are not failures: stale exemptions, data limits, API quirks.');
  const shown = w.slice(0, 1000);
  const rows = shown.map((x) =>
    h('tr', null, [h('td', null, h('code', { text: x.code })), h('td', { text: x.message }), h('td', { text: x.ruleId || x.operation || '' })]),
  );
  s.appendChild(h('table', { cls: 'table' }, [h('thead', null, h('tr', null, [h('th', { text: 'Code' }), h('th', { text: 'Message' }), h('th', { text: 'Rule / operation' })])), h('tbody', null, rows)]));
  if (w.length > shown.length) s.appendChild(h('p', { cls: 'muted', text: 'First 1,000 warnings shown; all are in results.json.' }));
  return s;
}
