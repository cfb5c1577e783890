/**
 * Issue 7's acceptance end to end: a hostile tenant (markup, XML-invalid characters and formula prefixes in
 * names, emails and labels) served by another process, the whole run against it, and every report checked as
 * its reader would meet it: libxml2 and the JUnit schema, the results schema, a spreadsheet's eye, and real Chromium.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../src/schema/registry.ts';
import { runCli } from '../cli/run-cli.ts';
import { launchChromium } from '../support/launch-chromium.ts';
import { validateXml } from '../support/libxml2.ts';
import { liveEnvFor, startMockProcess, type MockProcess } from './start-mock-process.ts';

describe('a run against a hostile tenant', () => {
  let mock: MockProcess;
  let out: string;
  let code: number | null;

  beforeAll(async () => {
    mock = await startMockProcess(['--seed', '13', '--users', '300', '--hostile']);
    out = await mkdtemp(join(tmpdir(), 'stc-hostile-'));
    const r = await runCli(['run', '--tenant', 'live', '--out', out, '--fail-on', 'never', '--num-runs', '5'], { env: liveEnvFor(mock) });
    code = r.code;
  }, 150_000);
  afterAll(async () => {
    await mock?.stop();
  });

  it('should complete and write a junit.xml valid against the JUnit schema and a valid results.json', async () => {
    expect(code).toBe(0);
    expect(validateXml(join(out, 'junit.xml'))).toEqual({ ok: true, errors: [] });
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(schemas().validate('https://snyk-tenant-check.dev/schemas/results.schema.json', results).errors).toEqual([]);
    // The tenant really was hostile: its data reached the findings.
    expect(JSON.stringify(results.findings)).toMatch(/<[a-z]|[\u0001-\u0008\u000b]|"=|"\+|"@/i);
  });

  it('should neutralise formula prefixes in findings.csv', async () => {
    const csv = await readFile(join(out, 'findings.csv'), 'utf8');
    for (const line of csv.split('\n').slice(1)) {
      for (const cell of line.split(',')) expect(cell, line.slice(0, 120)).not.toMatch(/^"?[=+@]/);
    }
  });

  it('should open report.html in Chromium inert: no dialog, no injected element, no request but the file; search narrows', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const url = pathToFileURL(join(out, 'report.html')).href;
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(url);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
      const total = Number(await page.getAttribute('#finding-count', 'data-count'));
      expect(total).toBeGreaterThan(10);
      // Markup from the tenant must stay text: no element the viewer did not make itself.
      expect(await page.$$eval('img, iframe, object, embed', (els) => els.length)).toBe(0);
      expect(await page.$$eval('script:not([type="application/json"])', (els) => els.length)).toBe(1);
      await page.fill('#finding-search', 'zzz-no-such-subject');
      await page.waitForFunction(() => document.querySelector('#finding-count')?.getAttribute('data-count') === '0', undefined, { timeout: 5_000 });
      await page.fill('#finding-search', 'mfa');
      await page.waitForFunction(
        (all) => {
          const n = Number(document.querySelector('#finding-count')?.getAttribute('data-count'));
          return n > 0 && n < all;
        },
        total,
        { timeout: 5_000 },
      );
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
    }
  });
});
