/**
 * deactivated-with-roles (INTERFACE.md core rule): an API & Web user with `active` false who still holds
 * roles (a non-empty `user_roles`). users-list docs: `user_roles` is optional, so when it is absent for a
 * deactivated user the rule cannot tell (`unknown`).
 */
import { control } from '../controls.ts';
import { and3, type Tri } from '../logic.ts';
import type { RuleDefinition } from '../rule.ts';
import { apiwebFields, apiwebNote, apiwebSubject, judgement } from '../subjects.ts';

const FIELDS = ['active', 'user_roles'] as const;

export const deactivatedWithRoles: RuleDefinition = {
  id: 'deactivated-with-roles',
  version: 1,
  title: 'Deactivated API & Web user who still holds roles',
  severity: 'high',
  rationale:
    'Deactivation is reversible: a deactivated user who keeps its roles gets all of its access back the moment anyone reactivates it, and the roles keep appearing in access reviews as if they were in use.',
  remediation:
    'Remove the user\'s role assignments in Snyk API & Web (user roles bulk delete), or delete the user if the deactivation is permanent.',
  controls: [
    control('cis-6.2', 'direct'),
    control('soc2-cc6.2', 'direct'),
    control('iso-5.18', 'direct'),
    control('iso-5.16', 'supporting'),
    control('nist-ac-2', 'supporting'),
    control('cis-5.1', 'supporting'),
  ],
  sources: ['apiweb-users'],
  parameters: {},
  evaluate: () => ({
    observe(record) {
      if (record.kind !== 'apiweb-user') return undefined;
      if (record.active === true) return 'pass';
      const deactivated: Tri = record.active === undefined ? undefined : !record.active;
      const holdsRoles: Tri = record.roles === undefined ? undefined : record.roles.length > 0;
      const violated = and3(deactivated, holdsRoles);
      if (violated === false) return 'pass';
      const subject = apiwebSubject(record);
      const fields = apiwebFields(record, FIELDS);
      if (violated) {
        return judgement('fail', subject, record, fields, `deactivated user still holds ${record.roles?.length ?? 0} role(s)`, apiwebNote(record));
      }
      const why = deactivated === undefined ? 'active is not a boolean' : 'user_roles is missing or not an array';
      return judgement('unknown', subject, record, fields, `cannot tell whether a deactivated user holds roles: ${why}`, apiwebNote(record));
    },
  }),
};
