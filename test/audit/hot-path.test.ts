/**
 * The audit's per-record and per-finding fast paths give exactly what the general code gives: the `v1`
 * fingerprint (pinned values and createHash), the char-code date scanner (against the model parser), the
 * numeric fingerprint order (against a string sort), the raw-role privilege test (against the normalised
 * roles) and the lazily normalised roles. Seeded; the seed is printed (STC_SEED replays it).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseApiDate, scanApiDate } from '../../src/audit/api-date.ts';
import { byFingerprint, sortByFingerprint } from '../../src/audit/finding-order.ts';
import { fingerprint } from '../../src/audit/fingerprint.ts';
import { isUnreadable, normaliseApiWebUser, type ApiWebUserRecord } from '../../src/audit/inventory.ts';
import { hasAccountAdminRole, isPrivileged } from '../../src/audit/privilege.ts';
import { parseApiDate as parseModelDate } from '../../src/model/dates.ts';
import type { Finding } from '../../src/model/results.ts';
import { FETCHED, rawUser } from './helpers.ts';

const SEED = Number(process.env.STC_SEED ?? 20251123);
console.log(`hot-path seed: ${SEED} (STC_SEED replays it)`);

const viaCreateHash = (parts: string[]): string => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24);

describe('fingerprint v1', () => {
  test('should keep the values earlier versions wrote (previous results.json stay comparable)', () => {
    expect(fingerprint('mfa-disabled', { kind: 'apiweb-user', id: '7ynNuUJjJZGW', email: 'x@example.com' })).toBe('072a92f42566db21a3b5a108');
    expect(
      fingerprint('stale-provision', { kind: 'pending-provision', orgId: '86054e75-398a-4a1a-9dd8-72d026d8c237', email: ' Alice@Example.com ' }),
    ).toBe('56ec7f936e2e720b08c76215');
  });

  test('should equal the createHash digest of the documented parts for any subject', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 20 });
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: undefined }), fc.option(text, { nil: undefined }), fc.option(text, { nil: undefined }), (ruleId, kind, orgId, id, email) => {
        const subject = { kind, ...(orgId !== undefined ? { orgId } : {}), ...(id !== undefined ? { id } : {}), ...(email !== undefined ? { email } : {}) };
        const who = id !== undefined ? `id:${id}` : `email:${(email ?? '').trim().toLowerCase()}`;
        expect(fingerprint(ruleId, subject)).toBe(viaCreateHash(['v1', ruleId, kind, orgId ?? '', who]));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

/** The audit's date reading without the scanner (what it was before the fast path). */
function generalParse(value: string): number | undefined {
  const text = value.trim();
  const strict = parseModelDate(text);
  if (strict !== undefined) return strict;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseModelDate(`${text}T00:00:00Z`);
  const lenient = text.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return lenient === text ? undefined : parseModelDate(lenient);
}

describe('date scanner', () => {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const zone = fc.oneof(
    fc.constant(''),
    fc.constantFrom('Z', 'z'),
    fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`),
  );
  /** Mostly valid API timestamps, some with impossible fields (month 13, day 31 in April, hour 24, second 60). */
  const timestamp = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 31 }),
      fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
      fc.option(fc.stringMatching(/^\d{0,10}$/), { nil: undefined }),
      fc.constantFrom('T', 't', ' '),
      zone,
    )
    .map(([y, mo, d, h, mi, s, frac, t, z]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${t}${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac === undefined ? '' : `.${frac}`}${z}`);

  test('should give the model parser’s instant for every string it accepts, and leave the rest to it', () => {
    fc.assert(
      fc.property(fc.oneof(timestamp, fc.string({ maxLength: 40 })), (text) => {
        const fast = scanApiDate(text);
        const model = parseModelDate(text);
        if (fast !== undefined) expect(fast).toBe(model);
        // Only years 0–99 (Date.UTC's 1900 mapping) are left to the model parser among the dates it reads.
        if (model !== undefined && fast === undefined) expect(Number(text.slice(0, 4))).toBeLessThan(100);
        expect(parseApiDate(text)).toBe(generalParse(text));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  test('should read the documented spellings and reject impossible dates', () => {
    expect(scanApiDate('2023-08-09T13:27:43.8208302')).toBe(Date.UTC(2023, 7, 9, 13, 27, 43, 820));
    expect(scanApiDate('2022-05-16T11:50:53.914329Z')).toBe(Date.UTC(2022, 4, 16, 11, 50, 53, 914));
    expect(scanApiDate('2024-02-29T23:00:00.5+02:00')).toBe(Date.UTC(2024, 1, 29, 21, 0, 0, 500));
    expect(scanApiDate('2023-02-29T00:00:00Z')).toBeUndefined();
    expect(scanApiDate('2023-01-01T24:00:00Z')).toBeUndefined();
    expect(scanApiDate('2023-01-01T00:00:60Z')).toBeUndefined();
    expect(scanApiDate('2023-01-01T00:00:00.Z')).toBeUndefined();
    expect(scanApiDate('2023-01-01T00:00:00+0200')).toBeUndefined();
    // …which the audit's lenient reading still takes (a spelling alone never makes a judgement unknown).
    expect(parseApiDate('2023-01-01T00:00:00+0200')).toBe(Date.UTC(2022, 11, 31, 22));
    expect(parseApiDate('0099-01-01T00:00:00Z')).toBe(parseModelDate('0099-01-01T00:00:00Z'));
  });
});

describe('fingerprint order', () => {
  const asFindings = (fps: (string | undefined)[]): Finding[] =>
    fps.map((fp, i) => ({ ruleId: 'r', outcome: 'fail', severity: 'low', subject: { kind: 'k', id: String(i) }, evidence: { source: 's', fetchedAt: 't', fields: {} }, ...(fp === undefined ? {} : { fingerprint: fp }) }));
  const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));

  test('should equal a string sort, also when fingerprints share their first 8 digits', () => {
    const sharedPrefix = fc.tuple(fc.constantFrom('00000000', 'ffffffff', '0a0a0a0a'), hex(16)).map(([p, r]) => p + r);
    fc.assert(
      fc.property(fc.array(fc.oneof(hex(24), sharedPrefix), { maxLength: 300 }), (fps) => {
        const findings = asFindings(fps);
        expect(sortByFingerprint(findings).map((f) => f.fingerprint)).toEqual([...fps].sort());
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  test('should fall back to the general order for fingerprints of another form', () => {
    const findings = asFindings(['B0000000x', 'a0000000', undefined, '0f', 'A0000000']);
    expect(sortByFingerprint(findings)).toEqual([...findings].sort(byFingerprint));
    expect(sortByFingerprint(findings).map((f) => f.fingerprint)).toEqual([undefined, '0f', 'A0000000', 'B0000000x', 'a0000000']);
  });
});

describe('roles', () => {
  const roleArb = fc.oneof(
    fc.record(
      {
        role: fc.oneof(fc.record({ id: fc.constant('R1'), name: fc.constantFrom('Admin', 'Account Admin', 'Viewer', '', 7) }, { requiredKeys: ['id'] }), fc.constant(null)),
        scope: fc.oneof(fc.record({ tier: fc.constantFrom('account', 'team', 'scope', '', 3) }, { requiredKeys: [] }), fc.constant('account')),
      },
      { requiredKeys: [] },
    ),
    fc.constantFrom(null, 'Admin', 3),
  );

  test('should judge privilege from the raw roles exactly as from the normalised ones', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(roleArb, { maxLength: 4 }), fc.constantFrom(undefined, 'Admin', {})), fc.constantFrom(true, false, undefined, 'yes'), (roles, billing) => {
        const record = normaliseApiWebUser(rawUser({ user_roles: roles, is_billing_admin: billing }), FETCHED) as ApiWebUserRecord;
        const fromNormalised = record.isBillingAdmin === true ? true : hasAccountAdminRole(record.roles);
        const expected = fromNormalised === true ? true : record.isBillingAdmin === undefined || fromNormalised === undefined ? undefined : false;
        expect(isPrivileged(record)).toBe(expected);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  test('should normalise user_roles on first read, once, and show them in the record’s JSON', () => {
    const record = normaliseApiWebUser(rawUser({ user_roles: [{ role: { id: 'R1', name: 'Admin' }, scope: { tier: 'account' } }] }), FETCHED);
    if (isUnreadable(record)) throw new Error(record.unreadable);
    expect(record.roles).toEqual([{ roleId: 'R1', roleName: 'Admin', tier: 'account' }]);
    expect(record.roles).toBe(record.roles);
    expect(JSON.parse(JSON.stringify(record)).roles).toEqual([{ roleId: 'R1', roleName: 'Admin', tier: 'account' }]);
    const without = normaliseApiWebUser(rawUser({ user_roles: 'n/a' }), FETCHED) as ApiWebUserRecord;
    expect(without.roles).toBeUndefined();
  });
});
