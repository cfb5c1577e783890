import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/model/results.ts';
import { schemas } from '../../src/schema/registry.ts';
import { RESULTS_SCHEMA_ID, renderResultsJson } from '../../reporters/json.ts';
import { ReportError } from '../../reporters/report-error.ts';
import { emptyResults, hostileResults, normalResults } from './results-builder.ts';

describe('renderResultsJson', () => {
  it('should write results that validate against schemas/results.schema.json and parse back unchanged', () => {
    for (const results of [normalResults(), emptyResults(), hostileResults()]) {
      const text = renderResultsJson(results);
      const parsed = JSON.parse(text) as unknown;
      const verdict = schemas().validate(RESULTS_SCHEMA_ID, parsed);
      expect(verdict.errors).toEqual([]);
      expect(parsed).toEqual(results);
    }
  });

  it('should write hostile strings, lone surrogates included, as well-formed UTF-8 JSON', () => {
    const text = renderResultsJson(hostileResults());
    expect(text).toContain('\\ud800'); // escaped, not a raw lone surrogate
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });

  it('should refuse invalid results with ERR_RESULTS_INVALID and the offending paths', () => {
    const bad = normalResults() as unknown as { findings: Array<Record<string, unknown>>; run: Record<string, unknown> };
    bad.findings[0] = { ...bad.findings[0], severity: 'catastrophic' };
    delete bad.run.partial;
    let error: unknown;
    try {
      renderResultsJson(bad as unknown as RunResults);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportError);
    const re = error as ReportError;
    expect(re.code).toBe('ERR_RESULTS_INVALID');
    expect(re.message).toContain('/findings/0/severity');
    expect(re.message).toContain("must have required property 'partial'");
  });
});
