/**
 * The error every report writer throws: a stable `code` for callers (src/run maps it to an exit code) and the
 * original `cause`.
 */
export type ReportErrorCode =
  /** results.json would not validate against schemas/results.schema.json. */
  | 'ERR_RESULTS_INVALID'
  /** One or more report files could not be rendered or written. */
  | 'ERR_REPORT_WRITE';

export class ReportError extends Error {
  readonly code: ReportErrorCode;
  /** Extra data for the caller (e.g. the schema errors, the files that were written). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ReportErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReportError';
    this.code = code;
    this.details = options.details ?? {};
  }
}
