/**
 * The pre-upgrade check behind `compare`: against the chosen tenant, every REST operation under the version
 * in use and the candidate version; the differences in served version, lifecycle stage, deprecation/sunset,
 * status, headers and response shape. Written as results.json (its `comparison` block) and the other reports.
 */
import { resolve } from 'node:path';
import { writeReports } from '../../reporters/write-reports.ts';
import { createTenantClient } from '../client/tenant-client.ts';
import { compareVersions } from '../contract/compare.ts';
import type { RunResults, VersionComparison } from '../model/results.ts';
import { buildRunResults, type RunInfoBase } from './build-results.ts';
import { prepareTenant } from './prepare-tenant.ts';
import { readTenantConfig } from '../config/tenant-env.ts';

export interface CompareOutcome {
  results: RunResults;
  comparison: VersionComparison;
  lines: string[];
  files: string[];
  exitCode: 0 | 1 | 3;
}

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
  return lines;
}

export async function compareRun(options: {
  from: string;
  to: string;
  tenant: 'mock' | 'live';
  outDir: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<CompareOutcome> {
  const startedAt = new Date();
  const log = options.log ?? (() => {});
  const tenant = await prepareTenant({
    kind: options.tenant,
    env: options.env ?? process.env,
    needApiweb: false,
    log,
  });
  let comparison: VersionComparison;
  try {
    const config = readTenantConfig({ ...(options.env ?? process.env), ...tenant.workerEnv });
    const client = createTenantClient(config, options.tenant === 'mock' ? { rateLimits: { rest: 1_000_000 } } : {});
    try {
      comparison = await compareVersions(client, config, options.from, options.to);
    } finally {
      await client.close();
    }
  } finally {
    await tenant.close();
  }
  const base: RunInfoBase = {
    startedAt: startedAt.toISOString(),
    tenant: options.tenant,
    suites: ['contract'],
    apiVersion: `${options.from}..${options.to}`,
    failOn: 'never',
    orgIds: tenant.orgIds,
    ...(tenant.groupId ? { groupId: tenant.groupId } : {}),
    targets: tenant.targets,
  };
  const built = buildRunResults(
    { checks: [], findings: [], rules: [], warnings: [], runErrors: [], reason: 'passed' },
    base,
    { interrupted: false },
  );
  const results: RunResults = { ...built.results, comparison };
  const changed = comparison.operations.some((o) => o.differences.length > 0);
  const exitCode = changed ? 1 : 0;
  results.run.exitCode = exitCode;
  const files = await writeReports(results, resolve(options.outDir));
  return { results, comparison, lines: describe(comparison), files, exitCode };
}
