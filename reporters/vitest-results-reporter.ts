/**
 * The vitest reporter that turns the suites' test results into the results model. It implements only
 * `onTestRunEnd`, which vitest also calls for `--merge-reports`, so sharded runs merge into the same model
 * (STYLE.md: reporters write in onTestRunEnd).
 *
 * A test's outcome comes from vitest's own state; the details come from `task.meta.stc`
 * (src/model/task-meta.ts). A test that failed without publishing details (a suite that could not even
 * start, a crashed hook) becomes a check with outcome `error`, so nothing is silently lost.
 */
import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason } from 'vitest/node';
import type { CheckResult, DiffSummary, Finding, RuleResult, Stats, Warning } from '../src/model/results.ts';
import { ruleMetaFindings, type StcMeta } from '../src/model/task-meta.ts';

/** What the suites produced, before run information and the summary are added. */
export interface CollectedResults {
  checks: CheckResult[];
  findings: Finding[];
  rules: RuleResult[];
  warnings: Warning[];
  stats?: Stats;
  diff?: DiffSummary;
  policy?: string;
  /** Errors outside any test (a module that failed to load, an unhandled rejection). */
  runErrors: string[];
  /** Why vitest ended the run ('passed', 'failed', 'interrupted'). */
  reason: TestRunEndReason;
}

export interface ResultsReporterOptions {
  onResults(results: CollectedResults): void | Promise<void>;
}

function firstError(test: TestCase): string | undefined {
  const result = test.result();
  const error = result.errors?.[0];
  if (!error) return undefined;
  return error.message ?? String(error);
}

function mapState(test: TestCase): CheckResult['outcome'] {
  const state = test.result().state;
  if (state === 'passed') return 'passed';
  if (state === 'failed') return 'failed';
  return 'skipped';
}

function relativeFile(test: TestCase): string {
  return test.module.relativeModuleId ?? test.module.moduleId;
}

export function collectResults(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  reason: TestRunEndReason,
): CollectedResults {
  const out: CollectedResults = { checks: [], findings: [], rules: [], warnings: [], runErrors: [], reason };
  for (const module of testModules) {
    for (const error of module.errors()) {
      out.runErrors.push(`${module.relativeModuleId ?? module.moduleId}: ${error.message}`);
    }
    for (const test of module.children.allTests()) {
      const meta = test.meta().stc as StcMeta | undefined;
      if (!meta) {
        const state = test.result().state;
        if (state === 'failed') {
          out.checks.push({
            id: 'suite_error',
            title: test.fullName,
            operation: 'n/a',
            outcome: 'error',
            message: firstError(test),
            file: relativeFile(test),
          });
        }
        continue;
      }
      if (meta.kind === 'check') {
        const state = mapState(test);
        const outcome = meta.check.outcome ?? state;
        const result = test.result();
        const skipNote = result.state === 'skipped' ? result.note : undefined;
        out.checks.push({
          ...meta.check,
          outcome,
          // A failure message is the check's own Key: value text; fall back to the assertion error.
          message: meta.check.message ?? skipNote ?? (outcome === 'passed' ? undefined : firstError(test)),
          durationMs: test.diagnostic()?.duration,
          file: relativeFile(test),
        });
      } else if (meta.kind === 'rule') {
        out.rules.push(meta.rule);
        // Packed findings (src/model/task-meta.ts) are decoded here; a loop, not push(...): a rule may have
        // more findings than a call may take arguments.
        // A pack that cannot be read loses findings: the run is then partial (a run error), never silently clean.
        let findings: Finding[] = [];
        try {
          findings = ruleMetaFindings(meta);
        } catch (error) {
          out.runErrors.push(`${test.fullName}: ${(error as Error).message}`);
        }
        for (const finding of findings) out.findings.push(finding);
      } else {
        out.stats = meta.stats;
        out.warnings.push(...meta.warnings);
        out.diff = meta.diff;
        out.policy = meta.policy;
      }
    }
  }
  for (const error of unhandledErrors) out.runErrors.push(error.message ?? String(error));
  return out;
}

export class ResultsReporter implements Reporter {
  readonly #options: ResultsReporterOptions;

  constructor(options: ResultsReporterOptions) {
    this.#options = options;
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): Promise<void> {
    await this.#options.onResults(collectResults(testModules, unhandledErrors, reason));
  }
}
