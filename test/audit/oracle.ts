/**
 * An independent reading of INTERFACE.md's four core rules, written without the engine's code, for
 * precision/recall tests: the failing subjects by rule (API & Web user ids; provisions as `orgId|email`).
 */
import type { Finding } from '../../src/model/results.ts';

const DAY_MS = 86_400_000;

/** The engine's failing findings keyed like the oracle's subjects. */
export function failingKeys(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.outcome === 'fail')
    .map((f) => (f.subject.kind === 'pending-provision' ? `${f.subject.orgId ?? ''}|${f.subject.email ?? ''}` : (f.subject.id ?? f.subject.email ?? '')))
    .sort();
}

export function oracleDate(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/.exec(v);
  if (!m) return undefined;
  const [y, mo, d] = (m[1] ?? '').slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined; // 30 February
  const t = Date.parse(`${m[1]}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}${m[3] ?? 'Z'}`);
  return Number.isNaN(t) ? undefined : t;
}

export function coreOracle(users: readonly Record<string, unknown>[], provisions: readonly Record<string, unknown>[], now: number): Record<string, string[]> {
  const active = (u: Record<string, unknown>): boolean => !('active' in u) || u.active === true;
  // users-list docs: is_apiuser "Defaults to false".
  const human = (u: Record<string, unknown>): boolean => !('is_apiuser' in u) || u.is_apiuser === false;
  const out: Record<string, string[]> = { 'mfa-disabled': [], 'inactive-account': [], 'deactivated-with-roles': [], 'stale-provision': [] };
  for (const u of users) {
    const id = String(u.id);
    if (active(u) && human(u) && u.mfa_enabled === false) out['mfa-disabled']?.push(id);
    const login = oracleDate(u.last_login);
    // users-list docs documents no creation date: a user who never logged in is counted from `changed`.
    const changed = oracleDate(u.changed);
    const cutoff = now - 90 * DAY_MS;
    const stale = u.last_login === null ? changed !== undefined && changed < cutoff : login !== undefined && login < cutoff;
    if (active(u) && human(u) && stale) out['inactive-account']?.push(id);
    if (u.active === false && Array.isArray(u.user_roles) && u.user_roles.length > 0) out['deactivated-with-roles']?.push(id);
  }
  for (const p of provisions) {
    const created = oracleDate(p.created);
    if (created !== undefined && created < now - 30 * DAY_MS) out['stale-provision']?.push(`${String(p.orgId ?? '')}|${String(p.email)}`);
  }
  for (const k of Object.keys(out)) out[k]?.sort();
  return out;
}

