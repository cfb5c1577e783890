/**
 * inactive-account (INTERFACE.md core rule): an active human API & Web user whose `last_login` is older
 * than the inactivity threshold (strictly before now − threshold), or who never logged in although the
 * account is older than the threshold.
 *
 * users-list docs (https://developers.probely.com/api/reference/users-list): `last_login` is "nullable, required",
 * "Date and time of the last login of the user"; `changed` is required, "Date and time of the last change".
 * A null `last_login` alone does not make an account dormant: a user invited three days ago who has not
 * logged in yet is not "inactive for 90 days". The list documents no creation date, so the clock of a user
 * who never logged in starts at `changed` — the latest documented date of the record, never earlier than its
 * creation, so the rule can only under-report. `changed` missing or unreadable: unknown. the users-list docs and the graph-probely recording: dates
 * come with or without a zone and with 3–7 fractional digits. An absent or unreadable `last_login` is unknown.
 */
import { DAY_MS, parseApiDate } from '../api-date.ts';
import { control } from '../controls.ts';
import type { ApiWebUserRecord } from '../inventory.ts';
import { and3, not3, type Tri } from '../logic.ts';
import { param, type RuleDefinition } from '../rule.ts';
import { apiwebFields, apiwebNote, apiwebSubject, iso, judgement } from '../subjects.ts';

const FIELDS = ['active', 'is_apiuser', 'last_login'] as const;
/** A user who never logged in is judged on `changed` too: it is part of the evidence. */
const NEVER_FIELDS = ['active', 'is_apiuser', 'last_login', 'changed'] as const;

/**
 * Whether the login clock ran out: true (stale), false (not yet), undefined (cannot tell). For a user who
 * never logged in, the clock starts at the documented `changed` date (users-list docs).
 */
function loginClockExpired(record: ApiWebUserRecord, cutoff: number): Tri {
  if (record.lastLogin === undefined) return undefined;
  if (record.lastLogin !== null) return record.lastLogin < cutoff;
  const changed = parseApiDate(record.raw.changed);
  return changed === undefined ? undefined : changed < cutoff;
}

export const inactiveAccount: RuleDefinition = {
  id: 'inactive-account',
  version: 2,
  title: 'Active human API & Web user who has not logged in within the inactivity threshold',
  severity: 'medium',
  rationale:
    'Dormant accounts keep their access while nobody watches them; they are the accounts attackers take over unnoticed and the ones left behind when people change roles or leave.',
  remediation:
    'Confirm with the owner whether the access is still needed; deactivate the user in Snyk API & Web (or remove it) if not. Break-glass accounts belong in the policy\'s breakGlass list.',
  controls: [
    control('cis-5.3', 'direct'),
    control('nist-ac-2(3)', 'direct'),
    control('pci-8.2.6', 'direct'),
    control('iso-5.16', 'supporting'),
    control('iso-5.18', 'supporting'),
    control('soc2-cc6.2', 'supporting'),
    control('nist-ac-2', 'supporting'),
  ],
  sources: ['apiweb-users'],
  parameters: {
    maxInactiveDays: {
      type: 'integer',
      default: 90,
      minimum: 1,
      maximum: 3650,
      unit: 'days',
      description: 'Days without a login after which an active human user is inactive (profiles: cis-v8 45, pci-dss-4 90, disa-stig 35); a user who never logged in counts from its `changed` date.',
    },
  },
  limits() {
    return ['a user who never logged in is counted from its `changed` date (users-list docs documents no creation date): a recent change restarts the clock'];
  },
  evaluate(ctx) {
    const days = param(ctx, 'maxInactiveDays');
    const cutoff = ctx.now - days * DAY_MS;
    // Once per evaluation: every finding shares the string (the threshold itself is in the message).
    const cutoffIso = iso(cutoff);
    return {
      observe(record) {
        if (record.kind !== 'apiweb-user') return undefined;
        if (record.active === false || record.isApiUser === true || (typeof record.lastLogin === 'number' && record.lastLogin >= cutoff)) return 'pass';
        const stale = loginClockExpired(record, cutoff);
        const violated = and3(record.active, not3(record.isApiUser), stale);
        if (violated === false) return 'pass';
        const subject = apiwebSubject(record);
        const never = record.lastLogin === null;
        const fields = apiwebFields(record, never ? NEVER_FIELDS : FIELDS);
        fields.cutoff = cutoffIso;
        if (violated) {
          const message = never
            ? `active human user has never logged in and its record has not changed for ${Math.floor((ctx.now - (parseApiDate(record.raw.changed) ?? 0)) / DAY_MS)} days (threshold ${days} days)`
            : `active human user last logged in ${Math.floor((ctx.now - (record.lastLogin ?? 0)) / DAY_MS)} days ago (threshold ${days} days)`;
          return judgement('fail', subject, record, fields, message, apiwebNote(record));
        }
        const why =
          stale === undefined
            ? never
              ? `the user never logged in and changed is ${'changed' in record.raw ? 'not a readable date' : 'missing'}, so the account's age is not known`
              : `last_login is ${'last_login' in record.raw ? 'not a readable date' : 'missing'}`
            : 'active or is_apiuser is missing or not a boolean';
        return judgement('unknown', subject, record, fields, `cannot tell whether the user is inactive: ${why}`, apiwebNote(record));
      },
    };
  },
};
