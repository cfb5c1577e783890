/**
 * Progress events from a suite worker to the run's progress display, through vitest's typed test-artifact
 * channel (https://vitest.dev/api/advanced/artifacts): the worker records a `stc:progress` artifact on the
 * test doing the work, and vitest hands it to the main process's reporters (`onTestCaseArtifactRecord`)
 * while the run goes on. Events carry counts and labels only, never a secret.
 */
import type { TestArtifactBase } from 'vitest';

export interface ProgressEvent {
  /** What is being read, e.g. `audit: GET /users/`. */
  label: string;
  done: number;
  total?: number;
  unit: string;
  /** Requests this worker's client has sent so far, and its budget per minute for that API. */
  requests?: number;
  budgetPerMinute?: number;
}

export const PROGRESS_ARTIFACT = 'stc:progress';

export interface ProgressArtifact extends TestArtifactBase {
  type: typeof PROGRESS_ARTIFACT;
  event: ProgressEvent;
}

declare module 'vitest' {
  interface TestArtifactRegistry {
    'stc:progress': ProgressArtifact;
  }
}

/** The progress event an artifact carries, or undefined for any other artifact. */
export function progressOf(artifact: { type: string }): ProgressEvent | undefined {
  return artifact.type === PROGRESS_ARTIFACT ? (artifact as ProgressArtifact).event : undefined;
}
