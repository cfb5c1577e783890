/**
 * Figure 1 (issue 9): an end-to-end audit of a 100k-user tenant (plus 5k members and 2k provisions) served by
 * a mock in another process: wall time, peak RSS (largest process, largest tree sum), and requests made
 * against the minimum ceil(items / page length) per listing.
 */
import { join } from 'node:path';
import type { Bench, BenchContext, BenchResult } from '../harness/bench.ts';
import { figure, round, toMb, type Figure } from '../harness/figure.ts';
import { startMockProcess } from '../harness/mock-process.ts';
import { countedAuditRun, timedAuditRun, type AuditRun, type TenantSize } from '../harness/audit-run.ts';

export const FULL_TENANT: TenantSize = { users: 100_000, members: 5_000, provisions: 2_000 };
export const QUICK_TENANT: TenantSize = { users: 5_000, members: 250, provisions: 100 };

/** What audit-e2e leaves for growth and report-html in the same run. */
export interface AuditE2eShared {
  size: TenantSize;
  run: AuditRun;
}
export const AUDIT_E2E_KEY = 'audit-e2e';

export const WALL_GOAL_S = 8;
export const RSS_GOAL_MB = 400;

export const auditE2e: Bench = {
  name: 'audit-e2e',
  title: 'end-to-end audit of a large tenant served by another process',
  timeoutMs: (quick) => (quick ? 180_000 : 420_000),
  async run(ctx: BenchContext): Promise<BenchResult> {
    const size = ctx.quick ? QUICK_TENANT : FULL_TENANT;
    const timeoutMs = ctx.quick ? 60_000 : 120_000;
    ctx.log(`audit-e2e: mock tenant with ${size.users} users, ${size.members} members, ${size.provisions} provisions`);
    const mock = await startMockProcess(size);
    try {
      // The first run warms what every later run reuses (tsx's compile cache, the mock's JIT): a nightly job
      // on a set-up machine starts from there.
      ctx.log('audit-e2e: warm-up run');
      const warmup = await timedAuditRun(mock, join(ctx.tmpDir, 'audit-e2e-warmup'), { timeoutMs });
      ctx.log(`audit-e2e: warm-up ${round(warmup.wallMs / 1000, 2)} s; measured run`);
      const run = await timedAuditRun(mock, join(ctx.tmpDir, 'audit-e2e'), { timeoutMs });
      ctx.shared.set(AUDIT_E2E_KEY, { size, run } satisfies AuditE2eShared);
      ctx.log('audit-e2e: counted run (through the counting proxy, untimed)');
      const counts = await countedAuditRun(mock, join(ctx.tmpDir, 'audit-e2e-counted'), timeoutMs);

      const counted = counts.reduce((sum, c) => sum + c.requests, 0);
      const minimumAtMock = counts.reduce((sum, c) => sum + c.minimum, 0);
      const users = counts.find((c) => c.operation === 'GET /users/');
      // The run's preflight (one GET /rest/self, src/run/prepare-tenant.ts) uses its own client: the mock sees
      // it, results.json stats.requests (the audit's client) does not.
      const preflight = counts.some((c) => c.operation === 'GET /rest/self') ? 1 : 0;
      const fromStats = run.statsRequests !== undefined;
      const requests = fromStats ? run.statsRequests! : counted;
      const minimum = fromStats ? minimumAtMock - preflight : minimumAtMock;
      const source = fromStats
        ? 'results.json stats.requests (the audit client; the preflight GET /rest/self is not in it)'
        : 'counted at the mock (separate run through a counting proxy)';
      const usersRead = run.inventory?.apiwebUsers ?? run.inventory?.['apiweb-users'];
      const breakdown = counts.map((c) => `${c.operation}: ${c.requests}/${c.minimum}${c.pageSize ? ` (page ${c.pageSize})` : ''}`).join('; ');

      const figures: Figure[] = [
        figure('audit-e2e.wallS', round(run.wallMs / 1000, 2), 's', {
          goal: { op: '<=', target: WALL_GOAL_S },
          note: `exit ${run.exitCode}, ${run.findings} findings${run.partial ? `, PARTIAL: ${run.partialReason ?? ''}` : ''}; acceptance bound 15 s`,
        }),
        figure('audit-e2e.peakTreeRssMb', toMb(run.rss.maxTreeKb), 'MB', {
          goal: { op: '<=', target: RSS_GOAL_MB },
          note: `sum over the run's process tree (${run.rss.maxProcesses} processes at most, ${run.rss.samples} samples every 50 ms)`,
        }),
        figure('audit-e2e.peakProcessRssMb', toMb(run.rss.maxProcessKb), 'MB', {
          goal: { op: '<=', target: RSS_GOAL_MB },
          note: 'largest single process of the tree',
        }),
        figure('audit-e2e.requests', requests, 'req', { note: source }),
        figure('audit-e2e.minRequests', minimum, 'req', {
          note: `sum over listings of ceil(items served / page length requested), 1 per unpaged call${fromStats && preflight ? '; without the preflight' : ''}`,
        }),
        figure('audit-e2e.extraRequests', requests - minimum, 'req', { goal: { op: '<=', target: 0 }, note: 'requests − minimum' }),
        figure('audit-e2e.requestsAtMock', counted, 'req', {
          note: `separate run through a counting proxy, preflight included (made/minimum): ${breakdown}`,
        }),
        figure('audit-e2e.userPageRequests', users?.requests ?? null, 'req', {
          note: users ? `minimum ceil(${users.items} / ${users.pageSize ?? '?'}) = ${users.minimum}` : 'no GET /users/ seen',
        }),
        figure('audit-e2e.usersRead', usersRead ?? null, 'users', {
          goal: { op: '==', target: size.users },
          note: usersRead === undefined ? 'results.json has no stats.inventory.apiwebUsers' : 'results.json stats.inventory.apiwebUsers',
        }),
        figure('audit-e2e.warmupWallS', round(warmup.wallMs / 1000, 2), 's', { note: 'first run against the same mock (not the figure)' }),
        figure('audit-e2e.mockStartS', round(mock.startMs / 1000, 2), 's', { note: 'mock process: spawn to first JSON line' }),
      ];
      return { figures, params: { ...size, requestCounts: counts } };
    } finally {
      await mock.stop();
    }
  },
};
