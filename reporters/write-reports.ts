/**
 * Writes the reports of one run into `outDir` (INTERFACE.md "Outputs"): junit.xml, report.html, results.json,
 * findings.csv, summary.md; the exports asked for with `--format` (ocsf: findings.ocsf.jsonl, oscal:
 * assessment-results.oscal.json); and last manifest.json, the SHA-256 and size of every file written before it.
 * Each file is rendered and written on its own and atomically, so one failing writer does not cost the others:
 * a run interrupted by SIGINT still gets every report it can, each marked partial (results.run.partial) by its
 * writer. If any format fails, the rest are still written (the manifest lists those) and then a ReportError
 * REPORT_WRITE_FAILED names the failures (details.written lists the files that were written).
 *
 * Scale (a 100k-user tenant: ~57k findings; measured with test/reporters/measure-write.ts): the large reports
 * (junit.xml, results.json, findings.csv, the exports: tens of MB each) are streamed to their temporary file
 * chunk by chunk, so memory holds write buffers, not files; report.html (a few MB, its data gzip-compressed) and
 * summary.md (under 1 MB) are single strings. The formats are written one after the other (see writeReports).
 */
import { EXPORT_FORMATS, type ExportFormat } from '../src/model/report-formats.ts';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResults } from '../src/model/results.ts';
import { writeFileAtomic, type FileContent } from './atomic-write.ts';
import { findingsCsvChunks } from './csv.ts';
import { renderHtmlAsync } from './html/render-html.ts';
import { resultsJsonChunks } from './json.ts';
import { junitChunks } from './junit.ts';
import { buildManifest, MANIFEST_FILE, renderManifest, type ManifestEntry } from './manifest.ts';
import { renderSummaryMarkdown } from './markdown.ts';
import { OCSF_FILE, ocsfChunks } from './ocsf.ts';
import { OSCAL_FILE, oscalChunks } from './oscal.ts';
import { ReportError } from './report-error.ts';

export const REPORT_FORMATS = ['junit', 'html', 'json', 'csv', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILES: Readonly<Record<ReportFormat, string>> = {
  junit: 'junit.xml',
  html: 'report.html',
  json: 'results.json',
  csv: 'findings.csv',
  markdown: 'summary.md',
};

/** The extra outputs `--format` adds (none by default). */

export const EXPORT_FILES: Readonly<Record<ExportFormat, string>> = {
  ocsf: OCSF_FILE,
  oscal: OSCAL_FILE,
};

type OutputFormat = ReportFormat | ExportFormat;

/** Each renderer returns the whole text or its chunks; chunks are produced lazily, as the file is written. */
const RENDERERS: Readonly<Record<OutputFormat, (results: RunResults) => FileContent | Promise<FileContent>>> = {
  junit: junitChunks,
  html: (results) => renderHtmlAsync(results),
  json: (results) => resultsJsonChunks(results),
  csv: findingsCsvChunks,
  markdown: renderSummaryMarkdown,
  ocsf: ocsfChunks,
  oscal: (results) => oscalChunks(results),
};

const OUTPUT_FILES: Readonly<Record<OutputFormat, string>> = { ...REPORT_FILES, ...EXPORT_FILES };

export interface WriteReportsOptions {
  /** Which reports to write; all of them by default. */
  formats?: readonly ReportFormat[];
  /** The extra outputs to write after the reports (`--format ocsf,oscal`); none by default. */
  exports?: readonly ExportFormat[];
  /** Called after each report is written (the run releases memory there). */
  afterEach?: (format: OutputFormat) => void;
}

/**
 * Writes the selected reports, then the exports, then manifest.json, and resolves with their paths in that order
 * (reports in REPORT_FORMATS order, exports in EXPORT_FORMATS order, the manifest last).
 */
export async function writeReports(results: RunResults, outDir: string, options: WriteReportsOptions = {}): Promise<string[]> {
  const formats: OutputFormat[] = [
    ...REPORT_FORMATS.filter((f) => (options.formats ?? REPORT_FORMATS).includes(f)),
    ...EXPORT_FORMATS.filter((f) => (options.exports ?? []).includes(f)),
  ];
  await mkdir(outDir, { recursive: true });
  // One format after the other: their renderers' garbage never overlaps, which keeps the peak memory of a
  // 100k-user run under its budget (docs/benchmarks.md); together they took no less time.
  const written: string[] = [];
  const entries: ManifestEntry[] = [];
  const failures: Array<{ file: string; format: OutputFormat | 'manifest'; error: unknown }> = [];
  for (const format of formats) {
    const file = OUTPUT_FILES[format];
    const path = join(outDir, file);
    try {
      const hash = createHash('sha256');
      const bytes = await writeFileAtomic(path, await RENDERERS[format](results), { hash });
      written.push(path);
      entries.push({ path: file, bytes, sha256: hash.digest('hex') });
    } catch (error) {
      failures.push({ file, format, error });
    }
    options.afterEach?.(format);
  }
  // Last, so it lists only files that are complete on disk; a reader sees the old manifest or the new one.
  const manifestPath = join(outDir, MANIFEST_FILE);
  try {
    await writeFileAtomic(manifestPath, renderManifest(buildManifest(results, entries)));
    written.push(manifestPath);
  } catch (error) {
    failures.push({ file: MANIFEST_FILE, format: 'manifest', error });
  }
  if (failures.length > 0) {
    const list = failures.map((f) => `${f.file}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join('\n');
    throw new ReportError('REPORT_WRITE_FAILED', `could not write ${failures.length} report(s) to ${outDir}:\n${list}`, {
      cause: failures.length === 1 ? failures[0]?.error : new AggregateError(failures.map((f) => f.error)),
      details: { written, failed: failures.map((f) => f.format) },
    });
  }
  return written;
}
