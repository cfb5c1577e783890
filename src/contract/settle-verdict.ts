/**
 * The one place where a failure's basis decides the verdict (issue 13): a failure of a documented assertion
 * stays a failure; a failure of an assumed assertion (our reading where the documentation is silent) becomes
 * a warning on a passing check, and stays a failure only when the run is strict (`--strict`). Both the
 * response checks (judge-response.ts) and the scenario checks (runner.ts) go through here.
 */
import type { Assertion } from './assertion.ts';
import type { CheckDefinition, Failure, Verdict } from './check-types.ts';
import { pass } from './verdict.ts';

/** The assertion a failure breaks: the one it names, else the check's primary (first) one. */
export function brokenAssertion(check: Pick<CheckDefinition, 'assertions'>, failure: Failure): Assertion | undefined {
  const id = failure.assertion ?? check.assertions[0]?.id;
  return check.assertions.find((a) => a.id === id);
}

const oneLine = (message: string): string => {
  const text = message.split('\n').map((l) => l.trim()).filter(Boolean).join('; ');
  return text.length > 400 ? `${text.slice(0, 397)}...` : text;
};

/** The warning an assumed assertion's failure turns into (reports show it on the check). */
export function assumedWarning(check: Pick<CheckDefinition, 'id'>, assertion: Assertion, failure: Failure): string {
  return `assumed ${check.id}.${assertion.id} not met (${assertion.text}): ${oneLine(failure.message)}`;
}

export function settleVerdict(check: Pick<CheckDefinition, 'id' | 'assertions'>, verdict: Verdict, strict: boolean): Verdict {
  if (verdict.status !== 'fail') return verdict;
  const assertion = brokenAssertion(check, verdict);
  // An id the check does not declare is a bug of the check; it is judged as documented (never hidden).
  if (!assertion) return verdict;
  // Already settled (a scenario that settles inside its property): nothing to add.
  if (verdict.message.includes(`\nAssertion: ${check.id}.`)) return verdict;
  const basisLine =
    assertion.basis.kind === 'documented'
      ? `Assertion: ${check.id}.${assertion.id} (documented: ${assertion.basis.source})`
      : `Assertion: ${check.id}.${assertion.id} (assumed: ${assertion.basis.reading}; a failure only under --strict)`;
  if (assertion.basis.kind === 'assumed' && !strict) return pass([assumedWarning(check, assertion, verdict), ...(verdict.warnings ?? [])]);
  return { ...verdict, assertion: assertion.id, message: `${verdict.message}\n${basisLine}` };
}

/** Settles every verdict of a check. */
export const settleVerdicts = (check: Pick<CheckDefinition, 'id' | 'assertions'>, verdicts: readonly Verdict[], strict: boolean): Verdict[] =>
  verdicts.map((v) => settleVerdict(check, v, strict));
