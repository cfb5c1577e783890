/**
 * The rules beyond INTERFACE.md's four: a positive and a negative subject each, and their unknowns.
 */
import { describe, expect, test } from 'vitest';
import { parsePolicy } from '../../src/audit/policy.ts';
import { accountAdmin, accountViewer, daysAgo, evaluate, event, searched, idOf, member, provision, subjects, teamAdmin, user } from './helpers.ts';

describe('privileged-without-mfa', () => {
  test('should fail an account admin or billing admin without MFA and pass a team admin without MFA', () => {
    const admin = user({ mfa_enabled: false, user_roles: [accountAdmin] });
    const billing = user({ mfa_enabled: false, is_billing_admin: true });
    const team = user({ mfa_enabled: false, user_roles: [teamAdmin, accountViewer] });
    const withMfa = user({ mfa_enabled: true, user_roles: [accountAdmin] });
    const run = evaluate([admin, billing, team, withMfa]);
    expect(subjects(run, 'privileged-without-mfa')).toEqual([idOf(admin), idOf(billing)].sort());
    expect(run.of('privileged-without-mfa')[0]?.severity).toBe('critical');
  });

  test('should be unknown when the roles are missing and MFA is off', () => {
    const run = evaluate([user({ mfa_enabled: false, user_roles: undefined })]);
    expect(run.of('privileged-without-mfa').map((f) => f.outcome)).toEqual(['unknown']);
  });
});

describe('api-user-privileged', () => {
  test('should fail an API user with an account admin role or billing admin and pass a scoped API user', () => {
    const admin = user({ is_apiuser: true, email: '', mfa_enabled: false, user_roles: [accountAdmin] });
    const billing = user({ is_apiuser: true, email: '', mfa_enabled: false, is_billing_admin: true });
    const scoped = user({ is_apiuser: true, email: '', mfa_enabled: false, user_roles: [teamAdmin] });
    const human = user({ user_roles: [accountAdmin] });
    const run = evaluate([admin, billing, scoped, human]);
    expect(subjects(run, 'api-user-privileged')).toEqual([idOf(admin), idOf(billing)].sort());
  });
});

describe('pending-admin-provision', () => {
  test('should fail ADMIN and "Org Admin" provisions and pass a collaborator', () => {
    const legacy = provision({ role: 'ADMIN' });
    const named = provision({ role: 'Org Admin', rolePublicId: 'r-1' });
    const collaborator = provision({ role: 'COLLABORATOR' });
    const run = evaluate([legacy, named, collaborator]);
    expect(subjects(run, 'pending-admin-provision')).toEqual([idOf(legacy), idOf(named)].sort());
  });

  test('should be unknown for a bare rolePublicId unless the policy lists admin role ids', () => {
    const custom = provision({ role: undefined, rolePublicId: 'custom-admin' });
    const other = provision({ role: undefined, rolePublicId: 'custom-dev' });
    expect(evaluate([custom, other]).of('pending-admin-provision').map((f) => f.outcome)).toEqual(['unknown', 'unknown']);
    const policy = parsePolicy('adminRolePublicIds: [custom-admin]\n', 'p.yaml');
    const run = evaluate([custom, other], { policy });
    expect(subjects(run, 'pending-admin-provision')).toEqual([idOf(custom)]);
    expect(subjects(run, 'pending-admin-provision', 'unknown')).toEqual([]);
  });
});

describe('external-domain', () => {
  test('should be skipped when the policy sets no allowed domains', () => {
    const run = evaluate([user({ email: 'x@gmail.com' })]);
    expect(run.outcome('external-domain')).toBe('skipped');
    expect(run.rules.find((r) => r.id === 'external-domain')?.limits?.[0]).toMatch(/not configured/);
  });

  test('should fail addresses outside the allowed domains across users, members and provisions', () => {
    const policy = parsePolicy('allowedDomains: [example.com]\n', 'p.yaml');
    const outsider = user({ email: 'eve@gmail.com' });
    const sub = user({ email: 'dev@eu.example.com' });
    const lookalike = user({ email: 'mallory@badexample.com' });
    const apiUser = user({ is_apiuser: true, email: '' });
    const m1 = member({ userId: 'u-ext', email: 'con@partner.io' });
    const m1again = member({ userId: 'u-ext', email: 'con@partner.io', orgId: 'other-org' });
    const inside = member({ email: 'ok@example.com' });
    const p = provision({ email: 'new@partner.io' });
    const run = evaluate([outsider, sub, lookalike, apiUser, m1, m1again, inside, p], { policy });
    expect(subjects(run, 'external-domain')).toEqual([idOf(outsider), idOf(lookalike), 'u-ext', 'new@partner.io'].sort());
    expect(run.outcome('external-domain')).toBe('fail');
  });
});

describe('snyk-member-inactive', () => {
  test('should fail a member whose user_id-filtered audit-log search found nothing in 90 days and pass an active one', () => {
    const idle = member({ userId: 'idle-user' });
    const busy = member({ userId: 'busy-user' });
    const run = evaluate([event('busy-user', daysAgo(10)), searched('busy-user', 'found'), searched('idle-user'), idle, busy]);
    expect(subjects(run, 'snyk-member-inactive')).toEqual(['idle-user']);
    const f = run.of('snyk-member-inactive')[0];
    expect(f?.evidence.source).toBe('GET /rest/orgs/{org_id}/audit_logs/search');
    expect(f?.evidence.fields).toMatchObject({ userSearch: 'none', lastActivity: null });
    expect(f?.message).toMatch(/user_id/);
    expect(run.rules.find((r) => r.id === 'snyk-member-inactive')?.limits?.join(' ')).toMatch(/90 days/);
  });

  test('should be unknown, never fail, for a member whose audit logs were not searched or whose search failed', () => {
    const run = evaluate([searched('broken', 'failed', 'GET … answered 500'), member({ userId: 'unsearched' }), member({ userId: 'broken' })]);
    expect(subjects(run, 'snyk-member-inactive', 'fail')).toEqual([]);
    expect(subjects(run, 'snyk-member-inactive', 'unknown')).toEqual(['broken', 'unsearched']);
    expect(run.of('snyk-member-inactive').find((f) => f.subject.id === 'broken')?.message).toMatch(/could not be read \(GET … answered 500\)/);
    expect(run.of('snyk-member-inactive').find((f) => f.subject.id === 'unsearched')?.message).toMatch(/not searched/);
  });

  test('should pass a member whose membership is younger than the threshold', () => {
    const run = evaluate([searched('newcomer'), member({ userId: 'newcomer', createdAt: daysAgo(5) })]);
    expect(run.of('snyk-member-inactive')).toEqual([]);
  });

  test('should give one finding for a member of several orgs', () => {
    const run = evaluate([searched('twice'), member({ userId: 'twice' }), member({ userId: 'twice', orgId: 'org-2' })]);
    expect(subjects(run, 'snyk-member-inactive')).toEqual(['twice']);
  });

  test('should be unknown above 90 days without a last-seen state covering the window', () => {
    const policy = parsePolicy('thresholds: { memberInactiveDays: 120 }\n', 'p.yaml');
    const run = evaluate([searched('quiet'), event('seen', daysAgo(30)), searched('seen', 'found'), member({ userId: 'quiet' }), member({ userId: 'seen' })], { policy });
    expect(subjects(run, 'snyk-member-inactive', 'unknown')).toEqual(['quiet']);
    expect(subjects(run, 'snyk-member-inactive', 'fail')).toEqual([]);
    expect(run.rules.find((r) => r.id === 'snyk-member-inactive')?.limits?.join(' ')).toMatch(/exceeds the audit-log retention/);
  });

  test('should be unknown for the rule, without per-member findings, when the audit logs cannot be read', () => {
    const run = evaluate([member({ userId: 'm' })], { status: { 'audit-activity': 'unavailable' } });
    expect(run.outcome('snyk-member-inactive')).toBe('unknown');
    expect(run.of('snyk-member-inactive')).toEqual([]);
  });

  test('should judge each member on its own search when some searches failed', () => {
    const run = evaluate([searched('m', 'failed'), member({ userId: 'm' }), event('a', daysAgo(1)), searched('a', 'found'), member({ userId: 'a' }), searched('z'), member({ userId: 'z' })], { status: { 'audit-activity': 'partial' } });
    expect(subjects(run, 'snyk-member-inactive', 'unknown')).toEqual(['m']);
    expect(subjects(run, 'snyk-member-inactive', 'fail')).toEqual(['z']);
  });
});

describe('too-many-billing-admins', () => {
  test('should give one account finding above the limit and pass at the limit', () => {
    const four = [1, 2, 3, 4].map(() => user({ is_billing_admin: true }));
    const run = evaluate([...four, user(), user({ is_billing_admin: true, active: false })]);
    expect(run.of('too-many-billing-admins')).toHaveLength(1);
    expect(run.of('too-many-billing-admins')[0]).toMatchObject({ outcome: 'fail', subject: { kind: 'account' }, evidence: { fields: { billingAdmins: 4, maxBillingAdmins: 3 } } });
    expect(evaluate(four.slice(0, 3)).outcome('too-many-billing-admins')).toBe('pass');
  });

  test('should be unknown when unreadable users could push the count over the limit', () => {
    const run = evaluate([...[1, 2, 3].map(() => user({ is_billing_admin: true })), user({ is_billing_admin: 'yes' })]);
    expect(run.of('too-many-billing-admins').map((f) => f.outcome)).toEqual(['unknown']);
  });
});
