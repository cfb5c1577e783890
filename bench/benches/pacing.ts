/**
 * Figure 4 (issues 4 and 9): the tenant client reads N pages of `GET /users/` from a mock process that
 * rate-limits at R requests per minute per key (a sliding one-minute window, answered with 429 past it),
 * with the client told the same limit. Floor = N / R minutes (issue 4); goal ≤ 1.1× and zero 429s.
 *
 * The client's pacing lets the first R requests go at once (a sliding window allows that), so for N ≤ R the
 * floor is not binding; the full run uses N = 1.5 R, where the real floor is one whole window (the last
 * N − R requests wait for the first ones to leave it). Both ratios are reported.
 */
import type { Bench, BenchContext, BenchResult } from '../harness/bench.ts';
import { figure, round } from '../harness/figure.ts';
import { startMockProcess } from '../harness/mock-process.ts';
import { readTenantConfig } from '../../src/config/tenant-env.ts';
import { createTenantClient } from '../../src/client/tenant-client.ts';

const WINDOW_MS = 60_000;
const PAGE_LENGTH = 10;

export const pacing: Bench = {
  name: 'pacing',
  title: 'N pages under a known rate limit R vs the floor N/R',
  timeoutMs: (quick) => (quick ? 120_000 : 240_000),
  async run(ctx: BenchContext): Promise<BenchResult> {
    const limit = 600;
    const pages = ctx.quick ? 60 : 900;
    const users = pages * PAGE_LENGTH;
    ctx.log(`pacing: ${pages} pages of ${PAGE_LENGTH} users at ${limit}/min`);
    const mock = await startMockProcess({ users, rateLimit: limit });
    const config = readTenantConfig(mock.liveEnv());
    const client = createTenantClient(config, { rateLimits: { apiweb: limit }, rateLimitWindowMs: WINDOW_MS });
    try {
      let read = 0;
      let users_ = 0;
      const t0 = performance.now();
      for await (const page of client.apiwebPages(undefined, { length: PAGE_LENGTH })) {
        read++;
        users_ += ((page.json as { results?: unknown[] } | undefined)?.results ?? []).length;
        if (read > pages * 2) throw new Error('the client read more pages than the tenant has');
      }
      const wallMs = performance.now() - t0;
      const stats = client.stats();
      const floorMs = (pages / limit) * WINDOW_MS;
      const windowFloorMs = (Math.ceil(pages / limit) - 1) * WINDOW_MS;
      return {
        figures: [
          figure('pacing.wallS', round(wallMs / 1000, 2), 's', { note: `${read} pages, ${users_} users read` }),
          figure('pacing.floorS', round(floorMs / 1000, 2), 's', { note: `N/R = ${pages} / ${limit} per minute` }),
          figure('pacing.ratio', round(wallMs / floorMs, 3), '×', { goal: { op: '<=', target: 1.1 }, note: 'wall / (N/R)' }),
          figure('pacing.windowFloorS', round(windowFloorMs / 1000, 2), 's', {
            note: '(ceil(N/R) − 1) windows: the least a sliding-window limit allows',
          }),
          figure('pacing.ratioToWindowFloor', windowFloorMs > 0 ? round(wallMs / windowFloorMs, 3) : null, '×', {
            ...(windowFloorMs > 0 ? { goal: { op: '<=' as const, target: 1.1 } } : {}),
            note: windowFloorMs > 0 ? 'wall / window floor' : 'N ≤ R: the limit is never binding',
          }),
          figure('pacing.rateLimited', stats.rateLimited, '429s', { goal: { op: '==', target: 0 }, note: 'client stats().rateLimited' }),
          figure('pacing.requests', stats.requests, 'req', { note: `retries ${stats.retries}, paced ${round((stats.pacedMs ?? 0) / 1000, 1)} s` }),
        ],
        params: { limitPerMinute: limit, pages, pageLength: PAGE_LENGTH, users },
      };
    } finally {
      await client.close();
      await mock.stop();
    }
  },
};
