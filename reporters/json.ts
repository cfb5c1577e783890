/**
 * results.json: the RunResults model serialised as-is, valid against the versioned schemas/results.schema.json.
 * An invalid model is a bug upstream: it is refused loudly (ReportError REPORT_RESULTS_INVALID with the schema
 * errors as data), never written as a file that claims to follow the schema.
 *
 * Scale (a 100k-user tenant has ~57k findings):
 * - Streamed: the top-level fields are written one by one and the findings (and the diff's resolved findings)
 *   one per chunk (json-chunks.ts), so the text never exists as one string.
 * - Validated without a second copy and in one pass: the envelope (everything but the finding lists) against
 *   the whole schema before anything is written, then every finding against the schema's compiled
 *   `#/$defs/Finding` validator as it is streamed. Nothing is sampled: the first invalid finding stops the
 *   output (the writer drops the temporary file, the old results.json stays), every finding is then checked to
 *   list the errors (up to MAX_REPORTED_ERRORS) with their full paths (`/findings/123/severity`).
 * - Indented (2 spaces) only below PRETTY_MAX_FINDINGS findings (a few MB): a file that small is read by people
 *   (an editor, a diff in review), where indentation helps. Above it the file is read by tools (jq, --previous,
 *   the bench), and indentation is pure weight: each finding spans ~25 indented lines, so 57k findings take
 *   40 MB indented against 28 MB compact, all of it encoded, written and parsed again by every reader.
 */
import type { Finding, RunResults } from '../src/model/results.ts';
import { formatSchemaErrors, schemas, toSchemaErrors, type SchemaError } from '../src/schema/registry.ts';
import { jsonChunks } from './json-chunks.ts';
import { ReportError } from './report-error.ts';

export const RESULTS_SCHEMA_ID = 'https://snyk-tenant-check.dev/schemas/results.schema.json';
const FINDING_SCHEMA_ID = `${RESULTS_SCHEMA_ID}#/$defs/Finding`;

/** Below this many findings (current + resolved) results.json is indented; at or above it, compact. */
export const PRETTY_MAX_FINDINGS = 2_000;
/** How many schema errors an REPORT_RESULTS_INVALID carries at most (the first ones, in document order). */
export const MAX_REPORTED_ERRORS = 50;

/** The finding lists streamed item by item, as JSON Pointers. */
const STREAMED = ['/findings', '/diff/resolvedFindings'] as const;

export interface ResultsJsonOptions {
  /** Indent with 2 spaces; by default only below PRETTY_MAX_FINDINGS findings. */
  pretty?: boolean;
}

function findingLists(results: RunResults): Array<{ pointer: string; items: readonly unknown[] }> {
  const lists: Array<{ pointer: string; items: readonly unknown[] }> = [];
  if (Array.isArray(results.findings)) lists.push({ pointer: '/findings', items: results.findings });
  const resolved = (results.diff as { resolvedFindings?: unknown } | undefined)?.resolvedFindings;
  if (Array.isArray(resolved)) lists.push({ pointer: '/diff/resolvedFindings', items: resolved });
  return lists;
}

/** True when results.json of these results is indented (see PRETTY_MAX_FINDINGS). */
export function isPrettyResults(results: RunResults): boolean {
  return findingLists(results).reduce((n, list) => n + list.items.length, 0) < PRETTY_MAX_FINDINGS;
}

/** The results with the finding lists emptied: a shallow copy, the findings are validated one by one. */
function envelopeOf(results: RunResults): RunResults {
  const envelope: RunResults = { ...results };
  if (Array.isArray(results.findings)) envelope.findings = [];
  if (results.diff && Array.isArray(results.diff.resolvedFindings)) envelope.diff = { ...results.diff, resolvedFindings: [] };
  return envelope;
}

/** Schema errors of every finding (up to `max`), with paths into the whole document. */
function findingErrors(results: RunResults, max: number): SchemaError[] {
  const validate = schemas().validator(FINDING_SCHEMA_ID);
  const errors: SchemaError[] = [];
  for (const { pointer, items } of findingLists(results)) {
    for (let i = 0; i < items.length && errors.length < max; i++) {
      if (validate(items[i])) continue;
      for (const e of toSchemaErrors(validate.errors)) {
        errors.push({ ...e, instancePath: `${pointer}/${i}${e.instancePath}`, schemaPath: e.schemaPath.replace(/^#/, '#/$defs/Finding') });
      }
    }
  }
  return errors.slice(0, max);
}

function invalid(errors: readonly SchemaError[]): ReportError {
  return new ReportError('REPORT_RESULTS_INVALID', `results.json would not be valid against ${RESULTS_SCHEMA_ID}:\n${formatSchemaErrors(errors)}`, {
    details: { errors },
  });
}

/**
 * results.json as chunks (for writeFileAtomic). Throws ReportError('REPORT_RESULTS_INVALID') when the model breaks
 * the schema: before the first chunk for the envelope, at the first invalid finding otherwise.
 */
export function* resultsJsonChunks(results: RunResults, options: ResultsJsonOptions = {}): Generator<string> {
  const envelope = schemas().validate(RESULTS_SCHEMA_ID, envelopeOf(results));
  if (!envelope.valid) throw invalid([...envelope.errors, ...findingErrors(results, MAX_REPORTED_ERRORS)].slice(0, MAX_REPORTED_ERRORS));
  const validate = schemas().validator(FINDING_SCHEMA_ID);
  let bad = false;
  const chunks = jsonChunks(results, {
    indent: (options.pretty ?? isPrettyResults(results)) ? '  ' : '',
    stream: STREAMED,
    onItem: (_pointer, _index, item) => {
      if (!bad && !validate(item as Finding)) bad = true;
    },
  });
  for (const chunk of chunks) {
    // onItem runs before its item's chunk is produced: an invalid finding is never written.
    if (bad) throw invalid(findingErrors(results, MAX_REPORTED_ERRORS));
    yield chunk;
  }
  // JSON.stringify writes lone surrogates as \uXXXX escapes (ES2019), so the file is always valid UTF-8.
  yield '\n';
}

/** Validates and serialises to one string (small results, tests); large runs use resultsJsonChunks. */
export function renderResultsJson(results: RunResults, options: ResultsJsonOptions = {}): string {
  return [...resultsJsonChunks(results, options)].join('');
}
