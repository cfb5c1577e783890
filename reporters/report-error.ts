/**
 * The error every report writer throws, on the project's StcError (stable `code`, `cause`;
 * src/model/errors.ts).
 */
import { StcError } from '../src/model/errors.ts';

export type ReportErrorCode =
  /** results.json would not validate against schemas/results.schema.json. */
  | 'REPORT_RESULTS_INVALID'
  /** One or more report files could not be rendered or written. */
  | 'REPORT_WRITE_FAILED';

export class ReportError extends StcError {
  declare readonly code: ReportErrorCode;
  /** Extra data for the caller (e.g. the schema errors, the files that were written). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ReportErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
    this.name = 'ReportError';
    this.details = options.details ?? {};
  }
}
