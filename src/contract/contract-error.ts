/** Errors of the contract layer: a stable `code` and a `cause` (ARCHITECTURE.md). */
export type ContractErrorCode =
  | 'STC_CONTRACT_MISSING_CONFIG'
  | 'STC_CONTRACT_UNKNOWN_CHECK'
  | 'STC_CONTRACT_GENERATOR'
  | 'STC_CONTRACT_WRITE_REFUSED'
  | 'STC_CONTRACT_CLEANUP';

export class ContractError extends Error {
  readonly code: ContractErrorCode;

  constructor(code: ContractErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContractError';
    this.code = code;
  }
}
