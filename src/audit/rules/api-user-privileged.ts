/**
 * api-user-privileged: an active API & Web API user (`is_apiuser` true) with an account-tier admin role or
 * billing admin. An API key cannot use MFA, so its privilege is all that bounds what a leaked key can do.
 */
import { control } from '../controls.ts';
import { and3 } from '../logic.ts';
import { adminRoleNames, isPrivileged } from '../privilege.ts';
import type { RuleDefinition } from '../rule.ts';
import { apiwebFields, apiwebNote, apiwebSubject, judgement } from '../subjects.ts';

const FIELDS = ['active', 'is_apiuser', 'is_billing_admin', 'user_roles'] as const;

export const apiUserPrivileged: RuleDefinition = {
  id: 'api-user-privileged',
  version: 1,
  title: 'API user with account administration or billing rights',
  severity: 'high',
  rationale:
    'API users authenticate with a long-lived key and no second factor; a key with account-wide admin rights is one leak away from a full account takeover, and automation rarely needs that much.',
  remediation:
    'Give the API user a team- or target-scoped role with only the permissions its automation needs, remove billing admin, and rotate the key.',
  controls: [
    control('nist-ac-6', 'direct'),
    control('iso-8.2', 'direct'),
    control('soc2-cc6.3', 'supporting'),
    control('cis-5.1', 'supporting'),
  ],
  sources: ['apiweb-users'],
  parameters: {},
  evaluate: () => ({
    observe(record) {
      if (record.kind !== 'apiweb-user') return undefined;
      // Humans and deactivated users pass before any role is read (and3 below).
      if (record.isApiUser === false || record.active === false) return 'pass';
      const violated = and3(record.active, record.isApiUser, isPrivileged(record));
      if (violated === false) return 'pass';
      const subject = apiwebSubject(record);
      const fields = apiwebFields(record, FIELDS);
      if (violated) {
        const what = [...adminRoleNames(record.roles), ...(record.isBillingAdmin ? ['billing admin'] : [])].join(', ');
        return judgement('fail', subject, record, fields, `API user holds ${what}`, apiwebNote(record));
      }
      return judgement(
        'unknown',
        subject,
        record,
        fields,
        'cannot tell whether an API user is privileged: active, is_apiuser, is_billing_admin or user_roles is missing or unreadable',
        apiwebNote(record),
      );
    },
  }),
};
