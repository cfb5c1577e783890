/**
 * Exemptions, break-glass and service accounts: a valid exemption makes a finding `exempt` (kept visible,
 * with its reason, owner, ticket and expiry); an expired one brings the failure back with a warning; one
 * expiring within 14 days gets a notice; one that matches nothing is stale.
 */
import { describe, expect, test } from 'vitest';
import { parsePolicy } from '../../src/audit/policy.ts';
import { evaluate, idOf, user } from './helpers.ts';

const exemption = (subject: string, rule: string, expires: string, extra = ''): string =>
  `  - subject: ${subject}\n    rule: ${rule}\n    reason: accepted risk\n    owner: appsec@example.com\n    ticket: SEC-1\n    expires: ${expires}\n${extra}`;

describe('exemptions', () => {
  test('should exempt a matching finding and keep it visible with its governance fields', () => {
    const alice = user({ email: 'Alice@Example.com', mfa_enabled: false });
    const bob = user({ mfa_enabled: false });
    const policy = parsePolicy(`exemptions:\n${exemption('alice@example.com', 'mfa-disabled', '2025-12-31')}`, 'p.yaml');
    const run = evaluate([alice, bob], { policy });
    const byId = new Map(run.of('mfa-disabled').map((f) => [f.subject.id, f]));
    expect(byId.get(idOf(alice))).toMatchObject({
      outcome: 'exempt',
      exemption: { kind: 'exemption', reason: 'accepted risk', owner: 'appsec@example.com', ticket: 'SEC-1', expires: '2025-12-31' },
    });
    expect(byId.get(idOf(bob))?.outcome).toBe('fail');
    expect(run.rules.find((r) => r.id === 'mfa-disabled')?.counts).toEqual({ evaluated: 2, fail: 1, exempt: 1, unknown: 0 });
    expect(run.warnings.filter((w) => w.code.startsWith('EXEMPTION_'))).toEqual([]);
  });

  test('should make the rule pass when its only failure is exempt', () => {
    const alice = user({ mfa_enabled: false });
    const policy = parsePolicy(`exemptions:\n${exemption(idOf(alice), 'mfa-disabled', '2025-12-31')}`, 'p.yaml');
    expect(evaluate([alice], { policy }).outcome('mfa-disabled')).toBe('pass');
  });

  test('should bring an expired exemption\'s finding back as a failure with a warning', () => {
    const alice = user({ email: 'alice@example.com', mfa_enabled: false });
    const policy = parsePolicy(`exemptions:\n${exemption('alice@example.com', 'mfa-disabled', '2025-06-29')}`, 'p.yaml');
    const run = evaluate([alice], { policy });
    const f = run.of('mfa-disabled')[0];
    expect(f).toMatchObject({ outcome: 'fail', exemption: { expires: '2025-06-29' } });
    expect(f?.message).toMatch(/expired on 2025-06-29/);
    expect(run.outcome('mfa-disabled')).toBe('fail');
    expect(run.warnings).toContainEqual(expect.objectContaining({ code: 'EXEMPTION_EXPIRED', ruleId: 'mfa-disabled' }));
  });

  test('should hold an exemption through its expiry day (UTC)', () => {
    const alice = user({ email: 'alice@example.com', mfa_enabled: false });
    const policy = parsePolicy(`exemptions:\n${exemption('alice@example.com', 'mfa-disabled', '2025-06-30')}`, 'p.yaml');
    const run = evaluate([alice], { policy });
    expect(run.of('mfa-disabled')[0]?.outcome).toBe('exempt');
    expect(run.warnings).toContainEqual(expect.objectContaining({ code: 'EXEMPTION_EXPIRING', message: expect.stringContaining('in 1 day') }));
  });

  test('should give a notice within 14 days of expiry and none beyond', () => {
    const alice = user({ email: 'alice@example.com', mfa_enabled: false });
    const soon = evaluate([alice], { policy: parsePolicy(`exemptions:\n${exemption('alice@example.com', 'mfa-disabled', '2025-07-13')}`, 'p.yaml') });
    expect(soon.warnings.map((w) => w.code)).toEqual(['EXEMPTION_EXPIRING']);
    const later = evaluate([alice], { policy: parsePolicy(`exemptions:\n${exemption('alice@example.com', 'mfa-disabled', '2025-07-20')}`, 'p.yaml') });
    expect(later.warnings.filter((w) => w.code.startsWith('EXEMPTION_'))).toEqual([]);
  });

  test('should report an exemption that matches nothing as stale, with its line', () => {
    const policy = parsePolicy(`exemptions:\n${exemption('gone@example.com', 'mfa-disabled', '2030-01-01')}`, 'p.yaml');
    const run = evaluate([user({ email: 'gone@example.com' })], { policy });
    expect(run.warnings).toEqual([expect.objectContaining({ code: 'EXEMPTION_STALE', message: expect.stringContaining('$.exemptions[0] (line 2)') })]);
  });

  test('should not let an exemption for one rule exempt another rule', () => {
    const alice = user({ email: 'alice@example.com', mfa_enabled: false, last_login: null });
    const policy = parsePolicy(`exemptions:\n${exemption('alice@example.com', 'inactive-account', '2030-01-01')}`, 'p.yaml');
    const run = evaluate([alice], { policy });
    expect(run.of('mfa-disabled')[0]?.outcome).toBe('fail');
    expect(run.of('inactive-account')[0]?.outcome).toBe('exempt');
  });

  test('should match a subjectPattern against ids and emails, whole and case-insensitively', () => {
    const svc = user({ email: 'SVC-ci@example.com', last_login: null });
    const notSvc = user({ email: 'x-svc-ci@example.com', last_login: null });
    const policy = parsePolicy(
      'exemptions:\n  - subjectPattern: "svc-.*@example\\\\.com"\n    rule: inactive-account\n    reason: r\n    owner: o\n    ticket: T\n    expires: 2030-01-01\n',
      'p.yaml',
    );
    const run = evaluate([svc, notSvc], { policy });
    expect(run.of('inactive-account').map((f) => [f.subject.id, f.outcome]).sort()).toEqual([
      [idOf(svc), 'exempt'],
      [idOf(notSvc), 'fail'],
    ].sort());
  });
});

describe('break-glass and service accounts', () => {
  test('should exempt a break-glass account from inactivity but not from MFA by default', () => {
    const bg = user({ email: 'breakglass@example.com', last_login: null, mfa_enabled: false });
    const policy = parsePolicy('breakGlass:\n  - subject: breakglass@example.com\n    reason: sealed emergency account\n    owner: secops\n', 'p.yaml');
    const run = evaluate([bg], { policy });
    expect(run.of('inactive-account')[0]).toMatchObject({ outcome: 'exempt', exemption: { kind: 'break-glass', reason: 'sealed emergency account' } });
    expect(run.of('mfa-disabled')[0]?.outcome).toBe('fail');
  });

  test('should exempt a service account from the rules its entry lists', () => {
    const svc = user({ last_login: null, mfa_enabled: false });
    const policy = parsePolicy(`serviceAccounts:\n  - subject: ${idOf(svc)}\n    reason: scanner\n    owner: platform\n    rules: [mfa-disabled]\n`, 'p.yaml');
    const run = evaluate([svc], { policy });
    expect(run.of('mfa-disabled')[0]?.outcome).toBe('exempt');
    expect(run.of('inactive-account')[0]?.outcome).toBe('fail');
  });

  test('should exempt an unknown finding too, saying so', () => {
    const svc = user({ mfa_enabled: null });
    const policy = parsePolicy(`serviceAccounts:\n  - subject: ${idOf(svc)}\n    reason: scanner\n    owner: platform\n`, 'p.yaml');
    const f = evaluate([svc], { policy }).of('mfa-disabled')[0];
    expect(f?.outcome).toBe('exempt');
    expect(f?.message).toMatch(/would be unknown/);
  });
});
