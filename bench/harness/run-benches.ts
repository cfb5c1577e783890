/**
 * Runs the selected benches one after another (never in parallel: they measure the machine), each under its
 * own time limit, and turns every failure into a reported outcome instead of a crashed run. Children a bench
 * leaves behind are stopped before the next one starts.
 */
import type { Bench, BenchContext } from './bench.ts';
import { BenchUnavailable } from './bench.ts';
import type { BenchOutcome } from './figure.ts';
import { stopAllTracked } from './child-processes.ts';

export async function runBenches(benches: readonly Bench[], ctx: BenchContext): Promise<BenchOutcome[]> {
  const outcomes: BenchOutcome[] = [];
  for (const bench of benches) {
    const started = performance.now();
    const limit = bench.timeoutMs(ctx.quick);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${bench.name} did not finish within ${limit / 1000} s`)), limit);
    });
    ctx.log(`── ${bench.name}: ${bench.title}`);
    try {
      const result = await Promise.race([bench.run(ctx), timeout]);
      outcomes.push({ bench: bench.name, status: 'ok', durationMs: performance.now() - started, figures: result.figures, params: result.params });
    } catch (error) {
      const unavailable = error instanceof BenchUnavailable;
      const reason = (error as Error).message ?? String(error);
      ctx.log(`${bench.name}: ${unavailable ? 'unavailable' : 'FAILED'}: ${reason}`);
      outcomes.push({ bench: bench.name, status: unavailable ? 'unavailable' : 'error', reason, durationMs: performance.now() - started, figures: [], params: {} });
    } finally {
      clearTimeout(timer);
      // A bench that failed or timed out may have left servers running.
      await stopAllTracked();
    }
  }
  return outcomes;
}
