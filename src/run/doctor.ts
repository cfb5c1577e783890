/**
 * `doctor`: checks a live configuration before a nightly run, read-only (GET requests only), and says what
 * to fix. Each finding names the variable or permission involved, never a token.
 */
import { readTenantConfig } from '../config/tenant-env.ts';
import { createTenantClient } from '../client/tenant-client.ts';
import type { ApiResponse, RequestSpec, TenantClient } from '../client/types.ts';
import { OPERATIONS, fillPath, versionFor, type OperationName } from '../model/operations.ts';
import type { TenantConfig } from '../config/tenant-config.ts';

export type DoctorStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface DoctorCheck {
  name: string;
  status: DoctorStatus;
  detail: string;
  fix?: string;
}

export interface DoctorReport {
  checks: DoctorCheck[];
  /** 0 ready; 1 something to fix; 2 configuration error; 3 unreachable. */
  exitCode: 0 | 1 | 2 | 3;
}

/** The permission each read needs, from the operation descriptions in the REST spec extract. */
const PERMISSION: Partial<Record<OperationName, string>> = {
  'GET /rest/orgs/{org_id}/memberships': 'org.membership.read',
  'GET /rest/groups/{group_id}/memberships': 'group.membership.read',
  'GET /rest/orgs/{org_id}/audit_logs/search': 'org.audit_log.read',
  'GET /rest/groups/{group_id}/audit_logs/search': 'group.audit.read',
  'GET /rest/orgs/{org_id}/users/{id}': 'org.user.read',
  'GET /v1/org/{orgId}/provision': 'Provision Users',
};

function describeStatus(op: OperationName, res: ApiResponse, config: TenantConfig): DoctorCheck {
  const name = op;
  if (res.status >= 200 && res.status < 300) {
    const served = res.headers['snyk-version-served'];
    const stage = res.headers['snyk-version-lifecycle-stage'];
    const sunset = res.headers.sunset;
    const deprecation = res.headers.deprecation;
    const version = served ? ` (version ${served}${stage ? `, ${stage}` : ''})` : '';
    if (sunset || deprecation) {
      return {
        name,
        status: 'warn',
        detail: `readable${version}; deprecated${deprecation ? ` since ${deprecation}` : ''}${sunset ? `, sunset ${sunset}` : ''}`,
        fix: 'move SNYK_API_VERSION to a newer GA date (try `snyk-tenant-check compare --from … --to …` first)',
      };
    }
    return { name, status: 'ok', detail: `readable${version}` };
  }
  if (res.status === 401) {
    return { name, status: 'fail', detail: '401: the token was rejected', fix: 'check the token and that SNYK_API_URL is its region (a token only works in its own region)' };
  }
  if (res.status === 403) {
    const permission = PERMISSION[op];
    return { name, status: 'fail', detail: '403: not permitted', fix: `give the token's user or service account ${permission ? `the permission ${permission}` : 'access'}` };
  }
  if (res.status === 404) {
    const isRest = OPERATIONS[op].api === 'rest';
    return {
      name,
      status: 'fail',
      detail: `404: not found${isRest ? ` at version ${versionFor(OPERATIONS[op], config.restVersion)}` : ''}`,
      fix: isRest ? 'check SNYK_ORG_ID / SNYK_GROUP_ID and that SNYK_API_VERSION is on or after the operation\'s first release' : 'check SNYK_ORG_ID',
    };
  }
  if (res.status === 429) {
    return { name, status: 'warn', detail: '429: rate-limited right now', fix: 'another job shares this key; schedule the nightly run apart from it' };
  }
  return { name, status: 'fail', detail: `unexpected status ${res.status}` };
}

/** A request that ended without a response: the client retried 429s until its budget ran out, or the network. */
function describeError(name: string, error: Error): DoctorCheck {
  if ((error as { code?: unknown }).code === 'RATE_LIMITED') {
    return { name, status: 'warn', detail: 'rate-limited right now (429 after every retry)', fix: 'another job shares this key; schedule the nightly run apart from it' };
  }
  return { name, status: 'fail', detail: error.message };
}

async function probe(client: TenantClient, spec: RequestSpec): Promise<ApiResponse | Error> {
  try {
    return await client.send(spec);
  } catch (error) {
    return error as Error;
  }
}

export async function runDoctor(env: NodeJS.ProcessEnv): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  let config: TenantConfig;
  try {
    config = readTenantConfig(env, { requireSnyk: true });
    checks.push({ name: 'configuration', status: 'ok', detail: `Snyk API ${config.snykApiUrl}, REST version ${config.restVersion}` });
  } catch (error) {
    checks.push({ name: 'configuration', status: 'fail', detail: (error as Error).message, fix: 'set the variable named above (see README, "Against your tenant")' });
    return { checks, exitCode: 2 };
  }
  const client = createTenantClient(config, { maxRetries: 1, timeouts: { connectMs: 10_000, headersMs: 15_000, bodyMs: 15_000 } });
  try {
    const self = await probe(client, { operation: 'GET /rest/self', api: 'rest', method: 'GET', path: '/rest/self' });
    if (self instanceof Error) {
      checks.push({ name: 'reachability', status: 'fail', detail: `cannot reach ${config.snykApiUrl}: ${self.message}`, fix: 'check SNYK_API_URL, the proxy and the network' });
      return { checks, exitCode: 3 };
    }
    checks.push({ name: 'reachability', status: 'ok', detail: `${config.snykApiUrl} answered` });
    if (self.status === 200) {
      const data = (self.json as { data?: { type?: string; id?: string } } | undefined)?.data;
      checks.push({ name: 'token', status: 'ok', detail: `accepted (${data?.type ?? 'principal'} ${data?.id ?? ''})`.trim() });
    } else {
      checks.push({ ...describeStatus('GET /rest/self', self, config), name: 'token' });
    }
    const rateHeaders = Object.keys(self.headers).filter((h) => h.startsWith('x-ratelimit') || h === 'ratelimit');
    checks.push({
      name: 'rate-limit headers',
      status: 'ok',
      detail: rateHeaders.length ? `present: ${rateHeaders.join(', ')}` : 'none sent; pacing uses the documented limits (REST 1,620/min, v1 2,000/min)',
    });

    const selfId = (self.json as { data?: { id?: string } } | undefined)?.data?.id;
    const reads: { op: OperationName; params: Record<string, string>; query?: Record<string, string | number> }[] = [];
    if (config.orgIds.length === 0) {
      checks.push({ name: 'organization', status: 'fail', detail: 'no organization configured', fix: 'set SNYK_ORG_ID (or SNYK_ORG_IDS)' });
    }
    for (const orgId of config.orgIds) {
      reads.push({ op: 'GET /rest/orgs/{org_id}/memberships', params: { org_id: orgId }, query: { limit: 10 } });
      reads.push({ op: 'GET /v1/org/{orgId}/provision', params: { orgId } });
      reads.push({ op: 'GET /rest/orgs/{org_id}/audit_logs/search', params: { org_id: orgId }, query: { size: 1 } });
      if (selfId) reads.push({ op: 'GET /rest/orgs/{org_id}/users/{id}', params: { org_id: orgId, id: selfId } });
    }
    if (config.groupId) {
      reads.push({ op: 'GET /rest/groups/{group_id}/memberships', params: { group_id: config.groupId }, query: { limit: 10 } });
      reads.push({ op: 'GET /rest/groups/{group_id}/audit_logs/search', params: { group_id: config.groupId }, query: { size: 1 } });
    } else {
      checks.push({ name: 'group', status: 'warn', detail: 'SNYK_GROUP_ID is not set: group checks will be skipped', fix: 'set SNYK_GROUP_ID' });
    }
    for (const read of reads) {
      const op = OPERATIONS[read.op];
      const res = await probe(client, {
        operation: op.name,
        api: op.api,
        method: 'GET',
        path: fillPath(op.path, read.params),
        query: read.query,
      });
      if (res instanceof Error) checks.push(describeError(op.name, res));
      else checks.push(describeStatus(read.op, res, config));
    }

    if (!config.apiwebToken) {
      checks.push({ name: 'Snyk API & Web', status: 'skip', detail: 'SNYK_APIWEB_TOKEN is not set: API & Web checks and the user audit will be skipped', fix: 'set SNYK_APIWEB_TOKEN' });
    } else {
      const users = await probe(client, { operation: 'GET /users/', api: 'apiweb', method: 'GET', path: '/users/', query: { length: 1 } });
      if (users instanceof Error) {
        checks.push({ name: 'GET /users/', status: 'fail', detail: `cannot reach ${config.apiwebUrl}: ${users.message}`, fix: 'check SNYK_APIWEB_URL' });
      } else if (users.status === 200) {
        const count = (users.json as { count?: number } | undefined)?.count;
        checks.push({ name: 'GET /users/', status: 'ok', detail: `readable${count !== undefined ? ` (${count} users)` : ''}` });
      } else if (users.status === 401) {
        checks.push({ name: 'GET /users/', status: 'fail', detail: '401: the API & Web key was rejected', fix: 'check SNYK_APIWEB_TOKEN and SNYK_APIWEB_URL (its region)' });
      } else {
        checks.push({ name: 'GET /users/', status: 'fail', detail: `unexpected status ${users.status}` });
      }
    }
  } finally {
    await client.close();
  }
  return { checks, exitCode: checks.some((c) => c.status === 'fail') ? 1 : 0 };
}
