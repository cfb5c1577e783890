/**
 * Writes the reports of one run into `outDir` (INTERFACE.md "Outputs"): junit.xml, report.html, results.json,
 * findings.csv, summary.md. Each file is rendered and written on its own and atomically, so one failing writer
 * does not cost the others: a run interrupted by SIGINT still gets every report it can, each marked partial
 * (results.run.partial) by its writer. If any format fails, the rest are still written and then a ReportError
 * ERR_REPORT_WRITE names the failures (details.written lists the files that were written).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResults } from '../src/model/results.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { renderFindingsCsv } from './csv.ts';
import { renderHtml } from './html/render-html.ts';
import { renderResultsJson } from './json.ts';
import { renderJunit } from './junit.ts';
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

const RENDERERS: Readonly<Record<ReportFormat, (results: RunResults) => string>> = {
  junit: renderJunit,
  html: (results) => renderHtml(results),
  json: renderResultsJson,
  csv: renderFindingsCsv,
  markdown: renderSummaryMarkdown,
};

export interface WriteReportsOptions {
  /** Which reports to write; all of them by default. */
  formats?: readonly ReportFormat[];
}

/** Writes the selected reports and resolves with their paths, in REPORT_FORMATS order. */
export async function writeReports(results: RunResults, outDir: string, options: WriteReportsOptions = {}): Promise<string[]> {
  const formats = REPORT_FORMATS.filter((f) => (options.formats ?? REPORT_FORMATS).includes(f));
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const failures: Array<{ format: ReportFormat; error: unknown }> = [];
  for (const format of formats) {
    const path = join(outDir, REPORT_FILES[format]);
    try {
      await writeFileAtomic(path, RENDERERS[format](results));
      written.push(path);
    } catch (error) {
      failures.push({ format, error });
    }
  }
  if (failures.length > 0) {
    const list = failures.map((f) => `${REPORT_FILES[f.format]}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join('\n');
    throw new ReportError('ERR_REPORT_WRITE', `could not write ${failures.length} report(s) to ${outDir}:\n${list}`, {
      cause: failures.length === 1 ? failures[0]?.error : new AggregateError(failures.map((f) => f.error)),
      details: { written, failed: failures.map((f) => f.format) },
    });
  }
  return written;
}
