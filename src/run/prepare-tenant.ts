/**
 * The tenant a run talks to. `mock`: the embedded mock tenant, started in-process on a loopback port.
 * `live`: the tenant the environment names, checked for configuration errors (exit 2) and reachability
 * (exit 3) before any suite starts, so a nightly job fails fast with a message instead of a wall of errors.
 */
import { startMockTenant } from '../mock/server.ts';
import { readTenantConfig } from '../config/tenant-env.ts';
import { createTenantClient } from '../client/tenant-client.ts';
import { TenantUnreachableError, ConfigError } from '../model/errors.ts';

export interface MockSettings {
  seed?: number;
  users?: number;
  provisions?: number;
  members?: number;
  rateLimit?: number;
  drift?: string;
  /** Answer the doc-silent cases as real servers are reported to (src/mock/realistic.ts). */
  realistic?: boolean;
}

export interface PreparedTenant {
  /** Environment for the vitest workers: where the tenant is and its credentials. */
  workerEnv: Record<string, string | undefined>;
  orgIds: string[];
  groupId?: string;
  apiVersion: string;
  targets: { snykApiUrl?: string; apiwebUrl?: string };
  close(): Promise<void>;
}

const PASSED_THROUGH = [
  'SNYK_API_URL',
  'SNYK_APIWEB_URL',
  'SNYK_API_VERSION',
  'SNYK_ORG_ID',
  'SNYK_ORG_IDS',
  'SNYK_GROUP_ID',
  'SNYK_TEST_USER_ID',
] as const;

/** The default size of the embedded mock: big enough for every rule and filter, small enough for `npm start`. */
export const DEFAULT_MOCK_USERS = 1500;

export async function prepareTenant(options: {
  kind: 'mock' | 'live';
  env: NodeJS.ProcessEnv;
  mock?: MockSettings;
  apiVersion?: string;
  /** Whether the run reads Snyk API & Web (to say what is skipped without its key). */
  needApiweb: boolean;
  log: (line: string) => void;
}): Promise<PreparedTenant> {
  if (options.kind === 'mock') {
    const mock = await startMockTenant({
      seed: options.mock?.seed,
      users: options.mock?.users ?? DEFAULT_MOCK_USERS,
      provisions: options.mock?.provisions,
      members: options.mock?.members,
      rateLimit: options.mock?.rateLimit,
      drift: options.mock?.drift,
      realistic: options.mock?.realistic,
    });
    const notes = [options.mock?.drift ? `drift: ${options.mock.drift}` : '', options.mock?.realistic ? 'realistic' : ''].filter(Boolean).join(', ');
    options.log(`mock tenant on ${mock.url}${notes ? ` (${notes})` : ''}`);
    const config = readTenantConfig({
      SNYK_API_URL: mock.url,
      SNYK_APIWEB_URL: mock.url,
      SNYK_TOKEN: mock.snykToken,
      SNYK_APIWEB_TOKEN: mock.apiwebToken,
      SNYK_ORG_ID: mock.orgId,
      SNYK_GROUP_ID: mock.groupId,
      ...(options.apiVersion ? { SNYK_API_VERSION: options.apiVersion } : {}),
    });
    return {
      workerEnv: {
        SNYK_API_URL: mock.url,
        SNYK_APIWEB_URL: mock.url,
        SNYK_TOKEN: mock.snykToken,
        SNYK_APIWEB_TOKEN: mock.apiwebToken,
        SNYK_ORG_ID: mock.orgId,
        SNYK_ORG_IDS: undefined,
        SNYK_GROUP_ID: mock.groupId,
        SNYK_TEST_USER_ID: mock.testUserId,
        SNYK_API_VERSION: config.restVersion,
      },
      orgIds: [mock.orgId],
      groupId: mock.groupId,
      apiVersion: config.restVersion,
      targets: { snykApiUrl: mock.url, apiwebUrl: mock.url },
      close: () => mock.close(),
    };
  }

  const env = options.apiVersion ? { ...options.env, SNYK_API_VERSION: options.apiVersion } : options.env;
  // Without an API & Web key the run still has its Snyk half: the API & Web checks are skipped and the rules
  // that need its users report unknown, each with a warning; only SNYK_TOKEN is a must.
  const config = readTenantConfig(env, { requireSnyk: true, requireApiweb: false });
  if (!config.apiwebToken && options.needApiweb) {
    options.log('note: SNYK_APIWEB_TOKEN is not set: the Snyk API & Web checks are skipped and the audit rules that need its users report unknown');
  }
  await preflight(config);
  return {
    // The workers read the same coordinates (a config file or --api-version may have set them); tokens stay
    // in the inherited environment and are never copied into the run context.
    workerEnv: Object.fromEntries(PASSED_THROUGH.map((key) => [key, env[key]])),
    orgIds: config.orgIds,
    groupId: config.groupId,
    apiVersion: config.restVersion,
    targets: { snykApiUrl: config.snykApiUrl, apiwebUrl: config.apiwebUrl },
    close: async () => {},
  };
}

/** One cheap read before the suites start: unreachable → exit 3; token refused → exit 2. */
async function preflight(config: ReturnType<typeof readTenantConfig>): Promise<void> {
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
