/**
 * Turns what the suites produced into results.json: run information, summary, and a deterministic order
 * (so two shards merged equal one unsharded run, and diffs between nights stay stable).
 */
import { randomUUID } from 'node:crypto';
import type { CollectedResults } from '../../reporters/vitest-results-reporter.ts';
import { RESULTS_SCHEMA_VERSION, type CheckResult, type Finding, type RunInfo, type RunResults } from '../model/results.ts';
import type { RunPlan } from '../config/run-plan.ts';
import { exitCodeFor } from './exit-code.ts';
import { summarise } from './summarise.ts';
import { TOOL_VERSION } from './tool-version.ts';

/** Sorts by a string key computed once per item (57k findings: a key per comparison costs seconds). */
function sortedBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const keyed = items.map((item) => ({ key: key(item), item }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}

const checkKey = (c: CheckResult) => `${c.file ?? ''}\u0000${c.operation}\u0000${c.id}\u0000${c.title}`;
const findingKey = (f: Finding) =>
  `${f.ruleId}\u0000${f.subject.kind}\u0000${f.subject.orgId ?? ''}\u0000${f.subject.id ?? ''}\u0000${f.subject.email ?? ''}`;

/**
 * Issue 13: an assumed assertion the tenant did not meet (a warning on its check, `assumed <check>.<id> not
 * met …`) is a run warning too, so every report that lists the run's warnings (HTML, Markdown, JUnit) shows it.
 */
export const ASSUMPTION_WARNING_CODE = 'CONTRACT_ASSUMPTION_NOT_MET';

function assumptionWarnings(checks: readonly CheckResult[]): RunResults['warnings'] {
  return checks.flatMap((c) =>
    (c.warnings ?? []).filter((w) => w.startsWith('assumed ')).map((w) => ({ code: ASSUMPTION_WARNING_CODE, message: w, operation: c.operation })),
  );
}

/** The run information a plan gives before the suites run (what `merge` restores from a shard's plan). */
function plannedRunInfo(plan: RunPlan, shards: number | undefined): Omit<RunInfo, 'id' | 'partial'> {
  const { tenant } = plan;
  return {
    startedAt: plan.now,
    tenant: tenant.kind,
    suites: [...plan.suites],
    seed: plan.seed,
    numRuns: plan.numRuns,
    apiVersion: tenant.restVersion,
    allowWrites: plan.allowWrites,
    strict: plan.strict,
    failOn: plan.failOn,
    ...(plan.policyPath ? { policy: plan.policyPath } : {}),
    ...(plan.previousPath ? { previous: plan.previousPath } : {}),
    orgIds: [...tenant.orgIds],
    ...(tenant.groupId ? { groupId: tenant.groupId } : {}),
    targets: { snykApiUrl: tenant.snykApiUrl, apiwebUrl: tenant.apiwebUrl },
    ...(shards !== undefined ? { shards } : {}),
  };
}

export function buildRunResults(
  collected: CollectedResults,
  plan: RunPlan,
  options: { interrupted: boolean; finishedAt?: Date; /** Default: the plan's shard count. */ shards?: number },
): { results: RunResults; exitCode: 0 | 1 | 3 } {
  const base = plannedRunInfo(plan, options.shards ?? plan.shard?.count);
  const finishedAt = options.finishedAt ?? new Date();
  const checks = sortedBy(collected.checks, checkKey);
  const findings = sortedBy(collected.findings, findingKey);
  const rules = sortedBy(collected.rules, (r) => r.id);
  const partial = options.interrupted || collected.reason === 'interrupted' || collected.runErrors.length > 0;
  const exitCode = exitCodeFor({ checks, findings, failOn: plan.failOn, incomplete: partial });
  const run: RunInfo = {
    id: randomUUID(),
    ...base,
    finishedAt: finishedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - Date.parse(base.startedAt)),
    partial,
    exitCode,
  };
  if (collected.policy && !run.policy) run.policy = collected.policy;
  if (partial) {
    run.partialReason = options.interrupted
      ? 'interrupted'
      : collected.runErrors.join('; ').slice(0, 2000) || 'the run did not complete';
  }
  const results: RunResults = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'snyk-tenant-check', version: TOOL_VERSION },
    run,
    summary: withResolved(summarise(checks, findings), collected.diff?.resolved),
    checks,
    findings,
    rules,
    warnings: [...collected.warnings, ...assumptionWarnings(checks), ...collected.runErrors.map((message) => ({ code: 'RUN_ERROR', message }))],
    ...(collected.stats ? { stats: collected.stats } : {}),
    ...(collected.diff ? { diff: collected.diff } : {}),
  };
  return { results, exitCode };
}

function withResolved(summary: RunResults['summary'], resolved: number | undefined): RunResults['summary'] {
  return resolved === undefined ? summary : { ...summary, findings: { ...summary.findings, resolved } };
}

export function emptyCollected(reason: string): CollectedResults {
  return { checks: [], findings: [], rules: [], warnings: [], runErrors: [reason], reason: 'interrupted' };
}
