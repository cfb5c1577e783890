/**
 * Every example payload in test/fixtures/snyk validates against its schema, or fails for the reason the fixtures
 * README gives. The table is the single mapping fixture → schema; a fixture added to the folder without a row here,
 * or without its provenance in the README, fails the completeness tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../src/schema/registry.ts';
import { expectRejected, expectValid, sid, type ExpectedError } from './expect-schema.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/snyk/', import.meta.url));

type Row =
  | { schema: string; valid: true }
  | { schema: string; valid: false; because: readonly ExpectedError[] }
  /** No schema: the fixture belongs to an operation outside INTERFACE.md's operation list. */
  | { schema: null; why: string };

const TABLE: Readonly<Record<string, Row>> = {
  'snyk-api-web/error.detail.json': { schema: 'apiweb/error', valid: true },
  'snyk-api-web/users-list.200.documented-shape.json': { schema: 'apiweb/user-list', valid: true },
  // README: "no active/labels/user_roles/mfa_enabled yet — FAILS"; active and user_roles are optional (users-list docs).
  'snyk-api-web/users-list.200.recorded-2022-shape.json': {
    schema: 'apiweb/user-list',
    valid: false,
    because: [
      { keyword: 'required', instancePath: '/results/0', params: { missingProperty: 'labels' } },
      { keyword: 'required', instancePath: '/results/0', params: { missingProperty: 'mfa_enabled' } },
    ],
  },
  // README: "lacks `jsonapi`, so it FAILS the spec's ErrorDocument".
  'snyk-rest/error.400.unknown-query-param.json': {
    schema: 'rest/error-document',
    valid: false,
    because: [{ keyword: 'required', instancePath: '', params: { missingProperty: 'jsonapi' } }],
  },
  'snyk-rest/error.400.with-code-and-meta.json': { schema: 'rest/error-document', valid: true },
  // README: "not JSON:API at all; FAILS ErrorDocument".
  'snyk-rest/error.401.as-documented.json': {
    schema: 'rest/error-document',
    valid: false,
    because: [
      { keyword: 'required', instancePath: '', params: { missingProperty: 'jsonapi' } },
      { keyword: 'required', instancePath: '', params: { missingProperty: 'errors' } },
      { keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'status' } },
      { keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'code' } },
    ],
  },
  'snyk-rest/error.403.spec-example.json': { schema: 'rest/error-document', valid: true },
  'snyk-rest/error.404.spec-example.json': { schema: 'rest/error-document', valid: true },
  'snyk-rest/groups-memberships.last-page.200.json': { schema: 'rest/group-membership-list', valid: true },
  'snyk-rest/groups-memberships.page1.200.json': { schema: 'rest/group-membership-list', valid: true },
  'snyk-rest/groups-users-patch.remove.request.json': { schema: 'rest/group-user-patch-request', valid: true },
  'snyk-rest/orgs-audit-logs-search.page1.200.json': { schema: 'rest/audit-log-search-page', valid: true },
  'snyk-rest/orgs-memberships.create.request.json': {
    schema: null,
    why: 'POST /rest/orgs/{org_id}/memberships is not in the operation catalogue',
  },
  'snyk-rest/orgs-memberships.page1.200.json': { schema: 'rest/org-membership-list', valid: true },
  'snyk-rest/orgs-memberships.update-role.request.json': {
    schema: null,
    why: 'PATCH /rest/orgs/{org_id}/memberships/{membership_id} is not in the operation catalogue',
  },
  'snyk-rest/orgs-users-get.200.json': { schema: 'rest/org-user-document', valid: true },
  'snyk-rest/self.service_account.200.json': { schema: 'rest/self-document', valid: true },
  'snyk-rest/self.user.200.json': { schema: 'rest/self-document', valid: true },
  'snyk-v1/audit.v1-event-shape.json': { schema: null, why: 'v1 audit endpoints reached end of life (2025-01-22)' },
  'snyk-v1/error.401.json': { schema: 'v1/error', valid: true },
  'snyk-v1/error.404.json': { schema: 'v1/error', valid: true },
  'snyk-v1/group-members.200.json': { schema: null, why: 'GET /v1/group/{groupId}/members is not in the operation catalogue' },
  'snyk-v1/group-roles.200.json': { schema: null, why: 'GET /v1/group/{groupId}/roles is not in the operation catalogue' },
  'snyk-v1/members-update-role.request.json': {
    schema: null,
    why: 'PUT /v1/org/{orgId}/members/update/{userId} is not in the operation catalogue',
  },
  'snyk-v1/provision.delete.200.json': { schema: 'v1/provision-delete-response', valid: true },
  'snyk-v1/provision.get.200.json': { schema: 'v1/provision-list', valid: true },
  'snyk-v1/provision.post.200.json': { schema: 'v1/provision-entry', valid: true },
  'snyk-v1/provision.post.request.json': { schema: 'v1/provision-request', valid: true },
  'snyk-v1/provision.post.request.legacy-role.json': { schema: 'v1/provision-request', valid: true },
};

function listFixtures(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFixtures(join(dir, entry.name), `${prefix}${entry.name}/`)
        : entry.name.endsWith('.json')
          ? [`${prefix}${entry.name}`]
          : [],
    )
    .sort();
}

const load = (file: string): unknown => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));

describe('Snyk example payloads (test/fixtures/snyk)', () => {
  it('should have a row for every fixture file and no row without a file', () => {
    expect(Object.keys(TABLE).sort()).toEqual(listFixtures(FIXTURES));
  });

  it('should give every fixture file its own README row saying where it comes from', () => {
    const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| `[^`]+\.json` \| [^|]+ \| [^|]+ \|$/.test(line));
    expect(rows.map((line) => line.slice(3, line.indexOf('`', 3))).sort()).toEqual(listFixtures(FIXTURES));
  });

  it('should expect exactly the fixtures the README marks as FAILS to fail', () => {
    const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
    const failing = readme
      .split('\n')
      .filter((line) => line.startsWith('|') && line.includes('FAILS'))
      .flatMap((line) => [...line.matchAll(/`([^`]+\.json)`/g)].map((m) => m[1] ?? ''));
    const expectedInvalid = Object.entries(TABLE)
      .filter(([, row]) => row.schema !== null && !row.valid)
      .map(([file]) => file);
    expect(failing.sort()).toEqual(expectedInvalid.sort());
  });

  it('should name only registered schemas', () => {
    for (const row of Object.values(TABLE)) if (row.schema !== null) expect(schemas().has(sid(row.schema))).toBe(true);
  });

  const validated = Object.entries(TABLE).flatMap(([file, row]) => (row.schema === null ? [] : [{ file, row }]));

  it.each(validated.filter(({ row }) => row.schema !== null && row.valid))(
    'should validate $file against its schema',
    ({ file, row }) => {
      expectValid(row.schema as string, load(file));
    },
  );

  it.each(validated.filter(({ row }) => row.schema !== null && !row.valid))(
    'should reject $file for the reason the README gives',
    ({ file, row }) => {
      if (row.schema === null || row.valid) throw new Error('unreachable');
      expectRejected(row.schema, load(file), row.because);
    },
  );
});
