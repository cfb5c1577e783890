/**
 * Runs a check as a fast-check property: deterministic examples first, then `numRuns` generated values
 * from the run's seed, shrinking a failure to a minimal counterexample. The result carries the replay
 * recipe (seed and path, fast-check habit: STYLE.md) and the verdict of the shrunk counterexample.
 * A property that throws is not a failure of the tenant: the error is re-thrown and becomes an `error`.
 */
import fc from 'fast-check';
import type { CheckContext } from './check-context.ts';
import type { ScenarioResult, Verdict } from './check-types.ts';
import { combine } from './verdict.ts';

export interface PropertyOptions<T> {
  numRuns: number;
  examples?: T[];
  /** Key of a value for looking its verdict up after shrinking (default JSON). */
  key?: (value: T) => string;
}

export class PropertyCrash extends Error {
  override readonly name = 'PropertyCrash';
}

export async function checkProperty<T>(
  ctx: CheckContext,
  arbitrary: fc.Arbitrary<T>,
  evaluate: (value: T) => Promise<Verdict>,
  options: PropertyOptions<T>,
): Promise<ScenarioResult> {
  const key = options.key ?? ((v: T) => JSON.stringify(v) ?? String(v));
  const verdicts = new Map<string, Verdict>();
  const seen: Verdict[] = [];
  let crash: unknown;
  const examples = options.examples ?? [];
  const result = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      let verdict: Verdict;
      try {
        verdict = await evaluate(value);
      } catch (error) {
        crash ??= error;
        throw error;
      }
      verdicts.set(key(value), verdict);
      if (verdict.status !== 'fail') seen.push(verdict);
      return verdict.status !== 'fail';
    }),
    {
      seed: ctx.seed,
      numRuns: examples.length + Math.max(1, options.numRuns),
      examples: examples.map((e) => [e] as [T]),
    },
  );
  if (!result.failed) return { verdicts: [combine(seen)], seed: ctx.seed };
  if (crash !== undefined) throw crash instanceof Error ? crash : new PropertyCrash(String(crash));
  const counterexample = result.counterexample?.[0] as T;
  const verdict = verdicts.get(key(counterexample));
  if (verdict?.status !== 'fail') {
    throw new PropertyCrash(`the property failed without a verdict (${String(result.errorInstance ?? 'unknown')})`);
  }
  return {
    // The passes before the failure keep their warnings (assumed assertions not met).
    verdicts: [{ ...verdict, counterexample: verdict.counterexample ?? counterexample }, ...seen.filter((v) => v.status === 'pass' && v.warnings?.length)],
    seed: result.seed,
    path: result.counterexamplePath ?? undefined,
    counterexample,
  };
}
