/**
 * Progress of a run. On a terminal: one status line kept up to date (checks done per suite file, pages read,
 * requests per minute against the budget, ETA). In CI (`CI` set) or when output is not a terminal: plain
 * lines, one per suite file as it starts and ends, and a progress line at most every 5 s. Nothing here
 * prints tenant secrets: test names carry operations and rule ids only, progress events carry counts.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { TestArtifact, UserConsoleLog } from 'vitest';
import { progressOf, type ProgressEvent } from '../model/progress.ts';

interface Activity {
  event: ProgressEvent;
  firstAt: number;
  firstDone: number;
  firstRequests: number;
  at: number;
}

const PLAIN_INTERVAL_MS = 5_000;

export class ProgressReporter implements Reporter {
  readonly #log: (line: string) => void;
  readonly #tty: boolean;
  readonly #write: (text: string) => void;
  readonly #started = new Map<string, number>();
  readonly #tests = new Map<string, { done: number; total: number }>();
  readonly #activity = new Map<string, Activity>();
  #lastPlain = 0;
  #statusShown = false;

  constructor(log: (line: string) => void, options: { tty?: boolean; write?: (text: string) => void } = {}) {
    this.#log = log;
    const ci = Boolean(process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0');
    this.#tty = options.tty ?? (Boolean(process.stderr.isTTY) && !ci);
    this.#write = options.write ?? ((text) => process.stderr.write(text));
  }

  #line(text: string): void {
    this.#clearStatus();
    this.#log(text);
  }

  #clearStatus(): void {
    if (this.#tty && this.#statusShown) {
      this.#write('\r\u001b[2K');
      this.#statusShown = false;
    }
  }

  onTestModuleCollected(module: TestModule): void {
    this.#tests.set(module.moduleId, { done: 0, total: [...module.children.allTests()].length });
  }

  onTestModuleStart(module: TestModule): void {
    this.#started.set(module.moduleId, Date.now());
    this.#line(`running ${module.relativeModuleId}`);
  }

  onTestCaseResult(test: TestCase): void {
    const t = this.#tests.get(test.module.moduleId);
    if (t) t.done++;
    this.#status();
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    // A suite's own console output: keep it visible, marked as such.
    this.#line(`  ${log.content.trimEnd()}`);
  }

  onTestCaseArtifactRecord(_test: TestCase, artifact: TestArtifact): void {
    const event = progressOf(artifact);
    if (event) this.progress(event);
  }

  /** A worker's progress event (from its `stc:progress` artifact). */
  progress(event: ProgressEvent, now = Date.now()): void {
    const known = this.#activity.get(event.label);
    if (!known || event.done < known.event.done) {
      this.#activity.set(event.label, { event, firstAt: now, firstDone: event.done, firstRequests: event.requests ?? 0, at: now });
    } else {
      known.event = event;
      known.at = now;
    }
    this.#status();
  }

  onTestModuleEnd(module: TestModule): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    const rules = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const test of module.children.allTests()) {
      counts[test.result().state]++;
      if ((test.meta() as { stc?: { kind?: string } }).stc?.kind === 'rule') rules[test.result().state]++;
    }
    const started = this.#started.get(module.moduleId) ?? Date.now();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const audit = module.relativeModuleId.startsWith('suites/audit/');
    const mark = counts.failed > 0 || module.errors().length > 0 ? '✗' : '✓';
    const summary = audit
      ? `${rules.passed} rules clean, ${rules.failed} with findings, ${rules.skipped} skipped`
      : `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
    this.#line(`${mark} ${module.relativeModuleId}: ${summary} (${seconds} s)`);
    for (const error of module.errors()) this.#line(`  error: ${error.message}`);
    this.#tests.delete(module.moduleId);
    for (const [label, a] of this.#activity) {
      if (a.event.total !== undefined && a.event.done >= a.event.total) this.#activity.delete(label);
    }
  }

  onTestRunEnd(): void {
    this.#clearStatus();
  }

  /** The current state in one line. */
  describe(now = Date.now()): string {
    const parts: string[] = [];
    let done = 0;
    let total = 0;
    for (const t of this.#tests.values()) {
      done += t.done;
      total += t.total;
    }
    if (total > 0) parts.push(`tests ${done}/${total}`);
    for (const a of this.#activity.values()) {
      const e = a.event;
      let text = `${e.label} ${e.done}${e.total !== undefined ? `/${e.total}` : ''} ${e.unit}`;
      const minutes = (now - a.firstAt) / 60_000;
      if (e.requests !== undefined && minutes > 0.01) {
        const rate = Math.round((e.requests - a.firstRequests) / minutes);
        text += ` · ${rate.toLocaleString('en-US')} req/min${e.budgetPerMinute ? ` (budget ${Math.round(e.budgetPerMinute).toLocaleString('en-US')})` : ''}`;
      }
      if (e.total !== undefined && e.done > a.firstDone && e.done < e.total) {
        const perMs = (e.done - a.firstDone) / Math.max(1, a.at - a.firstAt);
        text += ` · ETA ${Math.ceil((e.total - e.done) / perMs / 1000)} s`;
      }
      parts.push(text);
    }
    return parts.join(' · ');
  }

  #status(): void {
    const text = this.describe();
    if (!text) return;
    if (this.#tty) {
      this.#write(`\r\u001b[2K${text.slice(0, (process.stderr.columns || 120) - 1)}`);
      this.#statusShown = true;
      return;
    }
    const now = Date.now();
    if (now - this.#lastPlain >= PLAIN_INTERVAL_MS) {
      this.#lastPlain = now;
      this.#log(`progress: ${text}`);
    }
  }
}
