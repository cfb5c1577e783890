/** Errors of the contract layer, on the project's StcError (stable `code`, `cause`; src/model/errors.ts). */
import { StcError } from '../model/errors.ts';

export type ContractErrorCode =
  | 'CONTRACT_MISSING_CONFIG'
  | 'CONTRACT_UNKNOWN_CHECK'
  | 'CONTRACT_GENERATOR'
  | 'CONTRACT_WRITE_REFUSED'
  | 'CONTRACT_CLEANUP';

export class ContractError extends StcError {
  declare readonly code: ContractErrorCode;

  constructor(code: ContractErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ContractError';
  }
}
