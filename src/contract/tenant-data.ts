/**
 * Read-only views over documented response shapes, tolerant of absent parts (a schema failure is
 * response_schema_conformance's job; semantic checks only need the values they compare).
 */
import { isObject } from './generators/json-schema.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});

/** A REST membership item (org or group; spec OrgMembershipResponseData / GroupMembershipResponseData). */
export interface MembershipView {
  id: string | undefined;
  userId: string | undefined;
  email: string | undefined;
  username: string | undefined;
  name: string | undefined;
  loginMethod: string | undefined;
  roleName: string | undefined;
  roleId: string | undefined;
  createdAt: string | undefined;
  raw: unknown;
}

export function membershipView(item: unknown): MembershipView {
  const it = obj(item);
  const rel = obj(it.relationships);
  const user = obj(obj(rel.user).data);
  const userAttrs = obj(user.attributes);
  const role = obj(obj(rel.role).data);
  return {
    id: str(it.id),
    userId: str(user.id),
    email: str(userAttrs.email),
    username: str(userAttrs.username),
    name: str(userAttrs.name),
    loginMethod: str(userAttrs.login_method),
    roleName: str(obj(role.attributes).name),
    roleId: str(role.id),
    createdAt: str(obj(it.attributes).created_at),
    raw: item,
  };
}

/** `data` of a JSON:API list document, or [] when absent. */
export function listData(json: unknown): unknown[] {
  const data = obj(json).data;
  return Array.isArray(data) ? data : [];
}

/** Audit-log items (spec AuditLogSearch: `data.items`). */
export function auditItems(json: unknown): Record<string, unknown>[] {
  const items = obj(obj(json).data).items;
  return Array.isArray(items) ? items.filter(isObject) : [];
}

/** A `links` member's URL: a string or `{href}` (spec LinkProperty). */
export function linkHref(link: unknown): string | undefined {
  if (typeof link === 'string') return link;
  if (isObject(link) && typeof link.href === 'string') return link.href;
  return undefined;
}

export function links(json: unknown): Record<string, unknown> {
  return obj(obj(json).links);
}

/** An API & Web user of `results` (users-list docs). */
export interface ApiwebUserView {
  id: string | undefined;
  email: string | undefined;
  name: string | undefined;
  /** `active` defaults to true (users-list docs). */
  active: boolean;
  mfaEnabled: unknown;
  isApiuser: unknown;
  labelIds: string[];
  roleIds: string[];
  teamIds: string[];
  targetIds: string[];
  tiers: string[];
  roleCount: number;
  raw: Record<string, unknown>;
}

export function apiwebUserView(user: unknown): ApiwebUserView {
  const u = obj(user);
  const labels = Array.isArray(u.labels) ? u.labels.map(obj) : [];
  const roles = Array.isArray(u.user_roles) ? u.user_roles.map(obj) : [];
  const ids = (values: unknown[]): string[] => values.map(str).filter((v): v is string => v !== undefined);
  return {
    id: str(u.id),
    email: str(u.email),
    name: str(u.name),
    active: u.active !== false,
    mfaEnabled: u.mfa_enabled,
    isApiuser: u.is_apiuser,
    labelIds: ids(labels.map((l) => l.id)),
    roleIds: ids(roles.map((r) => obj(r.role).id)),
    teamIds: ids(roles.map((r) => obj(obj(r.scope).team).id)),
    targetIds: ids(roles.map((r) => obj(obj(r.scope).target).id)),
    tiers: ids(roles.map((r) => obj(r.scope).tier)),
    roleCount: roles.length,
    raw: u,
  };
}

export function apiwebResults(json: unknown): unknown[] {
  const results = obj(json).results;
  return Array.isArray(results) ? results : [];
}

/** Numeric members of an API & Web page (`count`, `page_total`, `page`, `length`). */
export function apiwebPageInfo(json: unknown): { count?: number; pageTotal?: number; page?: number; length?: number } {
  const o = obj(json);
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return { count: num(o.count), pageTotal: num(o.page_total), page: num(o.page), length: num(o.length) };
}
