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
import { readRunContext } from '../../src/config/run-context.ts';
import { readTenantConfig, withTenantConfig } from '../../src/config/tenant-env.ts';
import { createCheckContext, type CheckContext } from '../../src/contract/check-context.ts';
import { sweepLeftovers } from '../../src/contract/provision-ledger.ts';
import { plannedChecks } from '../../src/contract/registry.ts';
import { runCheck } from '../../src/contract/runner.ts';
import { OPERATIONS, type OperationName } from '../../src/model/operations.ts';
import type { CheckMeta } from '../../src/model/task-meta.ts';
import '../../src/model/task-meta.ts';

/** Live leftovers younger than this may belong to a concurrent run against the same tenant. */
const SWEEP_GRACE_MS = 15 * 60_000;

/**
 * `SNYK_TEST_EMAIL_DOMAIN`: the domain of the reserved test addresses (default example.com, RFC 2606), for
 * tenants that only provision addresses of their SSO domain. Anything but a plain host name is ignored.
 */
function reservedDomain(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.SNYK_TEST_EMAIL_DOMAIN?.trim().toLowerCase();
  return value && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(value) ? value : undefined;
}

/**
 * The organizations under test, known when the tests are collected (SNYK_ORG_IDS, else SNYK_ORG_ID). With
 * several, every org-scoped operation is checked once per org, so results are per org (issue 8).
 */
function orgsUnderTest(env: NodeJS.ProcessEnv): string[] {
  const list = (env.SNYK_ORG_IDS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return list.length > 0 ? [...new Set(list)] : env.SNYK_ORG_ID ? [env.SNYK_ORG_ID.trim()] : [];
}

const isOrgScoped = (op: OperationName): boolean => /\{org(Id|_id)\}/.test(OPERATIONS[op].path);

export function defineContractSuite(title: string, operations: readonly OperationName[]): void {
  const run = readRunContext();
  const orgs = orgsUnderTest(process.env);
  const multiOrg = orgs.length > 1;
  let client: TenantClient | undefined;
  /** One check context per org (the first org's serves the operations that are not org-scoped). */
  const contexts = new Map<string | undefined, CheckContext>();
  let setupError: unknown;

  beforeAll(async () => {
    try {
      const config = readTenantConfig(process.env);
      client = createTenantClient(config, run.rateLimits ? { rateLimits: run.rateLimits } : {});
      const domain = reservedDomain(process.env);
      const writesProvisions = operations.some((op) => OPERATIONS[op].api === 'v1' && OPERATIONS[op].writes);
      for (const org of multiOrg ? orgs : [undefined]) {
        const orgConfig = org ? withTenantConfig(config, { orgIds: [org] }) : config;
        const ctx = createCheckContext({ client, config: orgConfig, run, ...(domain ? { reservedDomain: domain } : {}) });
        contexts.set(org, ctx);
        if (writesProvisions && ctx.allowWrites && ctx.orgId) {
          await sweepLeftovers(client, ctx.orgId, {
            currentRunId: ctx.ledger.runId,
            graceMs: run.tenant === 'mock' ? 0 : SWEEP_GRACE_MS,
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
      (!run.checks?.only || run.checks.only.includes(id)) && !run.checks?.exclude?.includes(id);
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
          check: { id: check.id, title: check.title, family: check.family, operation, seed: run.seed },
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
