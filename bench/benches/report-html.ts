/**
 * Figure 7 (issue 9): report.html of the large-tenant audit: its size and how long Chromium takes to load
 * it (navigation to the load event, and to the first frames after it, when the viewer has rendered).
 * Uses audit-e2e's results from the same run when there are any; otherwise runs that audit itself.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchContext, BenchResult } from '../harness/bench.ts';
import { figure, round } from '../harness/figure.ts';
import { startMockProcess } from '../harness/mock-process.ts';
import { timedAuditRun } from '../harness/audit-run.ts';
import { AUDIT_E2E_KEY, FULL_TENANT, QUICK_TENANT, type AuditE2eShared } from './audit-e2e.ts';

const LOADS = 3;

async function reportDir(ctx: BenchContext): Promise<{ dir: string; users: number; from: string }> {
  const shared = ctx.shared.get(AUDIT_E2E_KEY) as AuditE2eShared | undefined;
  if (shared) return { dir: shared.run.outDir, users: shared.size.users, from: 'audit-e2e of this run' };
  const size = ctx.quick ? QUICK_TENANT : FULL_TENANT;
  ctx.log(`report-html: no audit-e2e in this run; auditing a ${size.users}-user tenant for its report`);
  const mock = await startMockProcess(size);
  try {
    const run = await timedAuditRun(mock, join(ctx.tmpDir, 'report-html'), { timeoutMs: ctx.quick ? 60_000 : 120_000 });
    return { dir: run.outDir, users: size.users, from: 'own audit run' };
  } finally {
    await mock.stop();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export const reportHtml: Bench = {
  name: 'report-html',
  title: 'report.html size and Chromium load time for the large tenant',
  timeoutMs: (quick) => (quick ? 180_000 : 300_000),
  async run(ctx: BenchContext): Promise<BenchResult> {
    const { dir, users, from } = await reportDir(ctx);
    const file = join(dir, 'report.html');
    if (!existsSync(file)) throw new Error(`the audit wrote no report.html in ${dir}`);
    const bytes = (await stat(file)).size;

    const { launchChromium } = await import('../../test/support/launch-chromium.ts');
    const browser = await launchChromium();
    const loads: number[] = [];
    const rendered: number[] = [];
    const errors: string[] = [];
    try {
      // One unmeasured load warms the browser's own start-up (process spawn, first-paint caches).
      for (let i = 0; i <= LOADS; i++) {
        const page = await browser.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          const t0 = performance.now();
          await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 });
          const tLoad = performance.now() - t0;
          await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
          const tRendered = performance.now() - t0;
          if (i > 0) {
            loads.push(tLoad);
            rendered.push(tRendered);
          }
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
    return {
      figures: [
        figure('report-html.sizeMb', round(bytes / 2 ** 20, 2), 'MB', { note: `${users} users (${from})` }),
        figure('report-html.loadMs', round(median(loads), 0), 'ms', { note: `navigation to load event, median of ${LOADS}` }),
        figure('report-html.renderedMs', round(median(rendered), 0), 'ms', {
          note: `to two animation frames after load${errors.length ? `; page errors: ${errors.slice(0, 2).join(' | ')}` : ''}`,
        }),
      ],
      params: { users, bytes, loadsMs: loads.map((v) => round(v, 0)), renderedMs: rendered.map((v) => round(v, 0)) },
    };
  },
};
