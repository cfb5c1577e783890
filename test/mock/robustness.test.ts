import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from '../../src/model/operations.ts';
import type { MockTenant } from '../../src/mock/server.ts';
import { BETA, GA, send, start } from './helpers.ts';

const SEED = Number(process.env.MOCK_FUZZ_SEED ?? 20250601);

const KEYS = [
  'version',
  'limit',
  'starting_after',
  'ending_before',
  'sort_by',
  'sort_order',
  'email',
  'user_id',
  'username',
  'role_name',
  'cursor',
  'from',
  'to',
  'size',
  'events',
  'exclude_events',
  'project_id',
  'page',
  'length',
  'ordering',
  'exclude',
  'label',
  'label_logical_operator',
  'active',
  'mfa_enabled',
  'account',
  'no_access',
  'search',
  'team',
  'target',
  'role',
  'include_group_membership_count',
  'x',
];
const value = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '10',
    '100',
    '1e3',
    'true',
    'ASC',
    'DESC',
    GA,
    BETA,
    '2099-01-01',
    'v1.e30',
    'v1.!!',
    '%',
    '%E0',
    'null',
    'name',
    '-name',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 500 }).map(String),
);
const query = fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 5 });
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    { email: fc.oneof(fc.emailAddress(), fc.string()), role: fc.string(), rolePublicId: fc.string() },
    { requiredKeys: [] },
  ),
  fc.record({
    data: fc.record(
      {
        type: fc.string(),
        id: fc.uuid(),
        attributes: fc.record({ membership: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 1 })) }),
      },
      { requiredKeys: [] },
    ),
  }),
);

describe('robustness', () => {
  let t: MockTenant;
  beforeAll(async () => {
    t = await start({ users: 80, members: 30, hostile: true });
  });
  afterAll(() => t.close());

  it('should never answer 5xx or an undocumented media type to arbitrary parameters and bodies', async () => {
    console.log(`robustness seed ${SEED} (MOCK_FUZZ_SEED to replay)`);
    const paths: [OperationName, string][] = [
      ['GET /v1/org/{orgId}/provision', `/v1/org/${t.orgId}/provision`],
      ['POST /v1/org/{orgId}/provision', `/v1/org/${t.orgId}/provision`],
      ['DELETE /v1/org/{orgId}/provision', `/v1/org/${t.orgId}/provision`],
      ['GET /rest/self', '/rest/self'],
      ['GET /rest/orgs/{org_id}/users/{id}', `/rest/orgs/${t.orgId}/users/${t.selfUserId}`],
      ['PATCH /rest/groups/{group_id}/users/{id}', `/rest/groups/${t.groupId}/users/${t.selfUserId}`],
      ['GET /rest/orgs/{org_id}/memberships', `/rest/orgs/${t.orgId}/memberships`],
      ['GET /rest/groups/{group_id}/memberships', `/rest/groups/${t.groupId}/memberships`],
      ['GET /rest/groups/{group_id}/audit_logs/search', `/rest/groups/${t.groupId}/audit_logs/search`],
      ['GET /rest/orgs/{org_id}/audit_logs/search', `/rest/orgs/${t.orgId}/audit_logs/search`],
      ['GET /users/', '/users/'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        query,
        body,
        fc.constantFrom('application/json', 'application/vnd.api+json', 'text/plain'),
        async ([op, path], params, json, contentType) => {
          const qs = params
            .map(([k, v]) => `${encodeURIComponent(k)}=${v.startsWith('%') ? v : encodeURIComponent(v)}`)
            .join('&');
          const { method } = OPERATIONS[op];
          const withBody = method === 'POST' || method === 'PATCH';
          const a = await send(
            t,
            qs ? `${path}?${qs}` : path,
            withBody ? { method, body: json, contentType } : { method },
          );
          expect(a.status, `${method} ${path}?${qs}`).toBeLessThan(500);
          if (a.status !== 204) {
            expect(a.json, a.text).toBeDefined();
            const media = a.headers['content-type']!.split(';')[0]!;
            expect(OPERATIONS[op].api === 'rest' ? 'application/vnd.api+json' : 'application/json').toBe(media);
          }
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });
});
