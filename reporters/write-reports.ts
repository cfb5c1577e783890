/**
 * Writes the reports of one run into `outDir` (INTERFACE.md "Outputs"): junit.xml, report.html, results.json,
 * findings.csv, summary.md. Each file is rendered and written on its own and atomically, so one failing writer
 * does not cost the others: a run interrupted by SIGINT still gets every report it can, each marked partial
 * (results.run.partial) by its writer. If any format fails, the rest are still written and then a ReportError
 * REPORT_WRITE_FAILED names the failures (details.written lists the files that were written).
 *
 * Scale (a 100k-user tenant: ~57k findings; measured with test/reporters/measure-write.ts): the large reports
 * (junit.xml, results.json, findings.csv: tens of MB each) are streamed to their temporary file chunk by chunk,
 * so memory holds write buffers, not files; report.html (a few MB, its data gzip-compressed) and summary.md
 * (under 1 MB) are single strings. The formats are written one after the other (see writeReports).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResults } from '../src/model/results.ts';
import { writeFileAtomic, type FileContent } from './atomic-write.ts';
import { findingsCsvChunks } from './csv.ts';
import { renderHtmlAsync } from './html/render-html.ts';
import { resultsJsonChunks } from './json.ts';
import { junitChunks } from './junit.ts';
import { renderSummaryMarkdown } from './markdown.ts';
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

/** Each renderer returns the whole text or its chunks; chunks are produced lazily, as the file is written. */
const RENDERERS: Readonly<Record<ReportFormat, (results: RunResults) => FileContent | Promise<FileContent>>> = {
  junit: junitChunks,
  html: (results) => renderHtmlAsync(results),
  json: (results) => resultsJsonChunks(results),
  csv: findingsCsvChunks,
  markdown: renderSummaryMarkdown,
};

export interface WriteReportsOptions {
  /** Which reports to write; all of them by default. */
  formats?: readonly ReportFormat[];
  /** Called after each report is written (the run releases memory there). */
  afterEach?: (format: ReportFormat) => void;
}

/** Writes the selected reports and resolves with their paths, in REPORT_FORMATS order. */
export async function writeReports(results: RunResults, outDir: string, options: WriteReportsOptions = {}): Promise<string[]> {
  const formats = REPORT_FORMATS.filter((f) => (options.formats ?? REPORT_FORMATS).includes(f));
  await mkdir(outDir, { recursive: true });
  // One format after the other: their renderers' garbage never overlaps, which keeps the peak memory of a
  // 100k-user run under its budget (docs/benchmarks.md); together they took no less time.
  const outcomes: PromiseSettledResult<string>[] = [];
  for (const format of formats) {
    const path = join(outDir, REPORT_FILES[format]);
    try {
      await writeFileAtomic(path, await RENDERERS[format](results));
      outcomes.push({ status: 'fulfilled', value: path });
    } catch (reason) {
      outcomes.push({ status: 'rejected', reason });
    }
    options.afterEach?.(format);
  }
  const written: string[] = [];
  const failures: Array<{ format: ReportFormat; error: unknown }> = [];
  outcomes.forEach((outcome, i) => {
    const format = formats[i] as ReportFormat;
    if (outcome.status === 'fulfilled') written.push(outcome.value);
    else failures.push({ format, error: outcome.reason });
  });
  if (failures.length > 0) {
    const list = failures.map((f) => `${REPORT_FILES[f.format]}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join('\n');
    throw new ReportError('REPORT_WRITE_FAILED', `could not write ${failures.length} report(s) to ${outDir}:\n${list}`, {
      cause: failures.length === 1 ? failures[0]?.error : new AggregateError(failures.map((f) => f.error)),
      details: { written, failed: failures.map((f) => f.format) },
    });
  }
  return written;
}
