/**
 * The tenant a run talks to, and the run's plan. `mock`: the embedded mock tenant, started in-process on a
 * loopback port, then the plan made with its coordinates. `live`: the plan made with the tenant the
 * environment and the config file name, checked for configuration errors (exit 2) and reachability (exit 3)
 * before any suite starts, so a nightly job fails fast with a message instead of a wall of errors.
 */
import { startMockTenant } from '../mock/server.ts';
import { tenantConfigFor } from '../config/tenant-env.ts';
import type { TenantConfig } from '../config/tenant-config.ts';
import { createRunPlan, plannedTenantKind, type PlanSources, type RunPlan } from '../config/run-plan.ts';
import { createTenantClient } from '../client/tenant-client.ts';
import { TenantUnreachableError, ConfigError } from '../model/errors.ts';

export interface PreparedTenant {
  plan: RunPlan;
  /** The tenant with its tokens, for the main process's own requests (never handed to a report). */
  config: TenantConfig;
  /** The tokens the suite workers read from their environment (the mock's own, or the live ones). */
  workerEnv: { SNYK_TOKEN?: string; SNYK_APIWEB_TOKEN?: string };
  close(): Promise<void>;
}

/** The default size of the embedded mock: big enough for every rule and filter, small enough for `npm start`. */
export const DEFAULT_MOCK_USERS = 1500;

export async function prepareTenant(
  sources: PlanSources,
  options: {
    /** Whether the run reads Snyk API & Web (to say what is skipped without its key). */
    needApiweb: boolean;
    log: (line: string) => void;
  },
): Promise<PreparedTenant> {
  if (plannedTenantKind(sources) === 'mock') {
    const settings = sources.flags.mock ?? {};
    const mock = await startMockTenant({
      seed: settings.seed,
      users: settings.users ?? DEFAULT_MOCK_USERS,
      provisions: settings.provisions,
      members: settings.members,
      rateLimit: settings.rateLimit,
      drift: settings.drift,
      realistic: settings.realistic,
    });
    try {
      const plan = createRunPlan(sources, mock);
      const notes = [settings.drift ? `drift: ${settings.drift}` : '', settings.realistic ? 'realistic' : ''].filter(Boolean).join(', ');
      options.log(`mock tenant on ${mock.url}${notes ? ` (${notes})` : ''}`);
      const workerEnv = { SNYK_TOKEN: mock.snykToken, SNYK_APIWEB_TOKEN: mock.apiwebToken };
      return { plan, config: tenantConfigFor(plan.tenant, workerEnv), workerEnv, close: () => mock.close() };
    } catch (error) {
      await mock.close();
      throw error;
    }
  }

  const plan = createRunPlan(sources);
  // Without an API & Web key the run still has its Snyk half: the API & Web checks are skipped and the rules
  // that need its users report unknown, each with a warning; only SNYK_TOKEN is a must.
  const config = tenantConfigFor(plan.tenant, sources.env, { requireSnyk: true, requireApiweb: false });
  if (!config.apiwebToken && options.needApiweb) {
    options.log('note: SNYK_APIWEB_TOKEN is not set: the Snyk API & Web checks are skipped and the audit rules that need its users report unknown');
  }
  await preflight(config);
  return {
    plan,
    config,
    workerEnv: {
      ...(config.snykToken !== undefined ? { SNYK_TOKEN: config.snykToken } : {}),
      ...(config.apiwebToken !== undefined ? { SNYK_APIWEB_TOKEN: config.apiwebToken } : {}),
    },
    close: async () => {},
  };
}

/** One cheap read before the suites start: unreachable → exit 3; token refused → exit 2. */
async function preflight(config: TenantConfig): Promise<void> {
  const client = createTenantClient(config, {
    maxRetries: 2,
    retryBudgetMs: 20_000,
    timeouts: { connectMs: 10_000, headersMs: 15_000, bodyMs: 15_000 },
  });
  try {
    const res = await client.send({ operation: 'GET /rest/self', api: 'rest', method: 'GET', path: '/rest/self' });
    if (res.status === 401) {
      throw new ConfigError('CONFIG_TOKEN_REJECTED', `the tenant at ${config.snykApiUrl} rejected SNYK_TOKEN (401): check the token and its region`);
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new TenantUnreachableError(
      `the tenant at ${config.snykApiUrl} could not be reached: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    await client.close();
  }
}
