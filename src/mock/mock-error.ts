/**
 * The mock tenant's error type: a stable `code` and an optional `cause` (ARCHITECTURE.md, "Errors carry a
 * stable code and a cause"). Thrown only for misuse (unknown drift, invalid option); HTTP-level problems are
 * answered as documented error responses, never thrown.
 */
export type MockErrorCode = 'MOCK_INVALID_OPTION' | 'MOCK_UNKNOWN_DRIFT' | 'MOCK_LISTEN_FAILED' | 'MOCK_CLOSED';

export class MockError extends Error {
  readonly code: MockErrorCode;

  constructor(code: MockErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MockError';
    this.code = code;
  }
}
