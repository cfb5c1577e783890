/**
 * The checked-in src/schema/generated/** files are exactly what `npm run gen:types` renders from schemas/, and
 * the generated names are usable as the rest of the code base imports them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { renderAllTypes } from '../../src/schema/render-types.ts';
import type {
  ApiwebError,
  ApiwebFieldErrors,
  ApiwebUser,
  ApiwebUserList,
  AuditLogSearchPage,
  GroupMembershipList,
  GroupUserPatchRequest,
  OrgMembershipList,
  OrgUserDocument,
  ProvisionDeleteResponse,
  ProvisionEntry,
  ProvisionList,
  ProvisionRequest,
  RestErrorDocument,
  SelfDocument,
  V1Error,
} from '../../src/schema/generated/index.ts';
import type { ApiwebUserRole } from '../../src/schema/generated/apiweb/user.ts';
import type { LinkProperty } from '../../src/schema/generated/rest/links.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('generated types', () => {
  it('should match the checked-in files exactly (run `npm run gen:types` when this fails)', async () => {
    const rendered = await renderAllTypes(ROOT);
    const stale: string[] = [];
    for (const [file, text] of rendered) {
      const current = await readFile(join(ROOT, file), 'utf8').catch(() => undefined);
      if (current !== text) stale.push(file);
    }
    expect(stale).toEqual([]);
  });

  it('should declare each cross-file type once and import it elsewhere', async () => {
    const rendered = await renderAllTypes(ROOT);
    const selfDocument = rendered.get(join('src', 'schema', 'generated', 'rest', 'self-document.ts')) ?? '';
    expect(selfDocument).toContain("import type { Links } from './links.ts';");
    expect(selfDocument).not.toMatch(/export interface Links\b/);
    const userList = rendered.get(join('src', 'schema', 'generated', 'apiweb', 'user-list.ts')) ?? '';
    expect(userList).toContain("import type { ApiwebUser } from './user.ts';");
  });

  it('should type the documented shapes as the schemas describe them', () => {
    expectTypeOf<ApiwebUser['last_login']>().toEqualTypeOf<string | null>();
    expectTypeOf<ApiwebUser['active']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ApiwebUserRole['scope']['tier']>().toEqualTypeOf<'account' | 'team' | 'scope'>();
    expectTypeOf<NonNullable<ApiwebUserList['results']>[number]>().toEqualTypeOf<ApiwebUser>();
    expectTypeOf<ProvisionList[number]>().toEqualTypeOf<ProvisionEntry>();
    expectTypeOf<ProvisionRequest['role']>().toEqualTypeOf<
      'ADMIN' | 'COLLABORATOR' | 'RESTRICTED_COLLABORATOR' | undefined
    >();
    expectTypeOf<ProvisionDeleteResponse['ok']>().toEqualTypeOf<boolean>();
    expectTypeOf<SelfDocument['data']['type']>().toEqualTypeOf<'user' | 'service_account' | 'app_instance'>();
    expectTypeOf<GroupUserPatchRequest['data']['attributes']['membership']>().toEqualTypeOf<null>();
    expectTypeOf<NonNullable<OrgMembershipList['links']['next']>>().toEqualTypeOf<LinkProperty>();
    expectTypeOf<GroupMembershipList['data']>().toBeArray();
    expectTypeOf<AuditLogSearchPage['data']['items']>().toEqualTypeOf<
      NonNullable<AuditLogSearchPage['data']['items']> | undefined
    >();
    expectTypeOf<OrgUserDocument['data']['attributes']['membership']>().not.toBeAny();
    expectTypeOf<RestErrorDocument['errors'][0]['status']>().toEqualTypeOf<string>();
    expectTypeOf<V1Error['message']>().toEqualTypeOf<string>();
    expectTypeOf<ApiwebError['detail']>().toEqualTypeOf<string>();
    expectTypeOf<ApiwebFieldErrors['non_field_errors']>().toEqualTypeOf<string[] | undefined>();
    // A runtime anchor so the test is not empty when types are erased: a documented user is assignable.
    const user: ApiwebUser = {
      id: '8C5DbAFNbTDN',
      email: 'owner@example.com',
      name: 'Example Owner',
      is_billing_admin: true,
      changed_by: { id: '8C5DbAFNbTDN', name: 'Example Owner' },
      changed: '2023-08-09T13:27:43.8208302',
      labels: [],
      last_login: null,
      is_apiuser: false,
      mfa_enabled: true,
    };
    expect(user.last_login).toBeNull();
  });
});
