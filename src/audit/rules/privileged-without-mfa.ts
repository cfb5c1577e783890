/**
 * privileged-without-mfa: an active human API & Web user who administers the account (an account-tier role
 * whose name contains "admin", or `is_billing_admin`) and has `mfa_enabled` false. Overlaps mfa-disabled on
 * purpose: the same gap on an admin account is the most direct route to the whole account.
 */
import { control } from '../controls.ts';
import { and3, not3 } from '../logic.ts';
import { adminRoleNames, isPrivileged } from '../privilege.ts';
import type { RuleDefinition } from '../rule.ts';
import { apiwebFields, apiwebNote, apiwebSubject, judgement } from '../subjects.ts';

const FIELDS = ['active', 'is_apiuser', 'mfa_enabled', 'is_billing_admin', 'user_roles'] as const;

export const privilegedWithoutMfa: RuleDefinition = {
  id: 'privileged-without-mfa',
  version: 1,
  title: 'Account administrator or billing admin without MFA',
  severity: 'critical',
  rationale:
    'An administrator can add users, change roles, create API keys and read every finding; without a second factor one phished password hands over the whole Snyk API & Web account.',
  remediation:
    'Enable MFA for the user now (or enforce it account-wide / at the SSO provider); if the user does not need account administration, move it to a team- or target-scoped role.',
  controls: [
    control('cis-6.5', 'direct'),
    control('nist-ia-2(1)', 'direct'),
    control('pci-8.4.1', 'direct'),
    control('iso-8.5', 'direct'),
    control('iso-8.2', 'supporting'),
    control('cis-6.3', 'supporting'),
    control('soc2-cc6.1', 'supporting'),
  ],
  sources: ['apiweb-users'],
  parameters: {},
  evaluate: () => ({
    observe(record) {
      if (record.kind !== 'apiweb-user') return undefined;
      // Decide on the booleans before reading the roles: only humans without MFA need them (and3 below).
      if (record.mfaEnabled === true || record.active === false || record.isApiUser === true) return 'pass';
      const privileged = isPrivileged(record);
      const violated = and3(record.active, not3(record.isApiUser), privileged, not3(record.mfaEnabled));
      if (violated === false) return 'pass';
      const subject = apiwebSubject(record);
      const fields = apiwebFields(record, FIELDS);
      if (violated) {
        const what = [...adminRoleNames(record.roles), ...(record.isBillingAdmin ? ['billing admin'] : [])].join(', ');
        return judgement('fail', subject, record, fields, `privileged user (${what}) has mfa_enabled false`, apiwebNote(record));
      }
      return judgement(
        'unknown',
        subject,
        record,
        fields,
        'cannot tell whether a privileged user lacks MFA: active, is_apiuser, mfa_enabled, is_billing_admin or user_roles is missing or unreadable',
        apiwebNote(record),
      );
    },
  }),
};
