/** Canned ApiResponse objects and a check context without a tenant, for unit tests of pure checks. */
import type { ApiResponse, RequestSpec, TenantClient } from '../../../src/client/types.ts';
import type { TenantConfig } from '../../../src/config/tenant-config.ts';
import { createCheckContext, type CheckContext } from '../../../src/contract/check-context.ts';
import type { CaseMode, CheckCase } from '../../../src/contract/check-types.ts';
import { OPERATIONS, type OperationName } from '../../../src/model/operations.ts';
import { runSettingsFor } from './mock-context.ts';

export function canned(status: number, body?: unknown, headers: Record<string, string> = {}, contentType?: string): ApiResponse {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  const type = contentType ?? (body === undefined ? undefined : 'application/json');
  return {
    status,
    headers: { ...(type ? { 'content-type': type } : {}), ...headers },
    text,
    json,
    ...(type ? { contentType: type.split(';')[0]!.trim().toLowerCase() } : {}),
    durationMs: 1,
    url: 'http://127.0.0.1/x',
    exchange: { method: 'GET', url: 'http://127.0.0.1/x', status },
  };
}

export function cannedCase(operation: OperationName, mode: CaseMode = 'example', extra: Partial<CheckCase> = {}, request: Partial<RequestSpec> = {}): CheckCase {
  const op = OPERATIONS[operation];
  return {
    operation,
    mode,
    description: `a ${mode} case`,
    request: { operation, api: op.api, method: op.method, path: op.path, ...request },
    ...extra,
  };
}

const offline: TenantClient = {
  send: () => Promise.reject(new Error('no tenant in a unit test')),
  restPages: () => {
    throw new Error('no tenant');
  },
  apiwebPages: () => {
    throw new Error('no tenant');
  },
  curl: () => 'curl http://127.0.0.1/x',
  exchanges: () => [],
  stats: () => ({ requests: 0, retries: 0, rateLimited: 0, byApi: { v1: 0, rest: 0, apiweb: 0 } }),
  warnings: () => [],
  close: () => Promise.resolve(),
};

export function offlineContext(overrides: Partial<TenantConfig> = {}): CheckContext {
  const config: TenantConfig = {
    snykApiUrl: 'http://127.0.0.1:1',
    apiwebUrl: 'http://127.0.0.1:1',
    snykAuthScheme: 'token',
    restVersion: '2024-10-15',
    orgIds: ['fd8dc42c-47b5-44b1-ae44-369c46a94c13'],
    groupId: '981c0207-d06f-496a-bf69-f8e4b4fe22fd',
    ...overrides,
  };
  return createCheckContext({ client: offline, config, ...runSettingsFor() });
}

export const REST_HEADERS = {
  'snyk-request-id': '4b58e274-ec62-4fab-917b-1d2c48d6bdef',
  'snyk-version-requested': '2024-10-15',
  'snyk-version-served': '2024-04-22',
  'snyk-version-lifecycle-stage': 'ga',
};
