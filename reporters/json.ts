/**
 * results.json: the RunResults model serialised as-is, after validating it against the versioned
 * schemas/results.schema.json. An invalid model is a bug upstream: it is refused loudly (ReportError
 * ERR_RESULTS_INVALID with the schema errors as data), never written as a file that claims to follow the schema.
 */
import type { RunResults } from '../src/model/results.ts';
import { formatSchemaErrors, schemas } from '../src/schema/registry.ts';
import { ReportError } from './report-error.ts';

export const RESULTS_SCHEMA_ID = 'https://snyk-tenant-check.dev/schemas/results.schema.json';

/** Validates and serialises; throws ReportError('ERR_RESULTS_INVALID') when the model breaks the schema. */
export function renderResultsJson(results: RunResults): string {
  const { valid, errors } = schemas().validate(RESULTS_SCHEMA_ID, results);
  if (!valid) {
    throw new ReportError('ERR_RESULTS_INVALID', `results.json would not be valid against ${RESULTS_SCHEMA_ID}:\n${formatSchemaErrors(errors)}`, {
      details: { errors },
    });
  }
  // JSON.stringify writes lone surrogates as \uXXXX escapes (ES2019), so the file is always valid UTF-8.
  return `${JSON.stringify(results, null, 2)}\n`;
}
