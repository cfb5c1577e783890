/** Builders for audit unit tests: raw API objects as the seeds document them, and an in-memory engine run. */
import { ActivityIndex } from '../../src/audit/activity.ts';
import { DAY_MS } from '../../src/audit/api-date.ts';
import { AuditEngine, type AuditOutcome } from '../../src/audit/engine.ts';
import {
  isUnreadable,
  normaliseApiWebUser,
  normaliseAuditEvent,
  normaliseMembership,
  normaliseProvision,
  SOURCE_NAMES,
  type InventoryRecord,
  type SourceName,
} from '../../src/audit/inventory.ts';
import { defaultPolicy, type ResolvedPolicy } from '../../src/audit/policy.ts';
import type { SourceStatus } from '../../src/audit/rule.ts';
import type { LastSeenState } from '../../src/audit/state.ts';
import type { Finding } from '../../src/model/results.ts';

export const NOW = Date.parse('2025-06-30T12:00:00.000Z');
export const FETCHED = '2025-06-30T12:00:01.000Z';
export const ORG = '86054e75-398a-4a1a-9dd8-72d026d8c237';
export const daysAgo = (d: number): string => new Date(NOW - d * DAY_MS).toISOString();

let counter = 0;
/** An API & Web user as users-list docs documents it: every required field, active human with MFA, recent login. */
export function rawUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  const id = `U${String(counter).padStart(11, '0')}`;
  return {
    id,
    email: `user${counter}@example.com`,
    name: `User ${counter}`,
    is_billing_admin: false,
    changed_by: { id: 'Admin0000001', name: 'Admin' },
    changed: '2024-03-01T10:00:00.123456Z',
    active: true,
    labels: [],
    user_roles: [],
    last_login: daysAgo(3),
    is_apiuser: false,
    mfa_enabled: true,
    ...overrides,
  };
}

/** Removes keys from a raw object (a field the API left out). */
export function without(raw: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const copy = { ...raw };
  for (const k of keys) delete copy[k];
  return copy;
}

export const accountAdmin = { role: { id: 'R00000000001', name: 'Account Admin' }, scope: { tier: 'account' } };
export const teamAdmin = { role: { id: 'R00000000002', name: 'Team Admin' }, scope: { tier: 'team', team: { id: 'T00000000001', name: 'Blue' } } };
export const accountViewer = { role: { id: 'R00000000003', name: 'Viewer' }, scope: { tier: 'account' } };

export function user(overrides: Record<string, unknown> = {}): InventoryRecord {
  const r = normaliseApiWebUser(rawUser(overrides), FETCHED);
  if (isUnreadable(r)) throw new Error(r.unreadable);
  return r;
}

export function userFrom(raw: Record<string, unknown>): InventoryRecord {
  const r = normaliseApiWebUser(raw, FETCHED);
  if (isUnreadable(r)) throw new Error(r.unreadable);
  return r;
}

export function provision(overrides: Record<string, unknown> = {}, orgId = ORG): InventoryRecord {
  counter++;
  const r = normaliseProvision({ email: `invitee${counter}@example.com`, role: 'COLLABORATOR', rolePublicId: '', created: daysAgo(2), ...overrides }, orgId, FETCHED);
  if (isUnreadable(r)) throw new Error(r.unreadable);
  return r;
}

export function member(
  options: { userId?: string; email?: string; role?: string; createdAt?: string; orgId?: string; scope?: 'org' | 'group' } = {},
): InventoryRecord {
  counter++;
  const scope = options.scope ?? 'org';
  const containerId = options.orgId ?? ORG;
  const r = normaliseMembership(
    {
      type: `${scope}_membership`,
      id: `m-${counter}`,
      attributes: { created_at: options.createdAt ?? '2022-03-16T00:00:00Z' },
      relationships: {
        [scope]: { data: { type: scope, id: containerId } },
        role: { data: { type: `${scope}_role`, id: 'role-1', attributes: { name: options.role ?? 'Org Collaborator' } } },
        user: {
          data: {
            type: 'user',
            id: options.userId ?? `0000000${counter}-3333-4ddd-8ccc-755555555555`,
            attributes: { name: `Member ${counter}`, username: options.email ?? `member${counter}@example.com`, email: options.email ?? `member${counter}@example.com` },
          },
        },
      },
    },
    scope,
    containerId,
    FETCHED,
  );
  if (isUnreadable(r)) throw new Error(r.unreadable);
  return r;
}

/** An event found by the audit-log search filtered by `user_id` (the item itself names no user: REST spec). */
export function event(userId: string, created: string, name = 'org.project.files.access', orgId = ORG): InventoryRecord {
  const r = normaliseAuditEvent({ created, event: name, org_id: orgId }, 'GET /rest/orgs/{org_id}/audit_logs/search', FETCHED, userId);
  if (isUnreadable(r)) throw new Error('bad event');
  return r;
}

/** The outcome of one member's per-user audit-log search (default: both searches answered, no event). */
export function searched(userId: string, outcome: 'found' | 'none' | 'failed' = 'none', reason?: string): InventoryRecord {
  return { kind: 'activity-lookup', from: 'audit-activity', source: 'GET /rest/orgs/{org_id}/audit_logs/search', fetchedAt: FETCHED, userId, outcome, ...(reason ? { reason } : {}) };
}

export interface EngineRun extends AuditOutcome {
  /** Findings of one rule. */
  of(ruleId: string): Finding[];
  outcome(ruleId: string): string | undefined;
}

/** Feeds records to a fresh engine with every source read completely (unless `status` says otherwise). */
export function evaluate(
  records: readonly InventoryRecord[],
  options: { policy?: ResolvedPolicy; status?: Partial<Record<SourceName, SourceStatus>>; state?: LastSeenState; windowDays?: number; now?: number } = {},
): EngineRun {
  const now = options.now ?? NOW;
  const activity = new ActivityIndex({ ...(options.state ? { state: options.state } : {}), windowFrom: now - (options.windowDays ?? 90) * DAY_MS });
  const engine = new AuditEngine({ policy: options.policy ?? defaultPolicy(), now, activity });
  // Activity first, as the collector guarantees; then everything else.
  for (const r of records) if (r.kind === 'activity') engine.record(r);
  engine.sourceStatus('audit-activity', options.status?.['audit-activity'] ?? 'ok');
  for (const s of SOURCE_NAMES) if (s !== 'audit-activity') engine.sourceStatus(s, options.status?.[s] ?? 'ok');
  for (const r of records) if (r.kind !== 'activity') engine.record(r);
  const out = engine.finish();
  return {
    ...out,
    of: (id) => out.findingsByRule.get(id) ?? [],
    outcome: (id) => out.rules.find((r) => r.id === id)?.outcome,
  };
}

/** The subject ids/emails of a rule's findings with the given outcome. */
export function subjects(run: EngineRun, ruleId: string, outcome: Finding['outcome'] = 'fail'): string[] {
  return run
    .of(ruleId)
    .filter((f) => f.outcome === outcome)
    .map((f) => f.subject.id ?? f.subject.email ?? '')
    .sort();
}

export const idOf = (r: InventoryRecord): string => {
  if (r.kind === 'apiweb-user') return r.id ?? '';
  if (r.kind === 'snyk-membership') return r.userId ?? '';
  if (r.kind === 'pending-provision') return r.email ?? '';
  return r.userId;
};
