/**
 * Progress events from a suite worker to the run's progress display. Workers are separate processes whose
 * console output vitest forwards to the reporters (onUserConsoleLog), so an event is one console line with a
 * marker prefix; the progress reporter turns it into a status line and hides the marker.
 */
export const PROGRESS_MARKER = '\u0001stc-progress ';

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

export function emitProgress(event: ProgressEvent): void {
  console.log(`${PROGRESS_MARKER}${JSON.stringify(event)}`);
}

export function parseProgress(line: string): ProgressEvent | undefined {
  if (!line.startsWith(PROGRESS_MARKER)) return undefined;
  try {
    return JSON.parse(line.slice(PROGRESS_MARKER.length).trim()) as ProgressEvent;
  } catch {
    return undefined;
  }
}
