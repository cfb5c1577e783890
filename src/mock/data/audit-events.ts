/**
 * Seeded audit-log events (REST audit-log search, audit-log docs): tied to member user ids (served only
 * through the `user_id` filter: the spec's items carry no user), spread over the
 * past 90 days, plus a few older ones that the logs' 90-day retention must hide. Members planted without
 * activity have no event at all. `api.access` events exist but are hidden unless asked for by `events`.
 */
import { DAY_MS } from '../clock.ts';
import { Rng } from '../random.ts';
import type { SnykTenant } from './snyk-members.ts';

export interface AuditEvent {
  /** Insertion order; breaks ties between equal timestamps. */
  seq: number;
  createdMs: number;
  event: string;
  /** Org index for org events; undefined for group-level events. */
  org?: number;
  /** The actor: what the `user_id` filter matches; never serialised (not in the spec's item schema). */
  userId?: string;
  projectId?: string;
  content: Record<string, unknown>;
}

/** Everyday org activity (event names from the spec's list for org audit logs). */
const ORG_ACTIVITY = [
  'org.project.add',
  'org.project.edit',
  'org.project.monitor',
  'org.project.ignore.create',
  'org.project.settings.edit',
  'org.project.tag.add',
  'org.target.create',
  'org.integration.edit',
  'org.policy.edit',
  'org.settings.feature_flag.edit',
] as const;
const ORG_USER_ADMIN = ['org.user.add', 'org.user.invite', 'org.user.role.edit', 'org.user.remove'] as const;
const GROUP_ACTIVITY = [
  'group.user.add',
  'group.user.role.edit',
  'group.role.edit',
  'group.settings.edit',
  'group.policy.edit',
] as const;

export function generateAuditEvents(seed: number, anchorMs: number, tenant: SnykTenant): AuditEvent[] {
  const rng = new Rng(seed, 'audit-events');
  const projects = tenant.orgs.map(() => Array.from({ length: 12 }, () => rng.uuid()));
  const events: AuditEvent[] = [];
  const members = tenant.members;

  const at = (daysAgo: number): number => anchorMs - Math.floor(daysAgo * DAY_MS) - rng.int(DAY_MS - 1) - 1;

  for (const member of members) {
    const { lastDaysAgo, events: count } = member.activity;
    if (lastDaysAgo === null || count === 0) continue;
    const isGroupAdmin = member.group?.role === 0;
    const orgIndexes = member.orgs.map((o) => o.org);
    const isOrgAdmin = member.orgs.some((o) => o.role === 0);
    for (let k = 0; k < count; k++) {
      // The first event marks the last activity; daily users leave a burst in the last day (the search's
      // default window starts yesterday); the others are older, up to ~110 days back.
      const burst = lastDaysAgo < 1 && k < 8;
      const days = k === 0 || burst ? lastDaysAgo : lastDaysAgo + rng.next() * Math.max(1, 110 - lastDaysAgo);
      const createdMs = at(days);
      const groupLevel = orgIndexes.length === 0 || (isGroupAdmin && rng.chance(0.3));
      if (groupLevel) {
        const other = rng.pick(members);
        events.push({
          seq: 0,
          createdMs,
          event: rng.pick(GROUP_ACTIVITY),
          userId: member.id,
          content: { userPublicId: other.id, role: rng.pick(tenant.groupRoles).name },
        });
        continue;
      }
      const org = rng.pick(orgIndexes);
      if (isOrgAdmin && rng.chance(0.25)) {
        const other = rng.pick(members);
        const event = rng.pick(ORG_USER_ADMIN);
        const role = rng.pick(tenant.orgRoles);
        const content: Record<string, unknown> =
          event === 'org.user.invite'
            ? { email: other.email, role: role.id }
            : event === 'org.user.remove'
              ? { email: other.email, force: false, name: other.name, userPublicId: other.id, username: other.username }
              : { role: role.name, rolePublicId: role.id, userPublicId: other.id };
        events.push({ seq: 0, createdMs, event, org, userId: member.id, content });
        continue;
      }
      if (rng.chance(0.15)) {
        // API calls are logged but hidden by default (spec: "api.access events are omitted unless requested").
        events.push({
          seq: 0,
          createdMs,
          event: 'api.access',
          org,
          userId: member.id,
          content: { url: `/api/v1/org/${tenant.orgs[org]!.id}/projects`, method: 'GET' },
        });
        continue;
      }
      const event = rng.pick(ORG_ACTIVITY);
      const projectId = event.startsWith('org.project.') ? rng.pick(projects[org]!) : undefined;
      const content: Record<string, unknown> = projectId
        ? { projectPublicId: projectId }
        : { action: event.split('.').slice(1).join(' ') };
      const item: AuditEvent = { seq: 0, createdMs, event, org, userId: member.id, content };
      if (projectId) item.projectId = projectId;
      events.push(item);
    }
  }

  // System events carry no user (recorded items omit the key rather than send null).
  const systemCount = Math.max(3, Math.floor(events.length / 20));
  for (let i = 0; i < systemCount; i++) {
    const org = rng.int(tenant.orgs.length);
    events.push({
      seq: 0,
      createdMs: at(rng.next() * 95),
      event: 'org.project.monitor',
      org,
      projectId: rng.pick(projects[org]!),
      content: { action: 'Retrieve files', requestId: rng.uuid() },
    });
  }

  events.sort((a, b) => a.createdMs - b.createdMs);
  events.forEach((e, i) => (e.seq = i));
  return events;
}
