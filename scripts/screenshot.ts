/** Takes a screenshot of a report.html in Debian's Chromium: `node bin/tsx.mjs scripts/screenshot.ts FILE OUT.png`. */
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [file, out = 'test-artifacts/screenshot.png', height = '2400'] = process.argv.slice(2);
if (!file) throw new Error('usage: screenshot.ts FILE [OUT.png] [HEIGHT]');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: Number(height) } });
await page.goto(pathToFileURL(resolve(file)).href);
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
