/** The shape of one bench and what the harness hands it. */
import type { Figure } from './figure.ts';

export interface BenchContext {
  quick: boolean;
  /** A per-run temporary directory, removed when the harness ends. */
  tmpDir: string;
  /** Results one bench leaves for another in the same run (audit-e2e's 100k results.json for report-html). */
  shared: Map<string, unknown>;
  log(line: string): void;
}

export interface BenchResult {
  figures: Figure[];
  params: Record<string, unknown>;
}

export interface Bench {
  name: string;
  title: string;
  /** Hard limit for the whole bench; past it its children are stopped and the bench reports an error. */
  timeoutMs(quick: boolean): number;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** Thrown when a bench cannot run here (Prism not installable, Chromium missing): reported, not a failure. */
export class BenchUnavailable extends Error {
  readonly code = 'BENCH_UNAVAILABLE';
}
