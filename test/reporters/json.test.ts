import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/model/results.ts';
import { schemas } from '../../src/schema/registry.ts';
import { writeFileAtomic } from '../../reporters/atomic-write.ts';
import { PRETTY_MAX_FINDINGS, RESULTS_SCHEMA_ID, isPrettyResults, renderResultsJson, resultsJsonChunks } from '../../reporters/json.ts';
import { ReportError } from '../../reporters/report-error.ts';
import { emptyResults, hostileResults, largeResults, normalResults, withoutRuleCopies } from './results-builder.ts';

function caught(run: () => unknown): ReportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return error as ReportError;
  }
  throw new Error('expected a ReportError');
}

/** A large run with exactly `findings` current findings (largeResults rounds its rule shares). */
function withFindings(findings: number, seed: number): RunResults {
  const results = withoutRuleCopies(largeResults({ seed, findings: findings + 10 }));
  results.findings = results.findings.slice(0, findings);
  // The diff's resolved findings count towards the threshold too; this fixture has none.
  expect(results.diff?.resolvedFindings ?? []).toEqual([]);
  return results;
}

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

  it('should refuse invalid results with REPORT_RESULTS_INVALID and the offending paths', () => {
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
    expect(re.code).toBe('REPORT_RESULTS_INVALID');
    expect(re.message).toContain('/findings/0/severity');
    expect(re.message).toContain("must have required property 'partial'");
  });

  it('should stream a large run in many chunks that join into valid, compact JSON equal to the results', () => {
    const seed = 20250301;
    console.log(`large fixture seed: ${seed}`);
    const results = withoutRuleCopies(largeResults({ seed, findings: 5_000 }));
    const chunks = [...resultsJsonChunks(results)];
    expect(chunks.length).toBeGreaterThan(results.findings.length);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(10_000);
    const text = chunks.join('');
    expect(text).toBe(`${JSON.stringify(results)}\n`);
    const parsed = JSON.parse(text) as unknown;
    expect(schemas().validate(RESULTS_SCHEMA_ID, parsed).errors).toEqual([]);
    expect(parsed).toEqual(results);
  });

  it('should indent below PRETTY_MAX_FINDINGS findings and write compact JSON from there on', () => {
    const below = withFindings(PRETTY_MAX_FINDINGS - 1, 5);
    const at = withFindings(PRETTY_MAX_FINDINGS, 5);
    expect(isPrettyResults(below)).toBe(true);
    expect(isPrettyResults(at)).toBe(false);
    expect(renderResultsJson(below)).toBe(`${JSON.stringify(below, null, 2)}\n`);
    expect(renderResultsJson(at)).toBe(`${JSON.stringify(at)}\n`);
    // Resolved findings of the diff count as well.
    const withResolved = structuredClone(below);
    withResolved.diff = { new: 0, persisting: 0, resolved: 1, exemptionExpired: 0, resolvedFindings: [structuredClone(below.findings[0] as RunResults['findings'][number])] };
    expect(isPrettyResults(withResolved)).toBe(false);
    // The caller can force either.
    expect(renderResultsJson(at, { pretty: true })).toBe(`${JSON.stringify(at, null, 2)}\n`);
    expect(renderResultsJson(normalResults(), { pretty: false })).toBe(`${JSON.stringify(normalResults())}\n`);
  });

  it('should refuse an invalid finding deep in a large run with its full path, list every invalid one, and write nothing', async () => {
    const results = withoutRuleCopies(largeResults({ seed: 9, findings: 3_000 }));
    const bad = results as unknown as { findings: Array<Record<string, unknown>> };
    bad.findings[2_500] = { ...bad.findings[2_500], severity: 'catastrophic' };
    bad.findings[2_900] = { ...bad.findings[2_900], outcome: 'maybe' };
    const error = caught(() => renderResultsJson(results));
    expect(error.code).toBe('REPORT_RESULTS_INVALID');
    expect(error.message).toContain('/findings/2500/severity');
    expect(error.message).toContain('/findings/2900/outcome');
    expect((error.details.errors as Array<{ schemaPath: string }>)[0]?.schemaPath).toMatch(/^#\/\$defs\/Finding\//);

    const dir = mkdtempSync(join(tmpdir(), 'stc-json-'));
    const file = join(dir, 'results.json');
    writeFileSync(file, '{"old":true}');
    await expect(writeFileAtomic(file, resultsJsonChunks(results))).rejects.toMatchObject({ code: 'REPORT_RESULTS_INVALID' });
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('should refuse an invalid resolved finding of the diff', () => {
    const results = normalResults();
    const resolved = results.diff?.resolvedFindings?.[0] as unknown as Record<string, unknown>;
    delete resolved.subject;
    const error = caught(() => renderResultsJson(results));
    expect(error.message).toContain("/diff/resolvedFindings/0: must have required property 'subject'");
  });
});

