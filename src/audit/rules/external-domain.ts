/**
 * external-domain: an account whose email is outside the policy's `allowedDomains` (an entry allows the
 * domain and its subdomains). Reads API & Web users, Snyk org and group members and pending provisions.
 * Skipped ("not configured") when the policy sets no allowed domains: without them every address would be
 * a guess. API users without an email (research fixture: `""`) are not judged.
 */
import type { Subject } from '../../model/results.ts';
import { control } from '../controls.ts';
import type { InventoryRecord } from '../inventory.ts';
import type { RuleDefinition, Verdict } from '../rule.ts';
import { apiwebSubject, judgement, memberSubject, provisionSubject } from '../subjects.ts';

export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return undefined;
  return email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
}

export function normaliseDomain(entry: string): string {
  return entry.trim().toLowerCase().replace(/^\*?\.|^@/, '').replace(/\.$/, '');
}

export function isAllowedDomain(domain: string, allowed: readonly string[]): boolean {
  return allowed.some((d) => domain === d || domain.endsWith(`.${d}`));
}

export const externalDomain: RuleDefinition = {
  id: 'external-domain',
  version: 1,
  title: 'Account with an email outside the allowed domains',
  severity: 'medium',
  rationale:
    'Accounts on personal or third-party domains escape the identity provider\'s joiner-mover-leaver process: they are not disabled when a contract ends and are not covered by the organisation\'s MFA and device policies.',
  remediation:
    'Replace the account with one on a corporate domain, or record the external collaborator as a policy exemption with an owner, a ticket and an expiry date.',
  controls: [
    control('cis-5.1', 'supporting'),
    control('soc2-cc6.2', 'supporting'),
    control('iso-5.15', 'supporting'),
    control('iso-5.16', 'supporting'),
    control('nist-ac-2', 'supporting'),
  ],
  sources: ['apiweb-users', 'org-memberships', 'group-memberships', 'provisions'],
  parameters: {},
  notConfigured: (policy) => (policy.allowedDomains.length === 0 ? 'not configured: the policy sets no allowedDomains' : undefined),
  evaluate(ctx) {
    const allowed = ctx.policy.allowedDomains.map(normaliseDomain);
    const judge = (record: InventoryRecord, subject: Subject, email: string | undefined): Verdict => {
      if (email === undefined) {
        return judgement('unknown', subject, record, { email: null, allowedDomains: allowed }, 'cannot tell the domain: the account has no email');
      }
      const domain = emailDomain(email);
      if (domain === undefined) return judgement('unknown', subject, record, { email, allowedDomains: allowed }, `cannot tell the domain of ${JSON.stringify(email)}`);
      if (isAllowedDomain(domain, allowed)) return 'pass';
      // The address is the subject's; the judged domain and the list it is not on (one shared array).
      return judgement('fail', subject, record, { domain, allowedDomains: allowed }, `email domain ${domain} is not an allowed domain`);
    };
    return {
      observe(record) {
        switch (record.kind) {
          case 'apiweb-user':
            if (record.active === false) return 'pass';
            // API users carry no email by design; only a human without one is undecidable.
            if (record.email === undefined && record.isApiUser === true) return undefined;
            return judge(record, apiwebSubject(record), record.email);
          case 'snyk-membership':
            return judge(record, memberSubject(record), record.email);
          case 'pending-provision':
            return judge(record, provisionSubject(record), record.email);
          default:
            return undefined;
        }
      },
    };
  },
};
