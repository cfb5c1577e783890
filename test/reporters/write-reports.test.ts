import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/model/results.ts';
import { schemas } from '../../src/schema/registry.ts';
import { renderFindingsCsv } from '../../reporters/csv.ts';
import { renderHtml } from '../../reporters/html/render-html.ts';
import { RESULTS_SCHEMA_ID } from '../../reporters/json.ts';
import { renderJunit } from '../../reporters/junit.ts';
import { ReportError } from '../../reporters/report-error.ts';
import { REPORT_FILES, writeReports } from '../../reporters/write-reports.ts';
import { largeResults, normalResults, withoutRuleCopies } from './results-builder.ts';
import { validateXml } from '../support/libxml2.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'stc-reports-'));

describe('writeReports', () => {
  it('should write all five reports and their manifest and leave no temporary file behind', async () => {
    const dir = join(tmp(), 'nested', 'out');
    const results = normalResults();
    const paths = await writeReports(results, dir);
    expect(paths).toEqual(['junit.xml', 'report.html', 'results.json', 'findings.csv', 'summary.md', 'manifest.json'].map((f) => join(dir, f)));
    expect(readdirSync(dir).sort()).toEqual(['findings.csv', 'junit.xml', 'manifest.json', 'report.html', 'results.json', 'summary.md']);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toBe(renderJunit(results));
    expect(readFileSync(join(dir, 'findings.csv'), 'utf8')).toBe(renderFindingsCsv(results));
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))).toEqual(results);
  });

  it('should write only the formats asked for and replace an existing file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'summary.md'), 'old');
    const paths = await writeReports(normalResults(), dir, { formats: ['markdown', 'csv'] });
    expect(paths).toEqual([join(dir, 'findings.csv'), join(dir, 'summary.md'), join(dir, 'manifest.json')]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^# /);
    expect(readdirSync(dir).sort()).toEqual(['findings.csv', 'manifest.json', 'summary.md']);
  });

  it('should show a partial run in every format', async () => {
    const dir = tmp();
    const results = normalResults();
    results.run.partial = true;
    results.run.partialReason = 'interrupted by SIGINT';
    await writeReports(results, dir);
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    expect(read(REPORT_FILES.junit)).toContain('name="snyk-tenant-check (partial run)"');
    expect(read(REPORT_FILES.html)).toContain('<title>snyk-tenant-check report (partial run)</title>');
    expect(read(REPORT_FILES.html)).toContain('"partial":true');
    expect(JSON.parse(read(REPORT_FILES.json)).run.partial).toBe(true);
    expect(read(REPORT_FILES.csv).split('\r\n')[1]?.split(',')[1]).toBe('true');
    expect(read(REPORT_FILES.markdown)).toContain('**Partial run**: interrupted by SIGINT');
  });

  it('should still write the other reports when one cannot be rendered, keep the old file, and fail loudly', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'results.json'), '{"old":true}');
    const bad = normalResults() as unknown as { run: Record<string, unknown> };
    bad.run.tenant = 'nowhere';
    let error: unknown;
    try {
      await writeReports(bad as unknown as RunResults, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).code).toBe('REPORT_WRITE_FAILED');
    expect((error as ReportError).details.failed).toEqual(['json']);
    // the four other reports and the manifest, which lists only those four
    expect((error as ReportError).details.written).toHaveLength(5);
    expect((JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ path: string }> }).files.map((f) => f.path)).not.toContain('results.json');
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('{"old":true}');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('should reject with REPORT_WRITE_FAILED when the directory cannot be written', async () => {
    const file = join(tmp(), 'not-a-dir');
    writeFileSync(file, '');
    await expect(writeReports(normalResults(), file, { formats: ['markdown'] })).rejects.toMatchObject({ code: expect.stringMatching(/^(REPORT_WRITE_FAILED|EEXIST|ENOTDIR)$/) });
  });

  it('should stream a large run without controls or titles on its findings into valid reports', async () => {
    const seed = 20250301;
    console.log(`large fixture seed: ${seed}`);
    const results = withoutRuleCopies(largeResults({ seed, findings: 12_000 }));
    expect(results.findings.every((f) => f.controls === undefined && f.title === undefined)).toBe(true);
    const dir = tmp();
    await writeReports(results, dir);
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    expect(readdirSync(dir).sort()).toEqual(['findings.csv', 'junit.xml', 'manifest.json', 'report.html', 'results.json', 'summary.md']);
    // Compact above the pretty threshold, valid, and the same results.
    const json = read(REPORT_FILES.json);
    expect(json.startsWith('{"schemaVersion":')).toBe(true);
    const parsed = JSON.parse(json) as unknown;
    expect(schemas().validate(RESULTS_SCHEMA_ID, parsed).errors).toEqual([]);
    expect(parsed).toEqual(results);
    expect(read(REPORT_FILES.junit)).toBe(renderJunit(results));
    expect(validateXml(join(dir, REPORT_FILES.junit))).toEqual({ ok: true, errors: [] });
    expect(read(REPORT_FILES.csv)).toBe(renderFindingsCsv(results));
    expect(read(REPORT_FILES.html)).toBe(renderHtml(results));
    // Every row has its rule's controls, taken from rules[].
    const rowsWithoutControls = read(REPORT_FILES.csv).split('\r\n').slice(1, -1).filter((row) => !row.includes('CIS Controls v8') && !row.includes('SOC 2') && !row.includes('ISO/IEC'));
    expect(rowsWithoutControls).toEqual([]);
  });
});

