/**
 * stale-provision (INTERFACE.md core rule): a pending provision (v1 `GET /v1/org/{orgId}/provision`, provision
 * docs) whose `created` is older than the threshold (default 30 days, Prowler/Vercel's stale-invitation
 * `team_no_stale_invitations`). An unreadable `created` is `unknown`.
 */
import { DAY_MS } from '../api-date.ts';
import { control } from '../controls.ts';
import { param, type RuleDefinition } from '../rule.ts';
import { iso, judgement, provisionSubject } from '../subjects.ts';

export const staleProvision: RuleDefinition = {
  id: 'stale-provision',
  version: 1,
  title: 'Pending provision older than the threshold',
  severity: 'low',
  rationale:
    'A provision grants its role at the first SSO login, with no invitation to accept. One left pending for weeks is access granted in advance to someone who has not needed it, and may no longer be entitled to it.',
  remediation:
    'Confirm the person still needs the access; otherwise delete the pending provision (DELETE /v1/org/{orgId}/provision?email=…).',
  controls: [
    control('iso-5.18', 'direct'),
    control('cis-6.1', 'supporting'),
    control('cis-5.1', 'supporting'),
    control('iso-5.16', 'supporting'),
    control('soc2-cc6.2', 'supporting'),
    control('nist-ac-2', 'supporting'),
  ],
  sources: ['provisions'],
  parameters: {
    maxAgeDays: {
      type: 'integer',
      default: 30,
      minimum: 1,
      maximum: 3650,
      unit: 'days',
      description: 'Days a provision may stay pending.',
    },
  },
  evaluate(ctx) {
    const days = param(ctx, 'maxAgeDays');
    const cutoff = ctx.now - days * DAY_MS;
    const cutoffIso = iso(cutoff);
    return {
      observe(record) {
        if (record.kind !== 'pending-provision') return undefined;
        if (record.created !== undefined && record.created >= cutoff) return 'pass';
        // The judged value and the cutoff; the address is the subject's, the threshold is in the message.
        const fields: Record<string, unknown> = { created: record.createdRaw ?? null, cutoff: cutoffIso };
        if (record.created === undefined) {
          return judgement('unknown', provisionSubject(record), record, fields, 'cannot tell the age of the provision: created is missing or not a readable date');
        }
        const age = Math.floor((ctx.now - record.created) / DAY_MS);
        return judgement('fail', provisionSubject(record), record, fields, `provision pending for ${age} days (threshold ${days} days)`);
      },
    };
  },
};
