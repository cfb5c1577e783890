/**
 * The last-seen state: merged each run, the audit-log window extended only without gaps, written atomically,
 * and used to judge inactivity beyond the audit logs' 90-day retention.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DAY_MS } from '../../src/audit/api-date.ts';
import { parsePolicy } from '../../src/audit/policy.ts';
import { decodeState, encodeState, mergeState, readState, stateKey, writeState, type LastSeenState } from '../../src/audit/state.ts';
import { daysAgo, evaluate, event, member, NOW, searched } from './helpers.ts';

const SRC = 'GET /rest/orgs/{org_id}/audit_logs/search';

describe('mergeState', () => {
  test('should keep the latest activity per identity', () => {
    const first = mergeState(undefined, { now: NOW - 10 * DAY_MS, seen: [[stateKey.snykUser('a'), { at: NOW - 20 * DAY_MS, source: SRC }]] });
    const second = mergeState(first, {
      now: NOW,
      seen: [
        [stateKey.snykUser('a'), { at: NOW - 30 * DAY_MS, source: SRC }],
        [stateKey.snykUser('b'), { at: NOW - 1 * DAY_MS, source: SRC }],
      ],
    });
    expect(second.identities.get(stateKey.snykUser('a'))?.at).toBe(NOW - 20 * DAY_MS);
    expect(second.identities.get(stateKey.snykUser('b'))?.at).toBe(NOW - DAY_MS);
  });

  test('should extend the audit-log window when runs overlap and restart it after a gap', () => {
    const run1 = mergeState(undefined, { now: NOW - 30 * DAY_MS, seen: [], auditLog: { from: NOW - 120 * DAY_MS, orgIds: ['o'] } });
    const run2 = mergeState(run1, { now: NOW, seen: [], auditLog: { from: NOW - 90 * DAY_MS, orgIds: ['o'] } });
    expect(run2.auditLog).toEqual({ since: NOW - 120 * DAY_MS, until: NOW, orgIds: ['o'] });
    const late = mergeState(run1, { now: NOW + 200 * DAY_MS, seen: [], auditLog: { from: NOW + 110 * DAY_MS, orgIds: ['o'] } });
    expect(late.auditLog?.since).toBe(NOW + 110 * DAY_MS);
    const otherOrgs = mergeState(run1, { now: NOW, seen: [], auditLog: { from: NOW - 90 * DAY_MS, orgIds: ['p'] } });
    expect(otherOrgs.auditLog?.since).toBe(NOW - 90 * DAY_MS);
  });

  test('should keep the window unchanged when this run could not read every audit log', () => {
    const run1 = mergeState(undefined, { now: NOW - DAY_MS, seen: [], auditLog: { from: NOW - 91 * DAY_MS } });
    expect(mergeState(run1, { now: NOW, seen: [] }).auditLog).toEqual(run1.auditLog);
  });

  test('should drop identities not seen for two years', () => {
    const s = mergeState(undefined, { now: NOW, seen: [[stateKey.snykUser('old'), { at: NOW - 800 * DAY_MS, source: SRC }]] });
    expect(s.identities.size).toBe(0);
  });
});

describe('state file', () => {
  test('should round-trip through the file, valid against its schema', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stc-state-'));
    try {
      const file = join(dir, 'nested', 'state.json');
      expect(await readState(file)).toBeUndefined();
      const state = mergeState(undefined, {
        now: NOW,
        seen: [[stateKey.snykUser('u-1'), { at: NOW - DAY_MS, source: SRC, event: 'org.user.add' }], [stateKey.apiwebUser('A1'), { at: NOW, source: 'GET /users/' }]],
        auditLog: { from: NOW - 90 * DAY_MS, orgIds: ['o'] },
      });
      await writeState(file, state);
      const back = await readState(file);
      expect(back).toEqual(state);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(encodeState(state));
      await writeFile(file, '{"version":2}');
      await expect(readState(file)).rejects.toMatchObject({ code: 'STATE_INVALID' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('should refuse identity keys of an unknown kind', () => {
    expect(() => decodeState({ version: 1, updatedAt: new Date(NOW).toISOString(), identities: { bob: { lastSeen: daysAgo(1), source: SRC } } })).toThrow(/not valid/);
  });
});

describe('inactivity beyond the 90-day audit-log window', () => {
  const policy = parsePolicy('thresholds: { memberInactiveDays: 180 }\n', 'p.yaml');
  const covered: LastSeenState = {
    updatedAt: NOW - DAY_MS,
    auditLog: { since: NOW - 400 * DAY_MS, until: NOW - DAY_MS },
    identities: new Map([[stateKey.snykUser('seen-150'), { at: NOW - 150 * DAY_MS, source: SRC }], [stateKey.snykUser('seen-200'), { at: NOW - 200 * DAY_MS, source: SRC }]]),
  };

  test('should judge a 180-day threshold when the state covers the window', () => {
    const searches = [searched('seen-150'), searched('seen-200'), searched('never-seen'), event('fresh', daysAgo(3)), searched('fresh', 'found')];
    const run = evaluate([...searches, member({ userId: 'seen-150' }), member({ userId: 'seen-200' }), member({ userId: 'never-seen' }), member({ userId: 'fresh' })], {
      policy,
      state: covered,
    });
    expect(run.of('snyk-member-inactive').map((f) => [f.subject.id, f.outcome]).sort()).toEqual([
      ['never-seen', 'fail'],
      ['seen-200', 'fail'],
    ]);
    const f = run.of('snyk-member-inactive').find((x) => x.subject.id === 'seen-200');
    expect(f?.evidence.fields).toMatchObject({ lastActivity: new Date(NOW - 200 * DAY_MS).toISOString(), lastActivitySource: expect.stringContaining('last-seen state') });
  });

  test('should stay unknown when the state window has a gap before this run', () => {
    const gap: LastSeenState = { ...covered, auditLog: { since: NOW - 400 * DAY_MS, until: NOW - 100 * DAY_MS } };
    const run = evaluate([searched('never-seen'), member({ userId: 'never-seen' })], { policy, state: gap });
    expect(run.of('snyk-member-inactive').map((f) => f.outcome)).toEqual(['unknown']);
  });
});
