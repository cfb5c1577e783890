/**
 * Progress of a run, one line per suite file as it starts and ends: what a person watching a terminal or a
 * CI log needs to see that the run is alive and where it stands. It never prints tenant secrets (the
 * suites' test names carry operations and rule ids only).
 */
import type { Reporter, TestModule } from 'vitest/node';

export class ProgressReporter implements Reporter {
  readonly #log: (line: string) => void;
  readonly #started = new Map<string, number>();

  constructor(log: (line: string) => void) {
    this.#log = log;
  }

  onTestModuleStart(module: TestModule): void {
    this.#started.set(module.moduleId, Date.now());
    this.#log(`running ${module.relativeModuleId}`);
  }

  onTestModuleEnd(module: TestModule): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const test of module.children.allTests()) counts[test.result().state]++;
    const started = this.#started.get(module.moduleId) ?? Date.now();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const mark = counts.failed > 0 || module.errors().length > 0 ? '✗' : '✓';
    this.#log(
      `${mark} ${module.relativeModuleId}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
    );
    for (const error of module.errors()) this.#log(`  error: ${error.message}`);
  }
}
