/**
 * Subjects and evidence built from inventory records, shared by the rules so that every rule names the
 * same account the same way (and the diff's fingerprint stays stable across rules and runs).
 */
import type { Subject } from '../model/results.ts';
import type { ApiWebRole, ApiWebUserRecord, MembershipRecord, ProvisionRecord } from './inventory.ts';
import type { Judgement } from './rule.ts';

export const SUBJECT_KINDS = {
  apiwebUser: 'apiweb-user',
  snykMember: 'snyk-member',
  provision: 'pending-provision',
  account: 'account',
} as const;

export function apiwebSubject(u: ApiWebUserRecord): Subject {
  // The usual user has all three: one allocation in its final shape.
  if (u.id && u.email && u.name) return { kind: SUBJECT_KINDS.apiwebUser, id: u.id, email: u.email, name: u.name };
  const s: Subject = { kind: SUBJECT_KINDS.apiwebUser };
  if (u.id) s.id = u.id;
  if (u.email) s.email = u.email;
  if (u.name) s.name = u.name;
  return s;
}

/** A Snyk user, whatever org or group membership it was seen through (one finding per user). */
export function memberSubject(m: MembershipRecord): Subject {
  const s: Subject = { kind: SUBJECT_KINDS.snykMember };
  if (m.userId) s.id = m.userId;
  if (m.email) s.email = m.email;
  if (m.name) s.name = m.name;
  return s;
}

/** A pending provision is per org: the same address may be pending in two orgs. */
export function provisionSubject(p: ProvisionRecord): Subject {
  const s: Subject = { kind: SUBJECT_KINDS.provision, orgId: p.orgId };
  if (p.email) s.email = p.email;
  return s;
}

/** The raw values of the named API & Web user fields, as sent (absent keys are left out). */
export function apiwebFields(u: ApiWebUserRecord, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === 'active' && u.activeDefaulted) out.active = true;
    else if (key === 'is_apiuser' && u.apiUserDefaulted) out.is_apiuser = false;
    else if (key === 'user_roles') out.user_roles = u.roles === undefined ? u.raw.user_roles : summariseRoles(u.roles);
    else if (key in u.raw) out[key] = u.raw[key];
  }
  return out;
}

/** The note every API & Web judgement carries when the documented default for `active` was applied. */
export function apiwebNote(u: ApiWebUserRecord, extra?: string): string | undefined {
  if (!u.activeDefaulted && !u.apiUserDefaulted) return extra || undefined;
  const parts: string[] = [];
  if (u.activeDefaulted) parts.push('active absent: documented default true applied (users-list docs)');
  if (u.apiUserDefaulted) parts.push('is_apiuser absent: documented default false applied (users-list docs)');
  if (extra) parts.push(extra);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

export function summariseRoles(roles: readonly ApiWebRole[]): { role?: string; tier?: string }[] {
  return roles.map((r) => {
    const o: { role?: string; tier?: string } = {};
    if (r.roleName !== undefined) o.role = r.roleName;
    if (r.tier !== undefined) o.tier = r.tier;
    return o;
  });
}

/** A judgement with an optional note (exactOptionalPropertyTypes-safe). */
export function judgement(
  outcome: Judgement['outcome'],
  subject: Subject,
  record: { source: string; fetchedAt: string },
  fields: Record<string, unknown>,
  message: string,
  note?: string,
): Judgement {
  const evidence: Judgement['evidence'] = { source: record.source, fetchedAt: record.fetchedAt, fields };
  if (note) evidence.note = note;
  return { outcome, subject, message, evidence };
}

export const iso = (ms: number): string => new Date(ms).toISOString();
