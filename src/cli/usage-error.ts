/** A mistake in how the command was called: printed as one line, exit code 2 (INTERFACE.md). */
import { StcError } from '../model/errors.ts';

export class UsageError extends StcError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}
