/** Takes a screenshot of a report.html in headless Chromium: `node bin/tsx.mjs scripts/screenshot.ts FILE OUT.png`. */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { launchChromium } from '../test/support/launch-chromium.ts';

const [file, out = 'test-artifacts/screenshot.png', height = '2400'] = process.argv.slice(2);
if (!file) throw new Error('usage: screenshot.ts FILE [OUT.png] [HEIGHT]');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: Number(height) } });
await page.goto(pathToFileURL(resolve(file)).href);
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
