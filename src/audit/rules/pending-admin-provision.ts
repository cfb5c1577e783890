/**
 * pending-admin-provision: a pending provision that grants an admin role (provision docs: `role` `ADMIN` or a
 * role name containing "admin"; or a `rolePublicId` the policy lists in `adminRolePublicIds`). The role is
 * granted at the first SSO login without any acceptance step, so admin rights wait for whoever logs in.
 */
import { control } from '../controls.ts';
import { isAdminProvision } from '../privilege.ts';
import type { RuleDefinition } from '../rule.ts';
import { judgement, provisionSubject } from '../subjects.ts';

export const pendingAdminProvision: RuleDefinition = {
  id: 'pending-admin-provision',
  version: 1,
  title: 'Pending provision that grants an admin role',
  severity: 'medium',
  rationale:
    'A provision hands its role over at first login without an invitation to accept; admin rights granted this way are privileged access allocated before anyone has reviewed that the person needs them.',
  remediation:
    'Provision with a non-admin role and elevate after review, or delete the pending provision if it is not expected.',
  controls: [
    control('iso-8.2', 'direct'),
    control('nist-ac-6', 'supporting'),
    control('cis-6.1', 'supporting'),
    control('soc2-cc6.3', 'supporting'),
    control('iso-5.18', 'supporting'),
  ],
  sources: ['provisions'],
  parameters: {},
  evaluate: (ctx) => ({
    observe(record) {
      if (record.kind !== 'pending-provision') return undefined;
      const admin = isAdminProvision(record, ctx.policy.adminRolePublicIds);
      if (admin === false) return 'pass';
      // The judged values only: the address is the subject's.
      const fields: Record<string, unknown> = {};
      if ('role' in record.raw) fields.role = record.raw.role;
      if ('rolePublicId' in record.raw) fields.rolePublicId = record.raw.rolePublicId;
      if (admin) return judgement('fail', provisionSubject(record), record, fields, `pending provision grants ${record.role ?? record.rolePublicId}`);
      return judgement(
        'unknown',
        provisionSubject(record),
        record,
        fields,
        'cannot tell whether the provision grants an admin role: it names only a rolePublicId and the policy lists no adminRolePublicIds',
      );
    },
  }),
};
