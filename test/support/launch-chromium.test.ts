/**
 * The Chromium every browser test, bench and script starts (test/support/launch-chromium.ts): the build inside
 * the @sparticuz/chromium package unless CHROMIUM_PATH names another, with flags for a closed network.
 */
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLOSED_NETWORK_FLAGS, ChromiumPathError, chromiumBuild, sparticuzFlags } from './launch-chromium.ts';

describe('launchChromium', () => {
  it('should start the Chromium that npm ci brought, headless, and run the page\'s scripts', async () => {
    const build = await chromiumBuild({});
    expect(build.source).toMatch(/^@sparticuz\/chromium \d+\.\d+\.\d+$/);
    const browser = await chromium.launch({ headless: true, executablePath: build.executablePath, args: build.args });
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="out"></p><script>document.getElementById("out").textContent = String(6 * 7)</script>');
      expect(await page.textContent('#out')).toBe('42');
    } finally {
      await browser.close();
    }
  });

  it('should pass the closed-network flags, and of @sparticuz/chromium\'s own only those that keep the page\'s defences', async () => {
    const build = await chromiumBuild({});
    for (const flag of ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']) {
      expect(build.args).toContain(flag);
    }
    expect(build.args).toEqual([...CLOSED_NETWORK_FLAGS, ...sparticuzFlags()]);
    expect(sparticuzFlags()).toContain('--no-zygote');
    expect(build.args.filter((flag) => /web-security|insecure-content|site-isolation|site-per-process|single-process|swiftshader/.test(flag))).toEqual([]);
  });

  it('should use the Chromium CHROMIUM_PATH names, and refuse one that does not exist', async () => {
    const node = process.execPath; // any existing file stands in for a system Chromium here
    expect(await chromiumBuild({ CHROMIUM_PATH: node })).toEqual({ executablePath: node, source: 'CHROMIUM_PATH', args: [...CLOSED_NETWORK_FLAGS] });
    const missing = chromiumBuild({ CHROMIUM_PATH: '/nonexistent/chromium' });
    await expect(missing).rejects.toBeInstanceOf(ChromiumPathError);
    await expect(missing).rejects.toMatchObject({ code: 'CHROMIUM_PATH_MISSING' });
  });
});
