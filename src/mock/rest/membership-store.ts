/**
 * Group and org memberships (REST spec, memberships) as mutable state: PATCH group user removes a
 * user's group membership and their memberships in the group's orgs. Sorted views are built per
 * (scope, sort key) on first use and dropped when the state changes.
 */
import type { SnykMember, SnykMembership, SnykTenant } from '../data/snyk-members.ts';

export type MembershipScope = { kind: 'group' } | { kind: 'org'; org: number };

export interface MembershipEntry {
  member: SnykMember;
  membership: SnykMembership;
  /** Org index for org memberships. */
  org?: number;
}

/** `sort_by` values (group: `role_name`, org: `role`) plus the documented default, insertion order. */
export type MembershipSortKey = 'created' | 'username' | 'user_display_name' | 'email' | 'login_method' | 'role';

/** A position in a view: [primary (lower-cased text or a number), raw text tie-break, membership id]. */
export type SortTuple = [string | number, string, string];

export interface SortedView {
  entries: readonly MembershipEntry[];
  tuples: readonly SortTuple[];
}

export function compareTuples(a: SortTuple, b: SortTuple): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  if (a[2] !== b[2]) return a[2] < b[2] ? -1 : 1;
  return 0;
}

export class MembershipStore {
  readonly tenant: SnykTenant;
  #version = 0;
  readonly #views = new Map<string, SortedView>();
  readonly #byId = new Map<string, SnykMember>();

  constructor(tenant: SnykTenant) {
    this.tenant = tenant;
    for (const m of tenant.members) this.#byId.set(m.id.toLowerCase(), m);
  }

  get version(): number {
    return this.#version;
  }

  member(id: string): SnykMember | undefined {
    return this.#byId.get(id.toLowerCase());
  }

  orgIndex(orgId: string): number | undefined {
    const wanted = orgId.toLowerCase();
    const org = this.tenant.orgs.find((o) => o.id.toLowerCase() === wanted);
    return org?.index;
  }

  isGroup(groupId: string): boolean {
    return this.tenant.group.id.toLowerCase() === groupId.toLowerCase();
  }

  entries(scope: MembershipScope): MembershipEntry[] {
    const out: MembershipEntry[] = [];
    for (const member of this.tenant.members) {
      if (scope.kind === 'group') {
        if (member.group) out.push({ member, membership: member.group });
      } else {
        for (const m of member.orgs) if (m.org === scope.org) out.push({ member, membership: m, org: m.org });
      }
    }
    return out;
  }

  roleName(entry: MembershipEntry): string {
    const roles = entry.org === undefined ? this.tenant.groupRoles : this.tenant.orgRoles;
    return roles[entry.membership.role]?.name ?? '';
  }

  tuple(entry: MembershipEntry, key: MembershipSortKey): SortTuple {
    const text = (value: string): SortTuple => [value.toLowerCase(), value, entry.membership.id];
    switch (key) {
      case 'created':
        return [entry.membership.createdMs, '', entry.membership.id];
      case 'username':
        return text(entry.member.username);
      case 'user_display_name':
        return text(entry.member.name);
      case 'email':
        return text(entry.member.email);
      case 'login_method':
        return text(entry.member.loginMethod);
      case 'role':
        return text(this.roleName(entry));
    }
  }

  /** Entries of a scope in ascending order of `key` (ties: raw text, then membership id). */
  view(scope: MembershipScope, key: MembershipSortKey): SortedView {
    const cacheKey = `${this.#version}|${scope.kind === 'group' ? 'g' : `o${scope.org}`}|${key}`;
    let view = this.#views.get(cacheKey);
    if (!view) {
      const pairs = this.entries(scope).map((entry) => ({ entry, tuple: this.tuple(entry, key) }));
      pairs.sort((a, b) => compareTuples(a.tuple, b.tuple));
      view = { entries: pairs.map((p) => p.entry), tuples: pairs.map((p) => p.tuple) };
      this.#views.set(cacheKey, view);
    }
    return view;
  }

  /** Whether the user belongs to the group: a group membership or a membership in one of its orgs. */
  inGroup(member: SnykMember): boolean {
    return member.group !== undefined || member.orgs.length > 0;
  }

  /**
   * PATCH group user with `membership: null`: the user leaves the group and every org of the group
   * (REST Users reference). `keep` lets a drift keep one part of the membership.
   */
  removeFromGroup(member: SnykMember, keep: { group?: boolean; orgs?: boolean } = {}): void {
    if (!keep.group) member.group = undefined;
    if (!keep.orgs) member.orgs = [];
    this.#version++;
    this.#views.clear();
  }
}
