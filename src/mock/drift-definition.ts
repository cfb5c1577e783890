/** The shape of a catalogued drift (drifts.ts). */
import type { OperationName } from '../model/operations.ts';

export type DriftKind =
  | 'schema'
  | 'status'
  | 'content-type'
  | 'headers'
  | 'pagination'
  | 'filters'
  | 'ordering'
  | 'lifecycle'
  | 'auth'
  | 'versioning'
  | 'consistency';

export interface DriftDefinition {
  name: string;
  operation: OperationName;
  kind: DriftKind;
  description: string;
  /** Contract check ids; at least one of them fails while the drift is served. */
  expectedChecks: readonly string[];
}
