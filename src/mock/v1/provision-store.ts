/**
 * Pending provisions per org: the state behind v1 POST/GET/DELETE `/org/{orgId}/provision`. Addresses are
 * compared case-insensitively (snyk-user-sync-tool compares emails that way).
 */
import type { Provision } from '../data/provisions.ts';

export class ProvisionStore {
  readonly #byOrg = new Map<string, Provision[]>();

  constructor(initial: readonly Provision[]) {
    const sorted = [...initial].sort((a, b) => a.createdMs - b.createdMs);
    for (const p of sorted) this.#list(p.orgId).push({ ...p });
  }

  #list(orgId: string): Provision[] {
    const key = orgId.toLowerCase();
    let list = this.#byOrg.get(key);
    if (!list) {
      list = [];
      this.#byOrg.set(key, list);
    }
    return list;
  }

  list(orgId: string): readonly Provision[] {
    return this.#byOrg.get(orgId.toLowerCase()) ?? [];
  }

  find(orgId: string, email: string): Provision | undefined {
    const wanted = email.toLowerCase();
    return this.list(orgId).find((p) => p.email.toLowerCase() === wanted);
  }

  /** Adds a provision; provisioning the same address again in the same org replaces the pending one. */
  upsert(provision: Provision): void {
    const list = this.#list(provision.orgId);
    const wanted = provision.email.toLowerCase();
    const at = list.findIndex((p) => p.email.toLowerCase() === wanted);
    if (at >= 0) list.splice(at, 1);
    list.push(provision);
  }

  remove(orgId: string, email: string): boolean {
    const list = this.#list(orgId);
    const wanted = email.toLowerCase();
    const at = list.findIndex((p) => p.email.toLowerCase() === wanted);
    if (at < 0) return false;
    list.splice(at, 1);
    return true;
  }
}
