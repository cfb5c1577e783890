/**
 * Runs one (check × operation): decides applicability (configuration, writes), drives the cases (generated
 * read cases through fast-check with shrinking; the executed write sample; scenarios), and turns the verdicts
 * into a CheckRun for the suites and reports. A check that throws is an `error` with the error's code,
 * never a crashed run. Failures carry seed, fast-check path, counterexample, exchange and a curl
 * reproduction without the token (the client references it through an environment variable).
 */
import { judgeResponse } from './judge-response.ts';
import { OPERATIONS, type OperationName } from '../model/operations.ts';
import type { Exchange, Severity } from '../model/results.ts';
import type { CheckContext } from './check-context.ts';
import type { CheckCase, CheckDefinition, Failure, ScenarioResult, Verdict } from './check-types.ts';
import { caseSpace } from './case-space.ts';
import { checkProperty } from './property.ts';
import { getCheck } from './registry.ts';
import { missingConfig } from './requests.ts';
import { settleVerdicts } from './settle-verdict.ts';
import { combine } from './verdict.ts';
import { writeSample } from './write-sample.ts';

export type CheckOutcome = 'passed' | 'failed' | 'skipped' | 'error';

export interface CheckRun {
  id: string;
  title: string;
  family: string;
  severity: Severity;
  operation: OperationName;
  outcome: CheckOutcome;
  /** Failure: the `Key: value` message; error: the error; skipped: the reason. */
  message?: string;
  seed: number;
  /** fast-check replay path (with the seed: `fc.assert(…, { seed, path })`). */
  path?: string;
  counterexample?: unknown;
  /** A curl command reproducing the failing exchange; the token is read from an environment variable. */
  reproduction?: string;
  exchange?: Exchange;
  /** Passed: the assumed assertions the tenant did not meet (issue 13), and other notes. */
  warnings?: string[];
  /** Failed: `<check>.<assertion>` the failure broke. */
  assertion?: string;
  durationMs: number;
}

/** One warning per assumed assertion (the first seen), counting the others: a report lists each once. */
function compactWarnings(warnings: readonly string[] | undefined): string[] | undefined {
  if (!warnings?.length) return undefined;
  const byAssertion = new Map<string, { first: string; more: number }>();
  const out: (string | { key: string })[] = [];
  for (const w of warnings) {
    const key = /^assumed (\S+) not met/.exec(w)?.[1];
    if (!key) {
      out.push(w);
      continue;
    }
    const seen = byAssertion.get(key);
    if (seen) seen.more++;
    else {
      byAssertion.set(key, { first: w, more: 0 });
      out.push({ key });
    }
  }
  return out.map((w) => {
    if (typeof w === 'string') return w;
    const { first, more } = byAssertion.get(w.key)!;
    return more > 0 ? `${first} (and ${more} more like it)` : first;
  });
}

function writesNeeded(check: CheckDefinition, operation: OperationName): boolean {
  const op = OPERATIONS[operation];
  if (typeof check.writes === 'function') return check.writes(op);
  return check.writes === true;
}

async function responseVerdicts(ctx: CheckContext, check: Extract<CheckDefinition, { kind: 'response' }>, operation: OperationName): Promise<ScenarioResult> {
  const op = OPERATIONS[operation];
  if (op.writes) {
    const steps = await writeSample(ctx, operation);
    const verdicts = steps.map((s) => judgeResponse(check, ctx, s.response, s.case));
    const failure = verdicts.find((v): v is Failure => v.status === 'fail');
    return { verdicts: failure ? [failure] : [combine(verdicts)], seed: ctx.seed };
  }
  const space = await caseSpace(ctx, operation);
  return checkProperty<CheckCase>(
    ctx,
    space.arbitrary,
    async (c) => judgeResponse(check, ctx, await ctx.send(c.request), c),
    { numRuns: ctx.numRuns, examples: space.examples, key: (c) => JSON.stringify([c.mode, c.request]) },
  );
}

async function scenarioVerdicts(ctx: CheckContext, check: Extract<CheckDefinition, { kind: 'scenario' }>, operation: OperationName): Promise<ScenarioResult> {
  const op = OPERATIONS[operation];
  if (!check.shared) {
    const result = await check.run(ctx, op);
    return { ...result, verdicts: settleVerdicts(check, result.verdicts, ctx.strict) };
  }
  const result = await ctx.memo(`scenario:${check.id}`, () => check.run(ctx, op));
  // A shared scenario blames one operation per divergence; the others pass for it.
  const mine = result.verdicts.filter((v) => v.status !== 'fail' || v.operation === undefined || v.operation === operation);
  return { ...result, verdicts: mine.length > 0 ? settleVerdicts(check, mine, ctx.strict) : [{ status: 'pass' }] };
}

/** Runs a check for an operation and reports its outcome. */
export async function runCheck(ctx: CheckContext, checkOrId: CheckDefinition | string, operation: OperationName): Promise<CheckRun> {
  const started = Date.now();
  const check = typeof checkOrId === 'string' ? getCheck(checkOrId) : checkOrId;
  const base = { id: check.id, title: check.title, family: check.family, severity: check.severity, operation, seed: ctx.seed };
  const done = (fields: Partial<CheckRun> & { outcome: CheckOutcome }): CheckRun => ({ ...base, ...fields, durationMs: Date.now() - started });
  const op = OPERATIONS[operation];
  const missing = missingConfig(ctx, op);
  if (missing) return done({ outcome: 'skipped', message: `${missing}: the check cannot run` });
  if (writesNeeded(check, operation) && !ctx.allowWrites) {
    return done({ outcome: 'skipped', message: 'writes are not allowed on a live tenant without --allow-writes' });
  }
  let result: ScenarioResult;
  try {
    result = check.kind === 'response' ? await responseVerdicts(ctx, check, operation) : await scenarioVerdicts(ctx, check, operation);
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    const message = error instanceof Error ? error.message : String(error);
    return done({ outcome: 'error', message: `Error: ${typeof code === 'string' ? `${code}: ` : ''}${message}` });
  }
  const verdict: Verdict = combine(result.verdicts);
  if (verdict.status === 'not_applicable') return done({ outcome: 'skipped', message: verdict.reason });
  const warnings = compactWarnings(verdict.warnings);
  if (verdict.status === 'pass') return done({ outcome: 'passed', ...(warnings ? { warnings } : {}) });
  const seed = result.seed ?? ctx.seed;
  const replay: [string, string][] = [['Seed', String(seed)]];
  if (result.path) replay.push(['Path', result.path]);
  let reproduction: string | undefined;
  if (verdict.exchange) {
    try {
      reproduction = ctx.client.curl(verdict.exchange);
    } catch {
      reproduction = undefined;
    }
  }
  const counterexample = verdict.counterexample ?? result.counterexample ?? (verdict.case ? verdict.case.request : undefined);
  const message = [verdict.message, ...replay.map(([k, v]) => `${k}: ${v}`), ...(reproduction ? [`Reproduce with: ${reproduction}`] : [])].join('\n');
  const run = done({
    outcome: 'failed',
    title: verdict.title,
    message,
    ...(verdict.assertion ? { assertion: `${check.id}.${verdict.assertion}` } : {}),
    seed,
    ...(result.path ? { path: result.path } : {}),
    ...(counterexample !== undefined ? { counterexample } : {}),
    ...(reproduction ? { reproduction } : {}),
    ...(verdict.exchange ? { exchange: verdict.exchange } : {}),
    ...(warnings ? { warnings } : {}),
  });
  return run;
}
