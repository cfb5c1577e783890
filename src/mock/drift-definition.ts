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
  /**
   * `assumed`: the drift breaks only an assumed assertion (docs/checks.md; issue 13), named here as
   * `<check>.<assertion>`: by default one of the expected checks passes with a warning naming it, and fails
   * under `--strict`. Absent: the drift breaks the documentation, and an expected check fails in any case.
   */
  assumed?: string;
}
