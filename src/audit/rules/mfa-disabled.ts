/**
 * mfa-disabled (INTERFACE.md core rule): an active human API & Web user (`is_apiuser` false) with
 * `mfa_enabled` false. users-list docs: `active` defaults to true; `mfa_enabled` is required, so a missing or
 * non-boolean value is `unknown`, never a pass.
 */
import { control } from '../controls.ts';
import { and3, not3 } from '../logic.ts';
import type { RuleDefinition } from '../rule.ts';
import { apiwebFields, apiwebNote, apiwebSubject, judgement } from '../subjects.ts';

const FIELDS = ['active', 'is_apiuser', 'mfa_enabled'] as const;

export const mfaDisabled: RuleDefinition = {
  id: 'mfa-disabled',
  version: 1,
  title: 'Human API & Web user without MFA',
  severity: 'high',
  rationale:
    'A password alone is phished, reused and sprayed; an account that can sign in to Snyk API & Web without a second factor exposes the scan targets and findings it can reach.',
  remediation:
    'Enable MFA for the user in Snyk API & Web (or enforce it for everyone through the account settings or the SSO provider), or deactivate the account if it is no longer needed.',
  controls: [
    control('cis-6.3', 'direct'),
    control('nist-ia-2(2)', 'direct'),
    control('iso-8.5', 'direct'),
    control('pci-8.4.2', 'direct'),
    control('nist-ia-2(1)', 'supporting'),
    control('soc2-cc6.1', 'supporting'),
  ],
  sources: ['apiweb-users'],
  parameters: {},
  evaluate: () => ({
    observe(record) {
      if (record.kind !== 'apiweb-user') return undefined;
      // The common clean cases first: any definite false makes the conjunction false (logic.ts and3).
      if (record.mfaEnabled === true || record.active === false || record.isApiUser === true) return 'pass';
      const violated = and3(record.active, not3(record.isApiUser), not3(record.mfaEnabled));
      if (violated === false) return 'pass';
      const subject = apiwebSubject(record);
      const fields = apiwebFields(record, FIELDS);
      if (violated) return judgement('fail', subject, record, fields, 'active human user has mfa_enabled false', apiwebNote(record));
      return judgement(
        'unknown',
        subject,
        record,
        fields,
        'cannot tell whether MFA is required and enabled: active, is_apiuser or mfa_enabled is missing or not a boolean',
        apiwebNote(record),
      );
    },
  }),
};
