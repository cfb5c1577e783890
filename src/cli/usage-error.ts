/** A mistake in how the command was called: printed as one line, exit code 2 (INTERFACE.md). */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
