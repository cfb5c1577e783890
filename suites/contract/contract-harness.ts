/**
 * The thin layer between vitest and the check registry: one test per (operation × check) that applies.
 * Each test runs the check through the runner and publishes its details in `task.meta.stc`
 * (src/model/task-meta.ts); a failure fails the test with the check's `Key: value` message, a check that
 * does not apply is skipped with its reason, a check that crashed is an `error`.
 *
 * Live safety: the provision ledger of the file is cleaned after the tests whatever their outcome, and a
 * file that writes provisions first sweeps the reserved-pattern leftovers of a killed run.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createTenantClient } from '../../src/client/tenant-client.ts';
import type { TenantClient } from '../../src/client/types.ts';
import { tenantConfigFor, withTenantConfig } from '../../src/config/tenant-env.ts';
import { createCheckContext, type CheckContext } from '../../src/contract/check-context.ts';
import { sweepLeftovers } from '../../src/contract/provision-ledger.ts';
import { plannedChecks } from '../../src/contract/registry.ts';
import { runCheck } from '../../src/contract/runner.ts';
import { OPERATIONS, type OperationName } from '../../src/model/operations.ts';
import type { CheckMeta } from '../../src/model/task-meta.ts';
import '../../src/model/task-meta.ts';
import { injectedPlan } from '../injected-plan.ts';

/** Live leftovers younger than this may belong to a concurrent run against the same tenant. */
const SWEEP_GRACE_MS = 15 * 60_000;

const isOrgScoped = (op: OperationName): boolean => /\{org(Id|_id)\}/.test(OPERATIONS[op].path);

export function defineContractSuite(title: string, operations: readonly OperationName[]): void {
  const plan = injectedPlan();
  // With several organizations, every org-scoped operation is checked once per org (results per org).
  const orgs = plan.tenant.orgIds;
  const multiOrg = orgs.length > 1;
  let client: TenantClient | undefined;
  /** One check context per org (the first org's serves the operations that are not org-scoped). */
  const contexts = new Map<string | undefined, CheckContext>();
  let setupError: unknown;

  beforeAll(async () => {
    try {
      const config = tenantConfigFor(plan.tenant, process.env);
      client = createTenantClient(config, { rateLimits: plan.rateLimits });
      const settings = { tenant: plan.tenant.kind, seed: plan.seed, numRuns: plan.numRuns, allowWrites: plan.allowWrites, strict: plan.strict, now: plan.now };
      const writesProvisions = operations.some((op) => OPERATIONS[op].api === 'v1' && OPERATIONS[op].writes);
      for (const org of multiOrg ? orgs : [undefined]) {
        const orgConfig = org ? withTenantConfig(config, { orgIds: [org] }) : config;
        const ctx = createCheckContext({
          client,
          config: orgConfig,
          ...settings,
          ...(plan.reservedDomain ? { reservedDomain: plan.reservedDomain } : {}),
        });
        contexts.set(org, ctx);
        if (writesProvisions && ctx.allowWrites && ctx.orgId) {
          await sweepLeftovers(client, ctx.orgId, {
            currentRunId: ctx.ledger.runId,
            graceMs: plan.tenant.kind === 'mock' ? 0 : SWEEP_GRACE_MS,
            domain: ctx.ledger.domain,
          });
        }
      }
    } catch (error) {
      setupError = error;
    }
  });

  afterAll(async () => {
    for (const ctx of contexts.values()) {
      if (ctx.orgId && ctx.ledger.open().length > 0) await ctx.ledger.cleanup(ctx.client, ctx.orgId).catch(() => undefined);
    }
    await client?.close();
  });

  describe(title, () => {
    const wanted = (id: string): boolean =>
      (!plan.checks.only || plan.checks.only.includes(id)) && !plan.checks.exclude?.includes(id);
    const planned = plannedChecks(operations).filter(({ check }) => wanted(check.id)).flatMap(({ check, operation }) =>
      multiOrg && isOrgScoped(operation)
        ? orgs.map((org) => ({ check, operation, org: org as string | undefined }))
        : [{ check, operation, org: multiOrg ? orgs[0] : undefined }],
    );
    for (const { check, operation, org } of planned) {
      const name = multiOrg && isOrgScoped(operation) ? `${check.id} · ${operation} · org ${org}` : `${check.id} · ${operation}`;
      test(name, async ({ task, skip }) => {
        const ctx = contexts.get(org);
        const meta: CheckMeta = {
          kind: 'check',
          check: { id: check.id, title: check.title, family: check.family, operation, seed: plan.seed },
        };
        task.meta.stc = meta;
        if (!ctx) {
          const message = `Error: the suite could not start: ${setupError instanceof Error ? setupError.message : String(setupError)}`;
          meta.check.outcome = 'error';
          meta.check.message = message;
          throw new Error(message);
        }
        const result = await runCheck(ctx, check, operation);
        meta.check = {
          id: result.id,
          title: result.title,
          family: result.family,
          operation: result.operation,
          seed: result.seed,
          ...(result.path !== undefined ? { path: result.path } : {}),
          ...(result.counterexample !== undefined ? { counterexample: result.counterexample } : {}),
          ...(result.reproduction !== undefined ? { reproduction: result.reproduction } : {}),
          ...(result.exchange !== undefined ? { exchange: result.exchange } : {}),
          ...(result.message !== undefined ? { message: result.message } : {}),
          ...(result.warnings !== undefined ? { warnings: result.warnings } : {}),
          ...(result.assertion !== undefined ? { assertion: result.assertion } : {}),
          ...(ctx.restVersion && OPERATIONS[operation].api === 'rest' ? { apiVersion: ctx.restVersion } : {}),
          ...(ctx.orgId ? { orgId: ctx.orgId } : {}),
        };
        if (result.outcome === 'skipped') skip(result.message ?? 'not applicable');
        if (result.outcome === 'error') {
          meta.check.outcome = 'error';
          throw new Error(result.message ?? 'the check crashed');
        }
        if (result.outcome === 'failed') throw new Error(`${result.title}\n${result.message ?? ''}`);
      });
    }
  });
}
