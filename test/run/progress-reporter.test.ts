import { describe, expect, it } from 'vitest';
import { PROGRESS_ARTIFACT, progressOf, type ProgressArtifact } from '../../src/model/progress.ts';
import { ProgressReporter } from '../../src/run/progress-reporter.ts';

const log = (content: string, time = Date.now()) => ({ content, type: 'stdout' as const, time, size: content.length });
// What a suite worker records (suites/audit/audit.test.ts) and vitest hands the reporter.
const event = (done: number, requests: number): ProgressArtifact => ({
  type: PROGRESS_ARTIFACT,
  event: { label: 'audit: GET /users/', done, total: 1000, unit: 'pages', requests, budgetPerMinute: 30000 },
});
const test = {} as never;

describe('the progress reporter', () => {
  it('should show pages read, requests per minute against the budget and an ETA', async () => {
    const lines: string[] = [];
    const reporter = new ProgressReporter((l) => lines.push(l), { tty: false, write: () => {} });
    reporter.onTestCaseArtifactRecord(test, event(100, 100));
    await new Promise((r) => setTimeout(r, 1200));
    reporter.onTestCaseArtifactRecord(test, event(300, 300));
    const status = reporter.describe();
    expect(status).toMatch(/^audit: GET \/users\/ 300\/1000 pages · [\d,]+ req\/min \(budget 30,000\) · ETA \d+ s$/);
    const eta = Number(/ETA (\d+) s/.exec(status)![1]);
    // 200 pages in ~1.2 s leaves 700 pages: seconds (more on a loaded machine), not minutes.
    expect(eta).toBeGreaterThan(1);
    expect(eta).toBeLessThan(60);
  });

  it('should print plain progress lines without terminal control codes when not on a terminal', () => {
    const lines: string[] = [];
    const written: string[] = [];
    const reporter = new ProgressReporter((l) => lines.push(l), { tty: false, write: (t) => written.push(t) });
    reporter.onTestCaseArtifactRecord(test, event(1, 1));
    expect(lines).toEqual(['progress: audit: GET /users/ 1/1000 pages']);
    expect(written).toEqual([]);
  });

  it("should keep a suite's console lines and ignore artifacts that are not progress", () => {
    const lines: string[] = [];
    const reporter = new ProgressReporter((l) => lines.push(l), { tty: false, write: () => {} });
    reporter.onUserConsoleLog(log('hello from a suite\n'));
    reporter.onTestCaseArtifactRecord(test, { type: 'internal:annotation' } as never);
    expect(lines).toEqual(['  hello from a suite']);
    expect(progressOf({ type: 'other' })).toBeUndefined();
  });
});
