/**
 * The run-to-run diff (new / persisting / resolved / exemption-expired) and what --fail-on selects.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodePreviousResults, diffFindings, readPreviousResults } from '../../src/audit/diff.ts';
import { findingsReachingFailOn } from '../../src/model/fail-on.ts';
import { fingerprint } from '../../src/audit/fingerprint.ts';
import type { Finding, Severity } from '../../src/model/results.ts';

const NOW = '2025-06-30T12:00:00.000Z';

function finding(ruleId: string, who: string, extra: Partial<Finding> = {}): Finding {
  const subject = who.includes('@') ? { kind: 'apiweb-user', email: who } : { kind: 'apiweb-user', id: who };
  return { ruleId, outcome: 'fail', severity: 'high', subject, evidence: { source: 'GET /users/', fetchedAt: NOW, fields: {} }, ...extra };
}

describe('fingerprint', () => {
  test('should be stable across runs and ignore email case', () => {
    expect(fingerprint('mfa-disabled', { kind: 'apiweb-user', email: 'Alice@Example.com' })).toBe(
      fingerprint('mfa-disabled', { kind: 'apiweb-user', email: 'alice@example.com' }),
    );
  });

  test('should differ by rule, subject kind, org and id', () => {
    const base = fingerprint('mfa-disabled', { kind: 'apiweb-user', id: 'A' });
    expect(new Set([
      base,
      fingerprint('inactive-account', { kind: 'apiweb-user', id: 'A' }),
      fingerprint('mfa-disabled', { kind: 'snyk-member', id: 'A' }),
      fingerprint('mfa-disabled', { kind: 'apiweb-user', id: 'B' }),
      fingerprint('mfa-disabled', { kind: 'apiweb-user', id: 'A', orgId: 'o' }),
    ]).size).toBe(5);
  });
});

describe('diffFindings', () => {
  test('should mark new, persisting, resolved and exemption-expired', () => {
    const previous = {
      runId: 'run-1',
      findings: [
        finding('mfa-disabled', 'persist', { firstSeen: '2025-01-01T00:00:00.000Z' }),
        finding('mfa-disabled', 'fixed'),
        finding('mfa-disabled', 'was-exempt', { outcome: 'exempt' }),
        finding('inactive-account', 'expired-now', { outcome: 'exempt' }),
        finding('mfa-disabled', 'unknown-before', { outcome: 'unknown' }),
      ],
    };
    const current = [
      finding('mfa-disabled', 'persist'),
      finding('mfa-disabled', 'brand-new'),
      finding('mfa-disabled', 'was-exempt'),
      finding('inactive-account', 'expired-now', { exemption: { reason: 'r', expires: '2025-06-01', kind: 'exemption' } }),
      finding('mfa-disabled', 'unknown-before', { outcome: 'unknown' }),
    ];
    const summary = diffFindings(current, previous, NOW);
    const status = Object.fromEntries(current.map((f) => [f.subject.id, f.status]));
    expect(status).toEqual({
      persist: 'persisting',
      'brand-new': 'new',
      'was-exempt': 'new',
      'expired-now': 'exemption-expired',
      'unknown-before': 'persisting',
    });
    expect(summary).toMatchObject({ previousRunId: 'run-1', new: 2, persisting: 1, resolved: 1, exemptionExpired: 1 });
    expect(summary.resolvedFindings?.map((f) => [f.subject.id, f.status])).toEqual([['fixed', 'resolved']]);
    expect(current[0]?.firstSeen).toBe('2025-01-01T00:00:00.000Z');
    expect(current[1]?.firstSeen).toBe(NOW);
  });

  test('should match findings of an older results.json that has no fingerprints', () => {
    const current = [finding('mfa-disabled', 'a@example.com')];
    diffFindings(current, { findings: [finding('mfa-disabled', 'A@EXAMPLE.COM')] }, NOW);
    expect(current[0]?.status).toBe('persisting');
  });

  test('should count a failure that is now exempt as resolved', () => {
    const current = [finding('mfa-disabled', 'x', { outcome: 'exempt' })];
    const summary = diffFindings(current, { findings: [finding('mfa-disabled', 'x')] }, NOW);
    expect(summary.resolved).toBe(1);
  });
});

describe('findingsReachingFailOn', () => {
  const sev = (s: Severity, extra: Partial<Finding> = {}): Finding => finding('r', `${s}-${extra.outcome ?? 'fail'}-${extra.status ?? ''}`, { severity: s, ...extra });
  const all = [sev('critical'), sev('high'), sev('medium'), sev('low'), sev('info'), sev('critical', { outcome: 'exempt' }), sev('critical', { outcome: 'unknown' })];

  test.each([
    ['critical', 1],
    ['high', 2],
    ['medium', 3],
    ['low', 4],
    ['never', 0],
  ] as const)('should select failing findings at or above %s', (level, n) => {
    expect(findingsReachingFailOn(all, level)).toHaveLength(n);
  });

  test('should select only new and exemption-expired failures for new', () => {
    const list = [sev('low', { status: 'new' }), sev('high', { status: 'persisting' }), sev('low', { status: 'exemption-expired' }), sev('high', { status: 'new', outcome: 'unknown' })];
    expect(findingsReachingFailOn(list, 'new').map((f) => f.status)).toEqual(['new', 'exemption-expired']);
  });

  test('should treat failures without a status (no --previous) as new', () => {
    expect(findingsReachingFailOn([sev('low')], 'new')).toHaveLength(1);
  });
});

describe('previous results', () => {
  test('should read findings and the run id from a results.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stc-prev-'));
    try {
      const file = join(dir, 'results.json');
      await writeFile(file, JSON.stringify({ run: { id: 'r-9' }, findings: [finding('mfa-disabled', 'a')] }));
      expect(await readPreviousResults(file)).toMatchObject({ runId: 'r-9', findings: [{ ruleId: 'mfa-disabled' }] });
      await writeFile(file, '{ nope');
      await expect(readPreviousResults(file)).rejects.toMatchObject({ code: 'PREVIOUS_INVALID' });
      await expect(readPreviousResults(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'PREVIOUS_UNREADABLE' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('should refuse a document without findings', () => {
    expect(() => decodePreviousResults({ checks: [] })).toThrow(/no findings array/);
    expect(() => decodePreviousResults({ findings: [{ ruleId: 'x' }] })).toThrow(/findings\[0\]/);
  });
});
