/**
 * Errors of the audit layer, on the project's StcError (stable `code`, `cause`; src/model/errors.ts).
 * Policy, state and previous-results problems are user errors: the CLI exits 2 on them.
 */
import { StcError } from '../model/errors.ts';

export type AuditErrorCode =
  | 'POLICY_INVALID'
  | 'POLICY_UNREADABLE'
  | 'STATE_INVALID'
  | 'STATE_UNREADABLE'
  | 'PREVIOUS_UNREADABLE'
  | 'PREVIOUS_INVALID';

export class AuditError extends StcError {
  declare readonly code: AuditErrorCode;

  constructor(code: AuditErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'AuditError';
  }
}
