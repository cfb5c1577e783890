import { describe, expect, it } from 'vitest';
import { oscalChunks, OSCAL_VERSION } from '../../reporters/oscal.ts';
import { oscalControlId } from '../../reporters/oscal-control-id.ts';
import { uuidV5 } from '../../reporters/uuid-v5.ts';
import { emptyResults, normalResults } from './results-builder.ts';
import { OSCAL_SCHEMA_FILE, OSCAL_SCHEMA_SHA256, sha256File, validateOscal } from './external-schemas.ts';
import type { RunResults } from '../../src/model/results.ts';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NOW = new Date('2025-03-01T03:00:00.000Z');
const render = (results: RunResults, now = NOW): string => [...oscalChunks(results, { now })].join('');
const ar = (text: string): Any => (JSON.parse(text) as Any)['assessment-results'];

describe('OSCAL export (assessment-results.oscal.json)', () => {
  const results = normalResults();
  const text = render(results);
  const doc = ar(text);
  const result = doc.results[0] as Any;

  it('should ship the NIST OSCAL 1.1.3 schema unmodified', () => {
    expect(sha256File(OSCAL_SCHEMA_FILE)).toBe(OSCAL_SCHEMA_SHA256);
  });

  it('should validate against the OSCAL 1.1.3 assessment-results schema', () => {
    expect(validateOscal(JSON.parse(text))).toEqual({ valid: true, errors: [] });
    expect(doc.metadata['oscal-version']).toBe(OSCAL_VERSION);
  });

  it('should write one observation per current finding, with its subject and evidence', () => {
    expect(result.observations).toHaveLength(results.findings.length);
    const first = result.observations[0] as Any;
    const f = results.findings[0];
    expect(first.description).toBe(f?.message);
    expect(first.methods).toEqual(['TEST']);
    expect(first.subjects[0].title).toContain(f?.subject.email);
    expect(first['relevant-evidence'][0].remarks).toContain(JSON.stringify(f?.evidence.fields));
    expect(first.collected).toBe(f?.evidence.fetchedAt);
  });

  it('should write one not-satisfied finding per control with a failing finding, related to those observations', () => {
    const failing = results.findings.filter((f) => f.outcome === 'fail');
    const rules = new Map(results.rules.map((r) => [r.id, r]));
    const failedControls = new Set(failing.flatMap((f) => (f.controls ?? rules.get(f.ruleId)?.controls ?? []).map(oscalControlId)));
    expect(new Set((result.findings as Any[]).map((x) => x.target['target-id']))).toEqual(failedControls);
    for (const x of result.findings as Any[]) expect(x.target.status.state).toBe('not-satisfied');
    const observationUuids = new Set((result.observations as Any[]).map((o) => o.uuid));
    for (const x of result.findings as Any[]) for (const r of x['related-observations']) expect(observationUuids.has(r['observation-uuid'])).toBe(true);
    // an exempt or unknown finding fails no control: its observation is related to no finding
    const exemptIndex = results.findings.findIndex((f) => f.outcome === 'exempt');
    const exemptUuid = (result.observations as Any[])[exemptIndex]?.uuid;
    expect((result.findings as Any[]).some((x) => x['related-observations'].some((r: Any) => r['observation-uuid'] === exemptUuid))).toBe(false);
  });

  it('should list every control the run\'s rules cite as reviewed', () => {
    const cited = new Set(results.rules.filter((r) => r.outcome !== 'skipped').flatMap((r) => (r.controls ?? []).map(oscalControlId)));
    const reviewed = new Set((result['reviewed-controls']['control-selections'][0]['include-controls'] as Any[]).map((c) => c['control-id']));
    for (const id of cited) expect(reviewed.has(id)).toBe(true);
  });

  it('should give the same document for the same results, except last-modified', () => {
    const later = render(normalResults(), new Date('2026-01-01T00:00:00.000Z'));
    expect(later).not.toBe(text);
    expect(later.replace(/"last-modified": ?"[^"]*"/, '')).toBe(text.replace(/"last-modified": ?"[^"]*"/, ''));
  });

  it('should turn control ids into OSCAL tokens, NIST ones as in NIST\'s own catalog', () => {
    expect(oscalControlId({ framework: 'NIST SP 800-53 Rev. 5', id: 'AC-2(3)' })).toBe('ac-2.3');
    expect(oscalControlId({ framework: 'NIST SP 800-53 Rev. 5', id: 'AC-6' })).toBe('ac-6');
    expect(oscalControlId({ framework: 'CIS Controls v8', id: '5.3' })).toBe('cis-v8-5.3');
    expect(oscalControlId({ framework: 'ISO/IEC 27001:2022', id: 'A.5.15' })).toBe('iso27001-2022-a.5.15');
    expect(oscalControlId({ framework: 'SOC 2', id: 'CC6.1' })).toBe('soc2-cc6.1');
    expect(oscalControlId({ framework: 'PCI DSS v4.0.1', id: '8.2.6' })).toBe('pci-dss-v4.0.1-8.2.6');
    expect(oscalControlId({ framework: '2024 policy', id: 'SEC 7' })).toMatch(/^x-2024-policy-sec-7$/);
  });

  it('should make name-based UUIDs as RFC 9562 version 5 does', () => {
    // The DNS namespace and www.example.com: the value Python's uuid.uuid5 gives.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('should write a valid document for a run without findings', () => {
    const empty = JSON.parse(render(emptyResults())) as Any;
    expect(validateOscal(empty)).toEqual({ valid: true, errors: [] });
  });
});
