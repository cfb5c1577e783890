/**
 * snyk-member-inactive: a Snyk org member with no audit-log activity within the threshold.
 *
 * Evidence comes only from what the REST spec documents. Its audit-log item schema (AuditLogSearch.items:
 * `created`, `event`, `content`, `org_id`, `group_id`, `project_id`) names no actor, and `content` is an
 * object without documented fields, so an item is never attributed to anyone by its own fields (real items
 * carry an undocumented `user_id`; it is not read). The search's `user_id` parameter is documented ("Filter
 * logs by user ID."), so the collector searches each member's events over the window, twice: the default
 * search, then `events=api.access` ("api.access events are omitted from results unless explicitly requested
 * using the events parameter"): calling the API is activity. Both searches answered and empty: no activity,
 * a failure. A search that failed or was not made: unknown, never a failure.
 *
 * Limits (audit-log docs): audit logs are kept for 90 days, are Enterprise-only, and do not record
 * logins/logouts, so "no activity" means "no audited action". A threshold above 90 days can be judged only
 * when the last-seen state kept by earlier nightly runs covers the whole window; otherwise a member without
 * activity is `unknown`. A member whose membership is younger than the threshold has not had the chance to
 * be inactive and passes.
 */
import { DAY_MS } from '../api-date.ts';
import { control } from '../controls.ts';
import { SOURCE_OPERATIONS } from '../inventory.ts';
import { param, type RuleDefinition } from '../rule.ts';
import { iso, judgement, memberSubject } from '../subjects.ts';

export const AUDIT_LOG_RETENTION_DAYS = 90;

export const snykMemberInactive: RuleDefinition = {
  id: 'snyk-member-inactive',
  version: 2,
  title: 'Snyk org member with no audit-log activity within the threshold',
  severity: 'medium',
  rationale:
    'Org members keep their role, and through it access to projects, source code and vulnerabilities, whether or not they still use Snyk; members who have not acted in months are access nobody is reviewing.',
  remediation:
    'Confirm with the member\'s manager whether the access is still needed and remove the org membership (DELETE /rest/orgs/{org_id}/memberships/{membership_id}) if not.',
  controls: [
    control('cis-5.3', 'direct'),
    control('nist-ac-2(3)', 'direct'),
    control('pci-8.2.6', 'supporting'),
    control('iso-5.18', 'supporting'),
    control('soc2-cc6.2', 'supporting'),
  ],
  sources: ['org-memberships', 'audit-activity'],
  parameters: {
    maxInactiveDays: {
      type: 'integer',
      default: 90,
      minimum: 1,
      maximum: 3650,
      unit: 'days',
      description: 'Days without audit-log activity after which an org member is inactive; above 90 days only with the last-seen state.',
    },
  },
  limits(params) {
    const days = params.maxInactiveDays ?? 90;
    const out = [
      `audit logs are retained for ${AUDIT_LOG_RETENTION_DAYS} days and do not record logins or logouts: activity means an audited action`,
      'a member\'s activity is searched with the documented user_id filter (default events, then events=api.access); audit-log items themselves name no user in the spec',
    ];
    if (days > AUDIT_LOG_RETENTION_DAYS) {
      out.push(`threshold ${days} days exceeds the audit-log retention: members without activity are unknown unless the last-seen state covers the window`);
    }
    return out;
  },
  evaluate(ctx) {
    const days = param(ctx, 'maxInactiveDays');
    const cutoff = ctx.now - days * DAY_MS;
    const cutoffIso = iso(cutoff);
    return {
      observe(record) {
        if (record.kind !== 'snyk-membership' || record.scope !== 'org') return undefined;
        // The whole activity source is unreadable: the rule is unknown as a whole (engine), not per member.
        if (ctx.sourceStatus('audit-activity') === 'unavailable' || ctx.sourceStatus('audit-activity') === 'skipped') return undefined;
        const seen = record.userId === undefined ? undefined : ctx.activity.lastSeen(record.userId);
        if (seen && seen.at >= cutoff) return 'pass';
        if (record.userId !== undefined && record.createdAt !== undefined && record.createdAt >= cutoff) return 'pass';
        // Only a finding pays for its evidence: the judged values, the activity window and the cutoff once
        // (the threshold is in the message, the user in the subject).
        const covered = ctx.activity.coveredSince();
        const fields: Record<string, unknown> = {
          orgId: record.orgId ?? null,
          role: record.roleName ?? null,
          membershipCreatedAt: record.createdAtRaw ?? null,
          lastActivity: seen ? iso(seen.at) : null,
          cutoff: cutoffIso,
        };
        // Where the audit-log window starts, when it is not the cutoff itself (the state extends it, or it
        // starts too late to judge).
        if (covered !== cutoff) fields.activitySeenSince = covered === undefined ? null : iso(covered);
        if (seen) {
          fields.lastActivitySource = seen.source;
          if (seen.event !== undefined) fields.lastEvent = seen.event;
        }
        const subject = memberSubject(record);
        const at = { source: SOURCE_OPERATIONS['audit-activity'], fetchedAt: record.fetchedAt };
        if (record.userId === undefined) return judgement('unknown', subject, at, fields, 'cannot look up activity: the membership names no user id');
        const lookup = ctx.activity.lookup(record.userId);
        if (lookup) fields.userSearch = lookup.outcome;
        if (lookup?.outcome === 'none' && covered !== undefined && covered <= cutoff) {
          const message = seen
            ? `no audit-log activity for ${Math.floor((ctx.now - seen.at) / DAY_MS)} days (threshold ${days} days)`
            : `no audit-log activity within ${days} days: the audit-log search filtered by the member's user_id (default events and api.access) returned no event`;
          return judgement('fail', subject, at, fields, message);
        }
        const why =
          lookup === undefined
            ? 'the audit logs were not searched for this member'
            : lookup.outcome === 'failed'
              ? `the audit-log search for this member could not be read${lookup.reason ? ` (${lookup.reason})` : ''}`
              : `audit-log activity has been seen only since ${covered === undefined ? 'never' : iso(covered)}, after the cutoff`;
        return judgement('unknown', subject, at, fields, `cannot tell whether the member is inactive: ${why}`);
      },
    };
  },
};
