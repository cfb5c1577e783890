/**
 * The acceptance of issue 15 for the exports: the OCSF and OSCAL outputs of a 100k-user run (≈57k findings, as
 * the seeded mock produces; test/reporters/results-builder.ts largeResults) validate against their schemas. Not a
 * timed test: the time is measured by test/reporters/measure-write.ts (docs/benchmarks.md); the limits below only
 * give a loaded machine room to build and validate 57k findings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ocsfChunks } from '../../reporters/ocsf.ts';
import { oscalChunks } from '../../reporters/oscal.ts';
import type { RunResults } from '../../src/model/results.ts';
import { largeResults, withoutRuleCopies } from './results-builder.ts';
import { validateOcsf, validateOscal } from './external-schemas.ts';

const SEED = 20250301;

describe(`exports of a 100k-user run (57k findings, seed ${SEED})`, () => {
  let large: RunResults;
  beforeAll(() => {
    large = withoutRuleCopies(largeResults({ seed: SEED, findings: 57_000 }));
  }, 180_000);

  it('should write a valid OCSF event for every finding and failed check', () => {
    let count = 0;
    for (const line of ocsfChunks(large)) {
      const verdict = validateOcsf(JSON.parse(line) as { class_uid?: unknown });
      if (!verdict.valid) expect(verdict, line.slice(0, 300)).toEqual({ valid: true, errors: [] });
      count++;
    }
    expect(count).toBe(large.findings.length + large.checks.filter((c) => c.outcome === 'failed').length + (large.diff?.resolvedFindings?.length ?? 0));
  }, 180_000);

  it('should write an OSCAL document that validates, with an observation per finding', () => {
    const doc = JSON.parse([...oscalChunks(large)].join('')) as { 'assessment-results': { results: Array<{ observations: unknown[] }> } };
    expect(validateOscal(doc)).toEqual({ valid: true, errors: [] });
    expect(doc['assessment-results'].results[0]?.observations).toHaveLength(large.findings.length);
  }, 180_000);
});
