/**
 * The audit suite: one vitest test per rule of the catalog and one summary test, against the tenant the run
 * names. The inventory is collected and judged once, by the first test (its progress travels to the run's
 * display as `stc:progress` artifacts, src/model/progress.ts); each rule test publishes its RuleResult
 * and findings in task.meta (src/model/task-meta.ts) and fails when the rule has failing findings, so the
 * failure shows in vitest's own output and in junit.xml. Exempt and unknown findings do not fail the test:
 * exempt ones are accepted, unknown ones are reported (never counted as a pass) through the rule's outcome.
 */
import { afterAll, describe, recordArtifact, test } from 'vitest';
import type { TenantClient } from '../../src/client/types.ts';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import { PROGRESS_ARTIFACT } from '../../src/model/progress.ts';
import { tenantConfigFor } from '../../src/config/tenant-env.ts';
import { injectedPlan } from '../injected-plan.ts';
import type { Finding } from '../../src/model/results.ts';
import { packFindings } from '../../src/model/task-meta.ts';
import { RULES } from '../../src/audit/catalog.ts';
import { loadPolicy } from '../../src/audit/policy.ts';
import { runAudit, type AuditRunResult } from '../../src/audit/run-audit.ts';

const plan = injectedPlan();
let client: TenantClient | undefined;
let audit: AuditRunResult | undefined;

function describeFinding(f: Finding): string {
  const who = f.subject.email ?? f.subject.id ?? f.subject.name ?? '?';
  return `  ${f.severity} ${f.subject.kind} ${who}${f.subject.orgId ? ` (org ${f.subject.orgId})` : ''}: ${f.message ?? ''}`;
}

/** The audit's result; without one (the inventory test failed, and says why) a rule test is skipped. */
function result(skip: (note: string) => never): AuditRunResult {
  return audit ?? skip("the audit did not run (see the 'audit inventory' test)");
}

describe('audit', () => {
  // Tests of a file run in order: this one first. Its progress artifacts are not awaited (the collection
  // must not wait for the display); one that cannot be delivered is only a missed status line.
  test('audit inventory', async ({ task }) => {
    const policy = await loadPolicy(plan.policyPath);
    const tenant = tenantConfigFor(plan.tenant, process.env);
    client = createTenantClient(tenant, { rateLimits: plan.rateLimits });
    audit = await runAudit({
      client,
      tenant,
      policy,
      now: new Date(plan.now),
      ...(plan.previousPath ? { previous: plan.previousPath } : {}),
      ...(plan.statePath ? { statePath: plan.statePath } : {}),
      // The budget is the live tenant's limit share; the embedded mock has none worth showing.
      onProgress: (event) =>
        void recordArtifact(task, {
          type: PROGRESS_ARTIFACT,
          event: { ...event, ...(plan.tenant.kind === 'live' ? { budgetPerMinute: plan.rateLimits.apiweb } : {}) },
        }).catch(() => undefined),
    });
  });

  afterAll(async () => {
    await client?.close();
  });

  for (const def of RULES) {
    test(`${def.id}: ${def.title}`, ({ task, skip }) => {
      const { rules, findingsByRule } = result(skip);
      const rule = rules.find((r) => r.id === def.id);
      if (!rule) throw new Error(`no result for rule ${def.id}`);
      const findings = findingsByRule.get(def.id) ?? [];
      // Packed: one string crosses to the main process (and into blob reports) far faster than 10k objects.
      task.meta.stc = { kind: 'rule', rule, packed: packFindings(findings, rule) };
      if (rule.outcome === 'skipped') skip(rule.limits?.[0] ?? 'skipped');
      const failing = findings.filter((f) => f.outcome === 'fail');
      if (failing.length > 0) {
        const shown = failing.slice(0, 20).map(describeFinding);
        if (failing.length > shown.length) shown.push(`  … and ${failing.length - shown.length} more (see findings.csv)`);
        throw new Error(`${def.id}: ${failing.length} failing finding(s)\n${shown.join('\n')}`);
      }
    });
  }

  test('audit summary', ({ task, skip }) => {
    const { stats, warnings, diff, policyLabel } = result(skip);
    task.meta.stc = { kind: 'audit-summary', stats, warnings, policy: policyLabel, ...(diff ? { diff } : {}) };
  });
});
