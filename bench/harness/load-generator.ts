/**
 * A bounded closed-loop load generator on undici: `concurrency` workers, each sending its next request when
 * the previous response body has been read in full, for a fixed duration after a short warm-up. Loopback only.
 */
import { Pool } from 'undici';

export interface LoadTarget {
  origin: string;
  path: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses by status; `error` counts network errors. */
  statuses: Record<string, number>;
  /** Bytes of response body per request (mean). */
  meanBodyBytes: number;
  durationMs: number;
}

const MAX_SAMPLES = 2_000_000;

function assertLoopback(origin: string): void {
  const host = new URL(origin).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`the load generator targets loopback only, not ${host}`);
  }
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export async function generateLoad(
  target: LoadTarget,
  options: { concurrency: number; durationMs: number; warmupMs?: number },
): Promise<LoadResult> {
  assertLoopback(target.origin);
  const pool = new Pool(target.origin, {
    connections: options.concurrency,
    pipelining: 1,
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  const latencies = new Float64Array(MAX_SAMPLES);
  const statuses: Record<string, number> = {};
  let count = 0;
  let bytes = 0;
  let measuring = false;
  let stop = false;

  const worker = async () => {
    while (!stop && count < MAX_SAMPLES) {
      const t0 = performance.now();
      let status = 'error';
      let size = 0;
      try {
        const res = await pool.request({ method: 'GET', path: target.path, headers: target.headers });
        // Every byte is read, none is copied into one buffer: the generator should cost as little as it can.
        for await (const chunk of res.body) size += (chunk as Buffer).length;
        status = String(res.statusCode);
      } catch {
        // a reset or refused connection counts as an error response; the loop goes on until the deadline
        await new Promise((r) => setTimeout(r, 5));
      }
      if (measuring && !stop) {
        latencies[count++] = performance.now() - t0;
        bytes += size;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  };

  const workers = Array.from({ length: options.concurrency }, worker);
  await new Promise((r) => setTimeout(r, options.warmupMs ?? 500));
  measuring = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, options.durationMs));
  stop = true;
  const durationMs = performance.now() - started;
  // In-flight requests finish (they are not counted); a slow one is cut off by destroying the pool.
  await Promise.race([Promise.all(workers), new Promise((r) => setTimeout(r, 2000))]);
  await pool.destroy();
  await Promise.all(workers);

  const sorted = latencies.slice(0, count).sort();
  return {
    requests: count,
    requestsPerSecond: (count / durationMs) * 1000,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    statuses,
    meanBodyBytes: count ? bytes / count : 0,
    durationMs,
  };
}
