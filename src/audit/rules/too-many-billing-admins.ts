/**
 * too-many-billing-admins: more than N active API & Web billing admins (`is_billing_admin`, users-list docs);
 * one finding for the account. legitify and Prowler cap owners/admins at 3 (`organization_has_too_many_admins`; Prowler's Vercel `team_member_role_least_privilege`), the default.
 * Keeps counters and a short sample only, never the user list.
 */
import { control } from '../controls.ts';
import { and3 } from '../logic.ts';
import { param, type RuleDefinition, type Verdict } from '../rule.ts';
import { judgement, SUBJECT_KINDS } from '../subjects.ts';

const SAMPLE = 25;

export const tooManyBillingAdmins: RuleDefinition = {
  id: 'too-many-billing-admins',
  version: 1,
  title: 'More billing admins than the policy allows',
  severity: 'medium',
  rationale:
    'Billing admins control the subscription and are high-value targets; every extra one widens the group that can change what the organisation pays for and who is notified. Few, named owners keep it reviewable.',
  remediation: 'Remove billing admin from users who do not own the subscription, keeping at most the allowed number.',
  controls: [control('iso-8.2', 'direct'), control('nist-ac-6', 'supporting'), control('soc2-cc6.3', 'supporting')],
  sources: ['apiweb-users'],
  parameters: {
    maxBillingAdmins: {
      type: 'integer',
      default: 3,
      minimum: 0,
      maximum: 10000,
      unit: 'accounts',
      description: 'The most active billing admins the account may have.',
    },
  },
  evaluate(ctx) {
    const max = param(ctx, 'maxBillingAdmins');
    let definite = 0;
    let uncertain = 0;
    let users = 0;
    const sample: string[] = [];
    // Only the time of the last page: keeping the record would keep its raw user alive.
    let lastFetchedAt: string | undefined;
    return {
      observe(record) {
        if (record.kind !== 'apiweb-user') return undefined;
        users++;
        lastFetchedAt = record.fetchedAt;
        const admin = and3(record.active, record.isBillingAdmin);
        if (admin === true) {
          definite++;
          if (sample.length < SAMPLE) sample.push(record.email ?? record.id ?? '');
        } else if (admin === undefined) uncertain++;
        return undefined;
      },
      finish(): Verdict[] {
        if (users === 0) return [];
        const subject = { kind: SUBJECT_KINDS.account, id: 'apiweb-account', name: 'Snyk API & Web account' };
        const fields = { billingAdmins: definite, undecidable: uncertain, maxBillingAdmins: max, sample };
        const at = { source: 'GET /users/', fetchedAt: lastFetchedAt ?? new Date(ctx.now).toISOString() };
        if (definite > max) return [judgement('fail', subject, at, fields, `${definite} active billing admins (at most ${max} allowed)`)];
        if (definite + uncertain > max) {
          return [judgement('unknown', subject, at, fields, `${definite} active billing admins and ${uncertain} users whose active or is_billing_admin is unreadable (at most ${max} allowed)`)];
        }
        return ['pass'];
      },
    };
  },
};
