/**
 * The mock tenant's error type, on the project's StcError (stable `code`, `cause`; src/model/errors.ts).
 * Thrown only for misuse (unknown drift, invalid option); HTTP-level problems are answered as documented
 * error responses, never thrown.
 */
import { StcError } from '../model/errors.ts';

export type MockErrorCode = 'MOCK_INVALID_OPTION' | 'MOCK_UNKNOWN_DRIFT' | 'MOCK_LISTEN_FAILED' | 'MOCK_CLOSED';

export class MockError extends StcError {
  declare readonly code: MockErrorCode;

  constructor(code: MockErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'MockError';
  }
}
