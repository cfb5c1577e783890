/**
 * Figure 2 (issue 9): the end-to-end audit at 1k, 10k and 100k users (members and provisions scaled with
 * the users as in the 100k tenant), time and memory, and the ratio largest / middle (goal ≤ 11× for 10×
 * the users: linear growth plus the fixed start-up).
 */
import { join } from 'node:path';
import type { Bench, BenchContext, BenchResult } from '../harness/bench.ts';
import { figure, round, toMb, type Figure } from '../harness/figure.ts';
import { startMockProcess } from '../harness/mock-process.ts';
import { timedAuditRun, type AuditRun, type TenantSize } from '../harness/audit-run.ts';
import { AUDIT_E2E_KEY, FULL_TENANT, type AuditE2eShared } from './audit-e2e.ts';

export const FULL_SIZES = [1_000, 10_000, 100_000] as const;
export const QUICK_SIZES = [500, 1_000, 5_000] as const;
export const GROWTH_GOAL = 11;

export function usersLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

function sizeFor(users: number): TenantSize {
  return {
    users,
    members: Math.max(1, Math.round((users * FULL_TENANT.members) / FULL_TENANT.users)),
    provisions: Math.max(1, Math.round((users * FULL_TENANT.provisions) / FULL_TENANT.users)),
  };
}

async function measure(ctx: BenchContext, size: TenantSize, warm: boolean): Promise<AuditRun> {
  const mock = await startMockProcess(size);
  try {
    const timeoutMs = ctx.quick ? 60_000 : 120_000;
    const dir = join(ctx.tmpDir, `growth-${size.users}`);
    if (warm) await timedAuditRun(mock, `${dir}-warmup`, { timeoutMs });
    return await timedAuditRun(mock, dir, { timeoutMs });
  } finally {
    await mock.stop();
  }
}

export const growth: Bench = {
  name: 'growth',
  title: 'audit time and memory over 1k, 10k and 100k users',
  timeoutMs: (quick) => (quick ? 240_000 : 600_000),
  async run(ctx: BenchContext): Promise<BenchResult> {
    const sizes = ctx.quick ? QUICK_SIZES : FULL_SIZES;
    const reused = ctx.shared.get(AUDIT_E2E_KEY) as AuditE2eShared | undefined;
    const runs: { users: number; run: AuditRun; reused: boolean }[] = [];
    for (const [i, users] of sizes.entries()) {
      const size = sizeFor(users);
      if (reused && reused.size.users === size.users && reused.size.members === size.members && reused.size.provisions === size.provisions) {
        ctx.log(`growth: ${usersLabel(users)} users: audit-e2e's measured run of this run reused`);
        runs.push({ users, run: reused.run, reused: true });
        continue;
      }
      ctx.log(`growth: ${usersLabel(users)} users`);
      // One warm-up before the first size only: later sizes start from the same warm caches.
      runs.push({ users, run: await measure(ctx, size, i === 0), reused: false });
    }
    const figures: Figure[] = [];
    for (const { users, run, reused: r } of runs) {
      const note = `${r ? 'from audit-e2e; ' : ''}peak process ${toMb(run.rss.maxProcessKb)} MB; exit ${run.exitCode}${run.partial ? '; PARTIAL' : ''}`;
      figures.push(figure(`growth.wallS[${usersLabel(users)}]`, round(run.wallMs / 1000, 2), 's', { note }));
      figures.push(figure(`growth.peakTreeRssMb[${usersLabel(users)}]`, toMb(run.rss.maxTreeKb), 'MB'));
    }
    const large = runs[runs.length - 1]!;
    const middle = runs[runs.length - 2]!;
    const label = `${usersLabel(large.users)} / ${usersLabel(middle.users)}`;
    figures.push(
      figure('growth.timeRatio', round(large.run.wallMs / middle.run.wallMs, 2), '×', {
        goal: { op: '<=', target: GROWTH_GOAL },
        note: `${label}; marginal ${round(((large.run.wallMs - middle.run.wallMs) / (large.users - middle.users)) * 1000, 1)} µs per user`,
      }),
      figure('growth.memoryRatio', round(large.run.rss.maxTreeKb / middle.run.rss.maxTreeKb, 2), '×', {
        goal: { op: '<=', target: GROWTH_GOAL },
        note: `${label}, peak tree RSS`,
      }),
    );
    return { figures, params: { sizes: runs.map((r) => sizeFor(r.users)) } };
  },
};
