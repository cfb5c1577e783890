/**
 * What a bench reports: named figures with a unit, an optional goal (issue 9) and whether it is met.
 * Figure names are stable across --quick and full runs so that scripts and tests can read them.
 */
export type Comparator = '<=' | '>=' | '==';

export interface Goal {
  op: Comparator;
  target: number;
}

export interface Figure {
  /** Stable dotted name, `<bench>.<figure>` (`audit-e2e.wallMs`). */
  name: string;
  value: number | string | null;
  unit: string;
  goal?: Goal;
  /** Present when there is a goal and a numeric value. */
  met?: boolean;
  /** How the value was obtained, or why it is missing. */
  note?: string;
}

export type BenchStatus = 'ok' | 'unavailable' | 'error';

export interface BenchOutcome {
  bench: string;
  status: BenchStatus;
  /** Why the bench is unavailable or failed. */
  reason?: string;
  durationMs: number;
  figures: Figure[];
  /** Sizes and settings the bench ran with. */
  params: Record<string, unknown>;
}

export function checkGoal(value: number, goal: Goal): boolean {
  if (goal.op === '<=') return value <= goal.target;
  if (goal.op === '>=') return value >= goal.target;
  return value === goal.target;
}

/** A figure; `met` is computed when a goal applies to a numeric value. */
export function figure(
  name: string,
  value: number | string | null,
  unit: string,
  extra: { goal?: Goal; note?: string } = {},
): Figure {
  const out: Figure = { name, value, unit };
  if (extra.goal) {
    out.goal = extra.goal;
    if (typeof value === 'number' && Number.isFinite(value)) out.met = checkGoal(value, extra.goal);
  }
  if (extra.note) out.note = extra.note;
  return out;
}

export const round = (value: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export const toMb = (kb: number): number => round(kb / 1024, 1);
