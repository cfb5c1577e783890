/**
 * The normalised inventory the rules judge: one record per API & Web user, Snyk org or group membership,
 * pending provision and audit-log event. Records are produced one at a time by the collector and dropped
 * after the rules have seen them (streaming), so they may keep a reference to the raw API object for
 * evidence. Each record names its evidence source (the INTERFACE.md operation) and when it was fetched.
 *
 * The normalisers never throw and never guess: a field that is present but of the wrong type becomes
 * `undefined` ("cannot tell"), which the rules turn into an `unknown` outcome.
 */
import type { OperationName } from '../model/operations.ts';
import { parseApiDate } from './api-date.ts';

export type SourceName = 'apiweb-users' | 'org-memberships' | 'group-memberships' | 'provisions' | 'audit-activity';

export const SOURCE_NAMES: readonly SourceName[] = [
  'apiweb-users',
  'org-memberships',
  'group-memberships',
  'provisions',
  'audit-activity',
];

/** The operation each source reads (INTERFACE.md names, used as `evidence.source`). */
export const SOURCE_OPERATIONS: Readonly<Record<SourceName, OperationName>> = {
  'apiweb-users': 'GET /users/',
  'org-memberships': 'GET /rest/orgs/{org_id}/memberships',
  'group-memberships': 'GET /rest/groups/{group_id}/memberships',
  provisions: 'GET /v1/org/{orgId}/provision',
  'audit-activity': 'GET /rest/orgs/{org_id}/audit_logs/search',
};

interface RecordBase {
  /** The source the record came from. */
  from: SourceName;
  /** The operation that returned it (evidence.source). */
  source: OperationName;
  /** When the page holding the record arrived (ISO 8601). */
  fetchedAt: string;
}

/** One API & Web role assignment (users-list docs, saw-mcp: `{ id?, role: { id, name }, scope: { tier, team?, target? } }`). */
export interface ApiWebRole {
  roleId?: string;
  roleName?: string;
  tier?: string;
  team?: string;
  target?: string;
}

export interface ApiWebUserRecord extends RecordBase {
  kind: 'apiweb-user';
  id?: string;
  /** Undefined when absent or empty (API users carry `""`, research fixture users-list.200.documented-shape). */
  email?: string;
  name?: string;
  /** users-list docs: `active` defaults to true when absent; undefined = present but not a boolean. */
  active: boolean | undefined;
  /** True when `active` was absent and the documented default was applied. */
  activeDefaulted: boolean;
  /** users-list docs: "Defaults to false" when absent; undefined = present but not a boolean. */
  isApiUser: boolean | undefined;
  /** True when `is_apiuser` was absent and the documented default was applied. */
  apiUserDefaulted: boolean;
  mfaEnabled: boolean | undefined;
  isBillingAdmin: boolean | undefined;
  /** users-list docs: last_login is nullable and required. null = never logged in; undefined = absent or unreadable. */
  lastLogin: number | null | undefined;
  /**
   * undefined when `user_roles` is absent or not an array (users-list docs: optional). Normalised on first read:
   * most rules decide before they need the roles, so most records never pay for them.
   */
  readonly roles: ApiWebRole[] | undefined;
  raw: Readonly<Record<string, unknown>>;
}

export interface MembershipRecord extends RecordBase {
  kind: 'snyk-membership';
  scope: 'org' | 'group';
  membershipId?: string;
  orgId?: string;
  groupId?: string;
  userId?: string;
  email?: string;
  name?: string;
  username?: string;
  loginMethod?: string;
  roleId?: string;
  roleName?: string;
  /** `attributes.created_at` as sent. */
  createdAtRaw?: string;
  createdAt?: number;
}

export interface ProvisionRecord extends RecordBase {
  kind: 'pending-provision';
  orgId: string;
  email?: string;
  role?: string;
  rolePublicId?: string;
  /** v1 spec: `created` is untyped in the spec ("Date" in the docs); read as ISO 8601. */
  createdRaw: unknown;
  created: number | undefined;
  raw: Readonly<Record<string, unknown>>;
}

/**
 * One audit-log event of a user. The spec's item schema (AuditLogSearch.items) has no `user_id`: an event is
 * attributed to the user named in the search's documented `user_id` filter ("Filter logs by user ID."), never
 * to a field of the item.
 */
export interface ActivityRecord extends RecordBase {
  kind: 'activity';
  userId: string;
  at: number;
  event?: string;
  orgId?: string;
  groupId?: string;
}

/**
 * The outcome of the documented per-user audit-log search for one Snyk user over the run's window:
 * `found` (an event, delivered as an ActivityRecord before this), `none` (every search answered, empty) or
 * `failed` (a search could not be read: nothing can be concluded).
 */
export interface ActivityLookupRecord extends RecordBase {
  kind: 'activity-lookup';
  userId: string;
  outcome: 'found' | 'none' | 'failed';
  /** Why a search failed. */
  reason?: string;
}

export type InventoryRecord = ApiWebUserRecord | MembershipRecord | ProvisionRecord | ActivityRecord | ActivityLookupRecord;

/** Why a raw item could not become a record. */
export interface Unreadable {
  unreadable: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** `role.name` of a raw role assignment (the shape above), or undefined. */
export function rawRoleName(raw: unknown): string | undefined {
  if (!isObject(raw)) return undefined;
  const role = raw.role;
  return isObject(role) ? str(role.name) : undefined;
}

/** `scope.tier` of a raw role assignment, or undefined. */
export function rawRoleTier(raw: unknown): string | undefined {
  if (!isObject(raw)) return undefined;
  const scope = raw.scope;
  return isObject(scope) ? str(scope.tier) : undefined;
}

function normaliseRole(raw: unknown): ApiWebRole {
  if (!isObject(raw)) return {};
  const role = isObject(raw.role) ? raw.role : undefined;
  const scope = isObject(raw.scope) ? raw.scope : undefined;
  const out: ApiWebRole = {};
  const roleId = str(role?.id);
  const roleName = rawRoleName(raw);
  const tier = rawRoleTier(raw);
  const team = isObject(scope?.team) ? str(scope.team.id) : undefined;
  const target = isObject(scope?.target) ? str(scope.target.id) : undefined;
  if (roleId) out.roleId = roleId;
  if (roleName) out.roleName = roleName;
  if (tier) out.tier = tier;
  if (team) out.team = team;
  if (target) out.target = target;
  return out;
}

const NOT_READ = Symbol('roles not normalised yet');

/** An API & Web user record; `roles` is normalised from `raw.user_roles` the first time a rule reads it. */
class ApiWebUser implements ApiWebUserRecord {
  readonly kind = 'apiweb-user' as const;
  readonly from = 'apiweb-users' as const;
  readonly source = SOURCE_OPERATIONS['apiweb-users'];
  fetchedAt: string;
  id?: string;
  email?: string;
  name?: string;
  active: boolean | undefined;
  activeDefaulted: boolean;
  isApiUser: boolean | undefined;
  apiUserDefaulted: boolean;
  mfaEnabled: boolean | undefined;
  isBillingAdmin: boolean | undefined;
  lastLogin: number | null | undefined;
  raw: Readonly<Record<string, unknown>>;
  #roles: ApiWebRole[] | undefined | typeof NOT_READ = NOT_READ;

  constructor(raw: Record<string, unknown>, fetchedAt: string, id: string | undefined, email: string | undefined) {
    this.fetchedAt = fetchedAt;
    this.raw = raw;
    // Always assign (undefined included) so that every record has the same shape.
    this.id = id;
    this.email = email;
    this.name = str(raw.name);
    const active = raw.active;
    this.activeDefaulted = active === undefined;
    this.active = active === undefined ? true : typeof active === 'boolean' ? active : undefined;
    const apiUser = raw.is_apiuser;
    this.apiUserDefaulted = apiUser === undefined;
    this.isApiUser = apiUser === undefined ? false : typeof apiUser === 'boolean' ? apiUser : undefined;
    this.mfaEnabled = bool(raw.mfa_enabled);
    this.isBillingAdmin = bool(raw.is_billing_admin);
    const lastLogin = raw.last_login;
    this.lastLogin = lastLogin === null ? null : parseApiDate(lastLogin);
  }

  get roles(): ApiWebRole[] | undefined {
    if (this.#roles === NOT_READ) {
      const list = this.raw.user_roles;
      this.#roles = Array.isArray(list) ? list.map(normaliseRole) : undefined;
    }
    return this.#roles;
  }

  /** Plain data for logs and test diffs (`roles` lives on the prototype). */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), roles: this.roles };
  }
}

/** An API & Web `GET /users/` result (users-list docs). */
export function normaliseApiWebUser(raw: unknown, fetchedAt: string): ApiWebUserRecord | Unreadable {
  if (!isObject(raw)) return { unreadable: 'a user entry is not an object' };
  const id = str(raw.id);
  const email = str(raw.email);
  if (!id && !email) return { unreadable: 'a user entry has neither id nor email' };
  return new ApiWebUser(raw, fetchedAt, id, email);
}

const relData = (rels: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined => {
  const rel = rels?.[key];
  return isObject(rel) && isObject(rel.data) ? rel.data : undefined;
};

/** A REST membership item (REST spec, memberships): `{ id, attributes.created_at, relationships.{org|group, role, user} }`. */
export function normaliseMembership(
  raw: unknown,
  scope: 'org' | 'group',
  containerId: string,
  fetchedAt: string,
): MembershipRecord | Unreadable {
  if (!isObject(raw)) return { unreadable: 'a membership entry is not an object' };
  const rels = isObject(raw.relationships) ? raw.relationships : undefined;
  const user = relData(rels, 'user');
  const role = relData(rels, 'role');
  const container = relData(rels, scope);
  const userAttrs = isObject(user?.attributes) ? user.attributes : undefined;
  const roleAttrs = isObject(role?.attributes) ? role.attributes : undefined;
  const attrs = isObject(raw.attributes) ? raw.attributes : undefined;
  const userId = str(user?.id);
  const email = str(userAttrs?.email);
  if (!userId && !email) return { unreadable: 'a membership entry names no user' };
  const from: SourceName = scope === 'org' ? 'org-memberships' : 'group-memberships';
  const record: MembershipRecord = {
    kind: 'snyk-membership',
    scope,
    from,
    source: SOURCE_OPERATIONS[from],
    fetchedAt,
  };
  const membershipId = str(raw.id);
  if (membershipId) record.membershipId = membershipId;
  const containerOf = str(container?.id) ?? containerId;
  if (scope === 'org') record.orgId = containerOf;
  else record.groupId = containerOf;
  if (userId) record.userId = userId;
  if (email) record.email = email;
  const name = str(userAttrs?.name);
  if (name) record.name = name;
  const username = str(userAttrs?.username);
  if (username) record.username = username;
  const loginMethod = str(userAttrs?.login_method);
  if (loginMethod) record.loginMethod = loginMethod;
  const roleId = str(role?.id);
  if (roleId) record.roleId = roleId;
  const roleName = str(roleAttrs?.name);
  if (roleName) record.roleName = roleName;
  const createdAtRaw = str(attrs?.created_at);
  if (createdAtRaw) {
    record.createdAtRaw = createdAtRaw;
    const createdAt = parseApiDate(createdAtRaw);
    if (createdAt !== undefined) record.createdAt = createdAt;
  }
  return record;
}

/** A v1 pending provision (provision docs: `{ email, rolePublicId, role, created }`). */
export function normaliseProvision(raw: unknown, orgId: string, fetchedAt: string): ProvisionRecord | Unreadable {
  if (!isObject(raw)) return { unreadable: 'a provision entry is not an object' };
  const email = str(raw.email);
  if (!email) return { unreadable: 'a provision entry has no email' };
  const record: ProvisionRecord = {
    kind: 'pending-provision',
    from: 'provisions',
    source: SOURCE_OPERATIONS.provisions,
    fetchedAt,
    orgId,
    email,
    createdRaw: raw.created,
    created: parseApiDate(raw.created),
    raw,
  };
  const role = str(raw.role);
  const rolePublicId = str(raw.rolePublicId);
  if (role) record.role = role;
  if (rolePublicId) record.rolePublicId = rolePublicId;
  return record;
}

/**
 * An audit-log search item (REST spec AuditLogSearch.items: `created`* and `event`* required; `content`,
 * `org_id`, `group_id`, `project_id` optional) returned by a search filtered by `user_id`: the event is that
 * user's. An item with an unreadable time is unreadable.
 */
export function normaliseAuditEvent(
  raw: unknown,
  operation: OperationName,
  fetchedAt: string,
  userId: string,
): ActivityRecord | Unreadable {
  if (!isObject(raw)) return { unreadable: 'an audit-log item is not an object' };
  const at = parseApiDate(raw.created);
  if (at === undefined) return { unreadable: `an audit-log item has an unreadable created: ${JSON.stringify(raw.created)}` };
  const record: ActivityRecord = { kind: 'activity', from: 'audit-activity', source: operation, fetchedAt, userId, at };
  const event = str(raw.event);
  const orgId = str(raw.org_id);
  const groupId = str(raw.group_id);
  if (event) record.event = event;
  if (orgId) record.orgId = orgId;
  if (groupId) record.groupId = groupId;
  return record;
}

export const isUnreadable = (v: unknown): v is Unreadable => isObject(v) && typeof v.unreadable === 'string';
