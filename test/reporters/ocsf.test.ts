import { describe, expect, it } from 'vitest';
import { ocsfChunks, ocsfEvents, OCSF_VERSION, type OcsfEvent } from '../../reporters/ocsf.ts';
import { emptyResults, normalResults } from './results-builder.ts';
import { validateOcsf } from './external-schemas.ts';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const lines = (text: string): Any[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Any);

describe('OCSF export (findings.ocsf.jsonl)', () => {
  const results = normalResults();
  const events = lines([...ocsfChunks(results)].join(''));

  it('should write one event per line: a Detection Finding per failed check, a Compliance Finding per current and resolved finding', () => {
    const failedChecks = results.checks.filter((c) => c.outcome === 'failed').length;
    const resolved = results.diff?.resolvedFindings?.length ?? 0;
    expect(events).toHaveLength(failedChecks + results.findings.length + resolved);
    expect(events.filter((e) => e.class_uid === 2004)).toHaveLength(failedChecks);
    expect(events.filter((e) => e.class_uid === 2003)).toHaveLength(results.findings.length + resolved);
  });

  it('should validate every event against the OCSF 1.6.0 schema of its class', () => {
    for (const e of events) expect(validateOcsf(e), JSON.stringify(e).slice(0, 300)).toEqual({ valid: true, errors: [] });
    expect(new Set(events.map((e) => e.metadata.version))).toEqual(new Set([OCSF_VERSION]));
  });

  it('should carry severity, status, the controls, the subject, the evidence and first/last seen of a finding', () => {
    const finding = results.findings.find((f) => f.ruleId === 'mfa-disabled' && f.firstSeen !== undefined && f.outcome === 'fail');
    const e = events.find((x) => x.finding_info.uid === finding?.fingerprint) ?? events.find((x) => x.resources?.[0]?.uid === finding?.subject.id);
    expect(finding).toBeDefined();
    expect(e).toBeDefined();
    expect(e?.severity_id).toBe(4);
    expect(e?.severity).toBe('High');
    expect(e?.type_uid).toBe(200301);
    expect(e?.status).toBe('New');
    expect(e?.compliance.status).toBe('Fail');
    expect(e?.compliance.control).toBe('mfa-disabled');
    expect(e?.compliance.standards).toContain('NIST SP 800-53 r5');
    expect(e?.compliance.requirements).toContain('NIST SP 800-53 r5 IA-2(2)');
    expect(e?.evidences[0].user).toMatchObject({ uid: finding?.subject.id, email_addr: finding?.subject.email });
    expect(e?.evidences[0].data).toEqual({ source: finding?.evidence.source, fetchedAt: finding?.evidence.fetchedAt, fields: finding?.evidence.fields });
    expect(e?.finding_info.first_seen_time).toBe(Date.parse(finding?.firstSeen as string));
    expect(e?.finding_info.last_seen_time).toBe(Date.parse(finding?.evidence.fetchedAt as string));
    expect(e?.time).toBe(e?.finding_info.last_seen_time);
  });

  it('should mark an exempt finding Suppressed, an unknown one a compliance Warning and a resolved one Closed and Resolved', () => {
    expect(events.find((e) => e.status_code === 'exempt')).toMatchObject({ status: 'Suppressed', compliance: { status: 'Fail' }, unmapped: { exemption: { kind: 'break-glass' } } });
    expect(events.find((e) => e.status_code === 'unknown')).toMatchObject({ status: 'New', compliance: { status_id: 2, status: 'Warning' } });
    expect(events.find((e) => e.activity_name === 'Close')).toMatchObject({ status_id: 4, status: 'Resolved', type_uid: 200303, resources: [{ uid: 'u999' }] });
    const closed = events.find((e) => e.activity_name === 'Close') as Any;
    expect(closed.time).toBe(Date.parse(results.run.startedAt));
    expect(closed.finding_info.last_seen_time).toBe(Date.parse('2025-02-28T02:00:05.000Z'));
  });

  it('should give a failed contract check its operation, message and redacted exchange as evidence', () => {
    const e = events.find((x) => x.class_uid === 2004) as Any;
    expect(e.finding_info.title).toBe('Response conforms to the documented schema');
    expect(e.evidences[0].data.operation).toBe('GET /users/');
    expect(e.evidences[0].data.exchange.requestHeaders.authorization).toBe('[REDACTED]');
    expect(e.severity_id).toBe(0);
  });

  it('should give the same finding the same uid in two runs and a different event uid', () => {
    const again = normalResults();
    again.run.id = 'run-next';
    const next = [...ocsfEvents(again)] as OcsfEvent[];
    expect(next.map((e) => (e.finding_info as Any).uid)).toEqual(events.map((e) => e.finding_info.uid));
    expect(next.map((e) => (e.metadata as Any).uid)).not.toEqual(events.map((e) => e.metadata.uid));
  });

  it('should write nothing for a run without findings or failed checks', () => {
    expect([...ocsfChunks(emptyResults())].join('')).toBe('');
  });
});
