/**
 * A real mock tenant on a loopback port, the real client, and a check context over them: the harness of the
 * contract tests that need a tenant.
 */
import { createTenantClient } from '../../../src/client/tenant-client.ts';
import type { TenantClient } from '../../../src/client/types.ts';
import type { TenantKind } from '../../../src/config/run-plan.ts';
import { readTenantConfig, withTenantConfig } from '../../../src/config/tenant-env.ts';
import { createCheckContext, type CheckContext } from '../../../src/contract/check-context.ts';
import { startMockTenant, type MockOptions, type MockTenant } from '../../../src/mock/server.ts';

export interface MockHarness {
  mock: MockTenant;
  client: TenantClient;
  /** A fresh context (fresh memo and ledger) over the same client. */
  context(overrides?: RunSettings & { testUserId?: string | null }): CheckContext;
  close(): Promise<void>;
}

/** The run settings a check context takes, as a test varies them. */
export interface RunSettings {
  tenant?: TenantKind;
  seed?: number;
  numRuns?: number;
  allowWrites?: boolean;
  /** `--strict`: assumed assertions fail instead of warning. */
  strict?: boolean;
}

/** A check context's run settings: a mock run (writes allowed there, as a run plan says) unless told otherwise. */
export function runSettingsFor(overrides: RunSettings = {}) {
  const tenant = overrides.tenant ?? 'mock';
  return {
    tenant,
    seed: overrides.seed ?? 7,
    numRuns: overrides.numRuns ?? 10,
    allowWrites: tenant === 'mock' || overrides.allowWrites === true,
    strict: overrides.strict === true,
    now: new Date().toISOString(),
  };
}

export async function startMockHarness(
  options: MockOptions = {},
  front?: (mockUrl: string) => Promise<{ url: string; close(): Promise<void> }>,
): Promise<MockHarness> {
  const mock = await startMockTenant({ env: {}, ...options });
  const proxy = front ? await front(mock.url) : undefined;
  const url = proxy?.url ?? mock.url;
  const env = {
    SNYK_API_URL: url,
    SNYK_APIWEB_URL: url,
    SNYK_TOKEN: mock.snykToken,
    SNYK_APIWEB_TOKEN: mock.apiwebToken,
    SNYK_ORG_ID: mock.orgId,
    SNYK_GROUP_ID: mock.groupId,
    SNYK_TEST_USER_ID: mock.testUserId,
  };
  const config = readTenantConfig(env);
  const client = createTenantClient(config, { rateLimits: { rest: 1_000_000, v1: 1_000_000, apiweb: 1_000_000 }, maxRetries: 0 });
  return {
    mock,
    client,
    context(overrides = {}) {
      const { testUserId, ...run } = overrides;
      return createCheckContext({
        client,
        config: testUserId === null ? withTenantConfig(config, { testUserId: undefined }) : config,
        ...runSettingsFor(run),
      });
    },
    async close() {
      await client.close();
      await proxy?.close();
      await mock.close();
    },
  };
}
