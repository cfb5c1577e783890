/**
 * The HTML report in real Chromium (playwright-core driving the build that npm ci brings, test/support/launch-chromium.ts),
 * opened from file:// like a report attached to a ticket.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/model/results.ts';
import { type RenderHtmlOptions, renderHtml } from '../../reporters/html/render-html.ts';
import { launchChromium } from '../support/launch-chromium.ts';
import { HOSTILE, emptyResults, hostileResults, largeResults, normalResults } from './results-builder.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stc-html-'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  dialogs: string[];
  errors: string[];
  loadMs: number;
}

/** Writes the report, opens it from disk and waits until the viewer says it is ready. */
async function open(name: string, results: RunResults, options?: RenderHtmlOptions): Promise<Opened> {
  return openHtml(name, renderHtml(results, options));
}

async function openHtml(name: string, html: string): Promise<Opened> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // CSP violations and script errors surface here.
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForSelector('body[data-state]', { timeout: 30_000 });
  const loadMs = performance.now() - t0;
  expect(await page.getAttribute('body', 'data-state')).toBe('ready');
  return { page, url, requests, dialogs, errors, loadMs };
}

/** What an injected script leaves behind: the dialogs it opened, the flag it set, the elements and handlers it added. */
async function injectionSigns({ page, dialogs }: Opened): Promise<{ dialogs: string[]; pwned: unknown; foreignElements: number; handlers: number }> {
  return {
    dialogs,
    pwned: await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    foreignElements: await page.$$eval('img, iframe, object, embed', (e) => e.length),
    handlers: await page.$$eval('*', (els) => els.filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length),
  };
}
const INERT = { dialogs: [], pwned: undefined, foreignElements: 0, handlers: 0 };

async function count(page: Page): Promise<number> {
  return Number(await page.getAttribute('#finding-count', 'data-count'));
}

/** Changes a filter and waits for the list to settle on a new count. */
async function expectCount(page: Page, action: () => Promise<unknown>, expected: number): Promise<void> {
  await action();
  await page.waitForFunction((n) => document.querySelector('#finding-count')?.getAttribute('data-count') === String(n), expected, { timeout: 5_000 });
  expect(await count(page)).toBe(expected);
}

describe('report.html in Chromium', () => {
  it('should render the summary first, then contract failures, findings and controls, with no request but the file', async () => {
    const { page, url, requests, dialogs, errors } = await open('normal', normalResults());
    const order = await page.$$eval('main > section', (s) => s.map((x) => x.id));
    expect(order).toEqual(['summary', 'contract', 'findings', 'controls', 'warnings']);
    const summary = await page.textContent('#summary');
    for (const text of ['Contract checks', 'Audit rules', 'Failing findings by severity', 'MFA coverage', 'Last login', 'Pending provisions by age', '78%']) expect(summary).toContain(text);
    expect(await page.$$eval('#summary svg', (s) => s.length)).toBeGreaterThanOrEqual(6);
    const contract = await page.textContent('#contract');
    expect(contract).toContain('Contract failures');
    expect(contract).toContain('Counterexample');
    expect(contract).toContain("curl -sS -H \"Authorization: JWT $SNYK_APIWEB_TOKEN\"");
    expect(await page.textContent('#controls')).toContain('CIS Controls v8');
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(await page.$('#partial-banner')).toBeNull();
    expect(await count(page)).toBe(17); // 18 findings, the resolved one hidden by default
    await page.click('.frow >> nth=0');
    expect(await page.textContent('#finding-detail')).toContain('Evidence');
    expect(await page.textContent('#finding-detail')).toContain('user_roles');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky nav sits at the top in the full-page shot
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    expect(requests).toEqual([url]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('should narrow the findings with the search box and every filter', async () => {
    const { page } = await open('filters', normalResults());
    await expectCount(page, () => page.fill('#finding-search', 'user3@'), 1);
    expect(await page.$$eval('.frow', (rows) => rows.map((r) => r.textContent))).toEqual([expect.stringContaining('user3@example.com')]);
    await expectCount(page, () => page.fill('#finding-search', 'threshold 90'), 6);
    await expectCount(page, () => page.fill('#finding-search', ''), 17);
    await expectCount(page, () => page.selectOption('#filter-severity', { label: 'critical' }), 1);
    await expectCount(page, () => page.click('#filter-reset'), 17);
    await expectCount(page, () => page.selectOption('#filter-outcome', { label: 'exempt' }), 1);
    await expectCount(page, () => page.selectOption('#filter-outcome', { label: 'unknown' }), 1);
    await expectCount(page, () => page.click('#filter-reset'), 17);
    await expectCount(page, () => page.selectOption('#filter-rule', { label: 'inactive-account' }), 7);
    await expectCount(page, () => page.click('#filter-reset'), 17);
    await expectCount(page, () => page.selectOption('#filter-status', { label: 'New' }), 5);
    await expectCount(page, () => page.selectOption('#filter-status', { label: 'Resolved' }), 1);
    await expectCount(page, () => page.selectOption('#filter-status', { label: 'All incl. resolved' }), 18);
    await expectCount(page, () => page.click('#filter-reset'), 17);
    // Controls view → findings of one control (CIS 5.3 is mapped to inactive-account only).
    const row = page.locator('#controls tr', { hasText: 'Disable Dormant Accounts' });
    await expectCount(page, () => row.getByRole('button', { name: 'Show findings' }).click(), 7);
    expect(await page.textContent('#control-filter')).toContain('CIS Controls v8 5.3');
    // Collapsing a rule group hides its rows but keeps the count.
    await page.click('.grow >> nth=0');
    expect(await page.$$eval('.frow', (r) => r.length)).toBe(0);
    await page.close();
  });

  for (const compress of ['never', 'always'] as const) {
    it(`should keep hostile tenant data inert (${compress === 'never' ? 'plain' : 'gzip'} payload)`, async () => {
      const opened = await open(`hostile-${compress}`, hostileResults(), { compress });
      const { page, url, requests, dialogs, errors } = opened;
      // Give any injected handler a chance to fire before asserting it did not.
      await page.waitForTimeout(300);
      expect(await injectionSigns(opened)).toEqual(INERT);
      expect(await page.$$eval('script', (e) => e.length)).toBe(2);
      expect(await page.textContent('#partial-banner')).toContain(HOSTILE.img);
      expect(await page.textContent('#contract')).toContain(HOSTILE.script);
      await expectCount(page, () => page.fill('#finding-search', '<img src=x'), 2);
      const subjects = await page.$$eval('.frow .subj', (e) => e.map((x) => x.textContent));
      expect(subjects).toContain(HOSTILE.formula);
      expect(subjects).toContain(`\t${HOSTILE.img}`);
      await page.click('.frow >> nth=0');
      expect(await page.textContent('#finding-detail')).toContain(HOSTILE.script);
      await page.waitForTimeout(100);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  // The negative case: the checks above can fail. A report whose renderer let the tenant's markup through as
  // markup, with no CSP to stop it, must show every sign of the injected script having run in this Chromium.
  it('should catch a report that runs an injected script', async () => {
    const html = renderHtml(hostileResults())
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('<body>', `<body>${HOSTILE.img}`);
    expect(html).not.toContain('Content-Security-Policy');
    const opened = await openHtml('injected', html);
    await opened.page.waitForFunction(() => (window as unknown as { __pwned?: unknown }).__pwned !== undefined, undefined, { timeout: 5_000 });
    const signs = await injectionSigns(opened);
    expect(signs).not.toEqual(INERT);
    expect(signs).toEqual({ dialogs: ['1'], pwned: 1, foreignElements: 1, handlers: 1 });
    await opened.page.close();
  });

  it('should render an empty run', async () => {
    const { page, errors } = await open('empty', emptyResults());
    expect(await page.textContent('#summary')).toContain('Nothing ran');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('should hold a 100k-user tenant with 50k findings under 10 MB and stay searchable', async () => {
    const seed = 20250301;
    console.log(`large fixture seed: ${seed}`);
    const results = largeResults({ seed });
    const target = results.findings[12_345]?.subject.email ?? '';
    const html = renderHtml(results);
    const bytes = Buffer.byteLength(html);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    const { page, requests, url, errors, loadMs } = await open('large', results);
    const renderMs = await page.getAttribute('body', 'data-render-ms');
    console.log(`large report: ${results.findings.length} findings, ${(bytes / 1e6).toFixed(2)} MB, load ${Math.round(loadMs)} ms (navigation to ready; viewer ${renderMs} ms)`);
    expect(await count(page)).toBe(results.findings.length);
    // Virtualised: only the rows in view exist, even at the bottom of the list.
    expect(await page.$$eval('.row', (r) => r.length)).toBeLessThan(80);
    await page.$eval('#finding-list', (el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForFunction(() => document.querySelectorAll('.row').length > 0 && (document.querySelector('#finding-list')?.scrollTop ?? 0) > 0);
    expect(await page.$$eval('.row', (r) => r.length)).toBeLessThan(80);
    await expectCount(page, () => page.fill('#finding-search', target), results.findings.filter((f) => f.subject.email === target).length);
    expect(await page.textContent('.frow .subj')).toBe(target);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
