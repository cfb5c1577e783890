/**
 * The pre-upgrade check behind `compare`: against the chosen tenant, (1) the contract suite under the version
 * in use and under the candidate version, each with its own reports in `<out>/<version>/`, and (2) every REST
 * operation observed under both versions: served version, lifecycle stage, deprecation/sunset, status,
 * headers and response shape, next to what the tenant's own OpenAPI documents (`GET /rest/openapi/{version}`)
 * say changed, classified breaking / non-breaking as oasdiff does. Together in `<out>/results.json` (its
 * `comparison` block lists the check outcomes that change, too) and the other reports.
 */
import { join, resolve } from 'node:path';
import { writeReports } from '../../reporters/write-reports.ts';
import { createTenantClient } from '../client/tenant-client.ts';
import { compareVersions } from '../contract/compare.ts';
import { OPERATIONS, type OperationName } from '../model/operations.ts';
import type { CheckResult, RunResults, VersionComparison } from '../model/results.ts';
import { buildRunResults } from './build-results.ts';
import { prepareTenant } from './prepare-tenant.ts';
import type { MockSettings, TenantKind } from '../config/run-plan.ts';
import { CHECKS } from '../contract/registry.ts';
import { runSuites } from './run-suites.ts';

export interface CompareOutcome {
  results: RunResults;
  comparison: VersionComparison;
  lines: string[];
  files: string[];
  exitCode: 0 | 1 | 3;
}

type Difference = VersionComparison['operations'][number]['differences'][number];

function describe(comparison: VersionComparison): string[] {
  const lines = [`REST ${comparison.from} → ${comparison.to}`];
  for (const op of comparison.operations) {
    const from = op.from ? `${op.from.status ?? '-'} served ${op.from.served ?? '-'} (${op.from.lifecycleStage ?? '-'})` : '-';
    const to = op.to ? `${op.to.status ?? '-'} served ${op.to.served ?? '-'} (${op.to.lifecycleStage ?? '-'})` : '-';
    lines.push(`${op.differences.length ? '≠' : '='} ${op.operation}: ${from} → ${to}`);
    for (const d of op.differences) lines.push(`    ${d.kind}${d.path ? ` ${d.path}` : ''}: ${d.message}`);
  }
  const changed = comparison.operations.filter((o) => o.differences.length > 0).length;
  lines.push(changed ? `${changed} operation(s) change between the versions` : 'no difference between the versions');
  const missing = (comparison.specs ?? []).filter((s) => !s.available);
  if (missing.length > 0) {
    lines.push(`warning: spec changes not compared: ${missing.map((s) => s.reason ?? `no document for ${s.version}`).join('; ')}`);
  } else {
    const spec = comparison.operations.flatMap((o) => o.differences.filter((d) => d.kind === 'spec'));
    const count = (level: string): number => spec.filter((d) => d.level === level).length;
    lines.push(
      `served OpenAPI documents: ${count('error')} breaking, ${count('warning')} potentially breaking, ${count('info')} non-breaking change(s)`,
    );
  }
  return lines;
}

/** Check outcomes that differ between the two versions, per REST operation. */
function checkDifferences(from: readonly CheckResult[], to: readonly CheckResult[]): Map<string, Difference[]> {
  const key = (c: CheckResult) => `${c.id}\u0000${c.operation}\u0000${c.orgId ?? ''}`;
  const before = new Map(from.map((c) => [key(c), c]));
  const out = new Map<string, Difference[]>();
  for (const c of to) {
    const op = OPERATIONS[c.operation as OperationName];
    if (op?.api !== 'rest') continue;
    const b = before.get(key(c));
    if (!b || b.outcome === c.outcome) continue;
    const list = out.get(c.operation) ?? [];
    list.push({
      kind: 'check',
      path: c.id,
      message: `${b.outcome} → ${c.outcome}${c.outcome === 'failed' && c.message ? ` (${c.message.split('\n')[0]})` : ''}`,
      from: b.outcome,
      to: c.outcome,
    });
    out.set(c.operation, list);
  }
  return out;
}

export async function compareRun(options: {
  from: string;
  to: string;
  tenant: TenantKind;
  outDir: string;
  env?: NodeJS.ProcessEnv;
  mock?: MockSettings;
  seed?: number;
  numRuns?: number;
  /** `--strict`: assumed contract assertions fail instead of warning, under both versions. */
  strict?: boolean;
  log?: (line: string) => void;
}): Promise<CompareOutcome> {
  const startedAt = new Date();
  const log = options.log ?? (() => {});
  const env = options.env ?? process.env;
  const outDir = resolve(options.outDir);
  // Read-only on a live tenant, like a nightly run; the contract suite only.
  const flags = {
    tenant: options.tenant,
    suite: 'contract' as const,
    failOn: 'never' as const,
    allowWrites: false,
    strict: options.strict === true,
    ...(options.numRuns !== undefined ? { numRuns: options.numRuns } : {}),
    ...(options.mock ? { mock: options.mock } : {}),
  };

  // (1) The contract suite under each version.
  const suiteRuns: Record<string, CheckResult[]> = {};
  let seed = options.seed;
  for (const version of [options.from, options.to]) {
    log(`contract suite under ${version}`);
    const outcome = await runSuites({
      flags: { ...flags, apiVersion: version, out: join(outDir, version), ...(seed !== undefined ? { seed } : {}) },
      env,
      log,
    });
    // The same seed under both versions, so a difference is the version's, not the generator's.
    seed ??= outcome.plan.seed;
    suiteRuns[version] = outcome.results.checks.map((c) => ({ ...c, apiVersion: c.apiVersion ?? version }));
  }

  // (2) The operations observed side by side.
  const tenant = await prepareTenant(
    { flags: { ...flags, out: outDir, ...(seed !== undefined ? { seed } : {}) }, env, checkIds: CHECKS.map((c) => c.id), now: startedAt },
    { needApiweb: false, log },
  );
  let comparison: VersionComparison;
  try {
    const client = createTenantClient(tenant.config, options.tenant === 'mock' ? { rateLimits: { rest: 1_000_000 } } : {});
    try {
      comparison = await compareVersions(client, tenant.config, options.from, options.to);
    } finally {
      await client.close();
    }
  } finally {
    await tenant.close();
  }
  const fromChecks = suiteRuns[options.from] ?? [];
  const toChecks = suiteRuns[options.to] ?? [];
  for (const [operation, diffs] of checkDifferences(fromChecks, toChecks)) {
    let entry = comparison.operations.find((o) => o.operation === operation);
    if (!entry) {
      entry = { operation, differences: [] };
      comparison.operations.push(entry);
    }
    entry.differences.push(...diffs);
  }

  // results.json holds the candidate version's checks (what the upgrade would bring); each version's full
  // run is in its own directory.
  const built = buildRunResults(
    { checks: toChecks, findings: [], rules: [], warnings: [], runErrors: [], reason: 'passed' },
    tenant.plan,
    { interrupted: false },
  );
  const results: RunResults = { ...built.results, run: { ...built.results.run, apiVersion: `${options.from}..${options.to}` }, comparison };
  const changed = comparison.operations.some((o) => o.differences.length > 0);
  const exitCode = changed || built.exitCode !== 0 ? 1 : 0;
  results.run.exitCode = exitCode;
  const files = await writeReports(results, outDir);
  return { results, comparison, lines: describe(comparison), files, exitCode };
}
