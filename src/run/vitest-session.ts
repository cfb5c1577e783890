/**
 * Runs vitest on the tenant suites (or merges shard blobs) through its node API. vitest's logger exits the
 * process on SIGINT/SIGTERM; a run of ours must instead stop the suites and still write what it has (issue 7:
 * an interrupted run writes its reports, marked partial), so those two listeners are taken off again and the
 * run's own handler cancels the run.
 */
import { createVitest, type Vitest } from 'vitest/node';

type CliOptions = Parameters<typeof createVitest>[1];
type ViteOverrides = Parameters<typeof createVitest>[2];

export interface VitestSession {
  vitest: Vitest;
  /** Runs the given filters (or merges the configured blobs) and closes vitest. */
  run(filters: string[]): Promise<void>;
}

export async function openVitest(options: CliOptions, viteOverrides?: ViteOverrides): Promise<VitestSession> {
  const before = {
    SIGINT: new Set(process.listeners('SIGINT')),
    SIGTERM: new Set(process.listeners('SIGTERM')),
  };
  const vitest = await createVitest('test', options, viteOverrides);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!before[signal].has(listener)) process.off(signal, listener);
    }
  }
  return {
    vitest,
    async run(filters) {
      try {
        if (options.mergeReports) await vitest.mergeReports();
        else await vitest.start(filters);
      } catch (error) {
        // No suite file matched (for example a shard with nothing to do): an empty run, not a crash.
        if ((error as Error).name !== 'FilesNotFoundError') throw error;
      } finally {
        await vitest.close();
      }
    },
  };
}
