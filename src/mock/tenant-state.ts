/**
 * Everything one mock tenant holds: seeded data, the indexes over it and the mutable stores. State belongs
 * to one server instance; two servers never share it.
 */
import { ApiwebIndex } from './apiweb/user-index.ts';
import { UserSerializer } from './apiweb/user-serializer.ts';
import type { TenantClock } from './clock.ts';
import type { ApiwebCatalog } from './data/apiweb-catalog.ts';
import { generateApiwebCatalog } from './data/apiweb-catalog.ts';
import { generateApiwebUsers } from './data/apiweb-users.ts';
import { generateAuditEvents } from './data/audit-events.ts';
import { generateProvisions } from './data/provisions.ts';
import type { SnykMember, SnykTenant } from './data/snyk-members.ts';
import { generateSnykTenant } from './data/snyk-members.ts';
import type { ResolvedOptions, RestLifecycleOverride } from './options.ts';
import { AuditStore } from './rest/audit-store.ts';
import { MembershipStore } from './rest/membership-store.ts';
import { ProvisionStore } from './v1/provision-store.ts';

export interface TenantState {
  seed: number;
  clock: TenantClock;
  snykToken: string;
  apiwebToken: string;
  snyk: SnykTenant;
  self: SnykMember;
  testUser: SnykMember;
  /** Every address known to Snyk (members past and present): provisioning them is refused. */
  knownEmails: ReadonlySet<string>;
  catalog: ApiwebCatalog;
  apiweb: ApiwebIndex;
  serializer: UserSerializer;
  /** Encoded `/users/` pages by query and drift (users never change). */
  apiwebPages: Map<string, Buffer>;
  memberships: MembershipStore;
  provisions: ProvisionStore;
  audit: AuditStore;
  restLifecycle: readonly RestLifecycleOverride[];
}

export function buildTenantState(o: ResolvedOptions): TenantState {
  const anchor = o.clock.anchorMs;
  const snyk = generateSnykTenant(o.members, o.seed, anchor, o, o.hostile);
  const catalog = generateApiwebCatalog(o.seed, o.hostile);
  const { users, labelMeta } = generateApiwebUsers(o.users, o.seed, anchor, catalog, o.hostile);
  const apiweb = new ApiwebIndex(users, catalog);
  return {
    seed: o.seed,
    clock: o.clock,
    snykToken: o.snykToken,
    apiwebToken: o.apiwebToken,
    snyk,
    self: snyk.members[snyk.selfIndex]!,
    testUser: snyk.members[snyk.testUserIndex]!,
    knownEmails: new Set(snyk.members.map((m) => m.email.toLowerCase())),
    catalog,
    apiweb,
    serializer: new UserSerializer(users, catalog, labelMeta, o.seed),
    apiwebPages: new Map(),
    memberships: new MembershipStore(snyk),
    provisions: new ProvisionStore(generateProvisions(o.provisions, o.seed, anchor, snyk, o.hostile)),
    audit: new AuditStore(generateAuditEvents(o.seed, anchor, snyk)),
    restLifecycle: o.restLifecycle,
  };
}
