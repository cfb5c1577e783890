/**
 * The four core rules of INTERFACE.md, judged by the engine on in-memory records: a positive and a negative
 * subject each, the documented defaults (users-list docs), unknown outcomes, date forms (users-list docs, graph-probely recording) and boundaries.
 */
import { describe, expect, test } from 'vitest';
import { DAY_MS } from '../../src/audit/api-date.ts';
import { accountViewer, daysAgo, evaluate, NOW, provision, rawUser, subjects, user, userFrom, without, idOf } from './helpers.ts';

describe('mfa-disabled', () => {
  test('should fail an active human without MFA and pass one with MFA', () => {
    const bad = user({ mfa_enabled: false });
    const good = user({ mfa_enabled: true });
    const run = evaluate([bad, good]);
    expect(subjects(run, 'mfa-disabled')).toEqual([idOf(bad)]);
    expect(run.outcome('mfa-disabled')).toBe('fail');
    const f = run.of('mfa-disabled')[0];
    expect(f?.evidence).toMatchObject({ source: 'GET /users/', fields: { active: true, is_apiuser: false, mfa_enabled: false } });
    expect(f?.severity).toBe('high');
  });

  test('should treat an absent active as true (users-list docs default) and say so in the evidence', () => {
    const bad = userFrom(without(rawUser({ mfa_enabled: false }), 'active'));
    const run = evaluate([bad]);
    expect(subjects(run, 'mfa-disabled')).toEqual([idOf(bad)]);
    expect(run.of('mfa-disabled')[0]?.evidence.note).toMatch(/default true/);
  });

  test('should not judge API users or deactivated users', () => {
    const run = evaluate([user({ mfa_enabled: false, is_apiuser: true }), user({ mfa_enabled: false, active: false })]);
    expect(run.of('mfa-disabled')).toEqual([]);
    expect(run.outcome('mfa-disabled')).toBe('pass');
  });

  test('should be unknown, never pass, when mfa_enabled is missing or not a boolean', () => {
    const missing = userFrom(without(rawUser(), 'mfa_enabled'));
    const wrong = user({ mfa_enabled: 'false' });
    const run = evaluate([missing, wrong]);
    expect(subjects(run, 'mfa-disabled', 'unknown')).toEqual([idOf(missing), idOf(wrong)].sort());
    expect(subjects(run, 'mfa-disabled', 'fail')).toEqual([]);
    expect(run.outcome('mfa-disabled')).toBe('unknown');
  });

  test('should be unknown for the rule when the user list could not be read', () => {
    const run = evaluate([], { status: { 'apiweb-users': 'unavailable' } });
    expect(run.outcome('mfa-disabled')).toBe('unknown');
    expect(run.warnings.some((w) => w.code === 'RULE_UNKNOWN' && w.ruleId === 'mfa-disabled')).toBe(true);
  });
});

describe('inactive-account', () => {
  test('should fail a login older than 90 days and a never-logged-in user, and pass a recent login', () => {
    const old = user({ last_login: daysAgo(91) });
    const never = user({ last_login: null });
    const recent = user({ last_login: daysAgo(89) });
    const run = evaluate([old, never, recent]);
    expect(subjects(run, 'inactive-account')).toEqual([idOf(old), idOf(never)].sort());
    expect(run.of('inactive-account').find((f) => f.subject.id === idOf(never))?.message).toMatch(/never logged in/);
  });

  test('should judge strictly older than now minus the threshold', () => {
    const exactly = user({ last_login: new Date(NOW - 90 * DAY_MS).toISOString() });
    const justOver = user({ last_login: new Date(NOW - 90 * DAY_MS - 1).toISOString() });
    const run = evaluate([exactly, justOver]);
    expect(subjects(run, 'inactive-account')).toEqual([idOf(justOver)]);
  });

  test('should read dates with and without a zone and with 3 to 7 fractional digits (users-list docs, graph-probely recording)', () => {
    const zoneless7 = user({ last_login: '2025-01-02T13:27:43.8208302' });
    const micros = user({ last_login: '2025-01-02T11:50:53.914329Z' });
    const millis = user({ last_login: '2025-06-01T11:50:53.914Z' });
    const offset = user({ last_login: '2025-06-01T11:50:53.914+02:00' });
    const run = evaluate([zoneless7, micros, millis, offset]);
    expect(subjects(run, 'inactive-account')).toEqual([idOf(zoneless7), idOf(micros)].sort());
    expect(subjects(run, 'inactive-account', 'unknown')).toEqual([]);
  });

  test('should treat a zoneless date as UTC at the boundary', () => {
    const cutoff = new Date(NOW - 90 * DAY_MS).toISOString().replace('Z', '');
    const before = new Date(NOW - 90 * DAY_MS - 1000).toISOString().replace('Z', '0000');
    const run = evaluate([user({ last_login: cutoff }), user({ last_login: before })]);
    expect(run.of('inactive-account')).toHaveLength(1);
  });

  test('should be unknown when last_login is missing or unparseable', () => {
    const missing = userFrom(without(rawUser(), 'last_login'));
    const garbage = user({ last_login: 'yesterday' });
    const impossible = user({ last_login: '2025-02-30T10:00:00Z' });
    const run = evaluate([missing, garbage, impossible]);
    expect(subjects(run, 'inactive-account', 'unknown')).toEqual([idOf(missing), idOf(garbage), idOf(impossible)].sort());
    expect(run.outcome('inactive-account')).toBe('unknown');
  });

  test('should not judge API users or deactivated users', () => {
    const run = evaluate([user({ last_login: null, is_apiuser: true }), user({ last_login: null, active: false })]);
    expect(run.of('inactive-account')).toEqual([]);
  });

  test('should pass a user invited days ago who has not logged in yet (the clock starts at the documented changed)', () => {
    const invited = user({ last_login: null, changed: daysAgo(3) });
    const run = evaluate([invited]);
    expect(run.of('inactive-account')).toEqual([]);
    expect(run.outcome('inactive-account')).toBe('pass');
  });

  test('should fail a never-logged-in user only once changed is strictly older than the threshold, and show changed', () => {
    const atCutoff = user({ last_login: null, changed: new Date(NOW - 90 * DAY_MS).toISOString() });
    const justOver = user({ last_login: null, changed: new Date(NOW - 90 * DAY_MS - 1).toISOString() });
    const run = evaluate([atCutoff, justOver]);
    expect(subjects(run, 'inactive-account')).toEqual([idOf(justOver)]);
    const f = run.of('inactive-account')[0];
    expect(f?.message).toMatch(/never logged in/);
    expect(f?.evidence.fields).toMatchObject({ last_login: null, changed: new Date(NOW - 90 * DAY_MS - 1).toISOString() });
  });

  test('should be unknown, never fail, for a never-logged-in user whose changed is missing or unreadable', () => {
    const missing = userFrom(without(rawUser({ last_login: null }), 'changed'));
    const garbage = user({ last_login: null, changed: 'last week' });
    const run = evaluate([missing, garbage]);
    expect(subjects(run, 'inactive-account', 'fail')).toEqual([]);
    expect(subjects(run, 'inactive-account', 'unknown')).toEqual([idOf(missing), idOf(garbage)].sort());
    expect(run.of('inactive-account')[0]?.message).toMatch(/changed is (missing|not a readable date)/);
  });
});

describe('deactivated-with-roles', () => {
  test('should fail a deactivated user with roles and pass a deactivated user without', () => {
    const bad = user({ active: false, user_roles: [accountViewer] });
    const good = user({ active: false, user_roles: [] });
    const activeWithRoles = user({ active: true, user_roles: [accountViewer] });
    const run = evaluate([bad, good, activeWithRoles]);
    expect(subjects(run, 'deactivated-with-roles')).toEqual([idOf(bad)]);
    expect(run.of('deactivated-with-roles')[0]?.evidence.fields).toEqual({ active: false, user_roles: [{ role: 'Viewer', tier: 'account' }] });
  });

  test('should judge API users too ("a user")', () => {
    const api = user({ active: false, is_apiuser: true, user_roles: [accountViewer] });
    expect(subjects(evaluate([api]), 'deactivated-with-roles')).toEqual([idOf(api)]);
  });

  test('should be unknown when user_roles is absent for a deactivated user, and pass for an active one', () => {
    const deactivated = userFrom(without(rawUser({ active: false }), 'user_roles'));
    const active = userFrom(without(rawUser({ active: true }), 'user_roles'));
    const defaulted = userFrom(without(rawUser(), 'user_roles', 'active'));
    const run = evaluate([deactivated, active, defaulted]);
    expect(subjects(run, 'deactivated-with-roles', 'unknown')).toEqual([idOf(deactivated)]);
    expect(subjects(run, 'deactivated-with-roles', 'fail')).toEqual([]);
  });
});

describe('stale-provision', () => {
  test('should fail a provision older than 30 days and pass a younger one', () => {
    const old = provision({ created: daysAgo(31) });
    const young = provision({ created: daysAgo(29) });
    const run = evaluate([old, young]);
    expect(subjects(run, 'stale-provision')).toEqual([idOf(old)]);
    const f = run.of('stale-provision')[0];
    expect(f?.subject).toMatchObject({ kind: 'pending-provision', orgId: expect.any(String) });
    expect(f?.evidence.source).toBe('GET /v1/org/{orgId}/provision');
    expect(f?.severity).toBe('low');
  });

  test('should be unknown when created is missing or unreadable', () => {
    const run = evaluate([provision({ created: undefined }), provision({ created: 'Date' })]);
    expect(run.of('stale-provision').map((f) => f.outcome)).toEqual(['unknown', 'unknown']);
  });

  test('should give one finding per org when the same address is pending in two orgs', () => {
    const run = evaluate([provision({ email: 'a@example.com', created: daysAgo(40) }, 'org-1'), provision({ email: 'a@example.com', created: daysAgo(40) }, 'org-2')]);
    expect(run.of('stale-provision').map((f) => f.subject.orgId).sort()).toEqual(['org-1', 'org-2']);
  });

  test('should be unknown, not pass, when no provisions could be read', () => {
    expect(evaluate([], { status: { provisions: 'unavailable' } }).outcome('stale-provision')).toBe('unknown');
    expect(evaluate([], { status: { provisions: 'skipped' } }).outcome('stale-provision')).toBe('unknown');
    expect(evaluate([]).outcome('stale-provision')).toBe('pass');
  });
});

describe('documented defaults and lenient date spellings', () => {
  test('should read an absent is_apiuser as false (users-list docs "Defaults to false") and say so', () => {
    const u = userFrom(without(rawUser({ mfa_enabled: false, last_login: null }), 'is_apiuser'));
    const run = evaluate([u]);
    expect(subjects(run, 'mfa-disabled')).toEqual([idOf(u)]);
    expect(subjects(run, 'inactive-account')).toEqual([idOf(u)]);
    expect(run.of('mfa-disabled')[0]?.evidence).toMatchObject({ fields: { is_apiuser: false }, note: expect.stringContaining('is_apiuser absent') });
  });

  test('should be unknown when is_apiuser is present but not a boolean', () => {
    const u = user({ is_apiuser: 'no', mfa_enabled: false });
    expect(subjects(evaluate([u]), 'mfa-disabled', 'unknown')).toEqual([idOf(u)]);
  });

  test('should read a space separator, a +HHMM offset and a bare date', () => {
    const space = user({ last_login: '2024-01-02 10:00:00.123' });
    const basic = user({ last_login: '2024-01-02T10:00:00.123+0000' });
    const bare = provision({ created: '2024-01-02' });
    const run = evaluate([space, basic, bare]);
    expect(subjects(run, 'inactive-account')).toEqual([idOf(space), idOf(basic)].sort());
    expect(subjects(run, 'stale-provision')).toEqual([idOf(bare)]);
  });
});
