/**
 * Builders for check verdicts. A failure message is `Key: value` lines, Schemathesis style
 * (`Received: 403` / `Documented: 200, 404`), so a report can show it as is and a human can read it.
 */
import type { ApiResponse } from '../client/types.ts';
import type { OperationName } from '../model/operations.ts';
import type { CheckCase, CheckDefinition, Failure, NotApplicable, Pass, Verdict } from './check-types.ts';

export const pass = (warnings?: string[]): Pass =>
  warnings && warnings.length > 0 ? { status: 'pass', warnings } : { status: 'pass' };

export const notApplicable = (reason: string): NotApplicable => ({ status: 'not_applicable', reason });

export type MessageLines = ReadonlyArray<readonly [string, unknown]> | Readonly<Record<string, unknown>>;

function renderValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.length === 0 ? '(none)' : value.join(', ');
  }
  const json = JSON.stringify(value);
  return json.length > 300 ? `${json.slice(0, 297)}...` : json;
}

/** `Key: value` lines; multi-line values are indented under their key. */
export function keyValueMessage(lines: MessageLines): string {
  const entries = Array.isArray(lines) ? lines : Object.entries(lines as Record<string, unknown>);
  return entries
    .map(([key, value]) => {
      const text = renderValue(value);
      return text.includes('\n') ? `${key}:\n  ${text.split('\n').join('\n  ')}` : `${key}: ${text}`;
    })
    .join('\n');
}

export interface FailOptions {
  operation?: OperationName;
  response?: ApiResponse;
  case?: CheckCase;
  counterexample?: unknown;
  warnings?: string[];
  /** Overrides the check's fixed title (rarely: sub-assertions of one check keep the check's title). */
  title?: string;
  /** The assertion broken (an id of the check's `assertions`); default: the check's primary one. */
  assertion?: string;
}

/** A failure of `check` with a `Key: value` message. */
export function fail(
  check: Pick<CheckDefinition, 'title' | 'severity'>,
  lines: MessageLines,
  options: FailOptions = {},
): Failure {
  const failure: Failure = {
    status: 'fail',
    title: options.title ?? check.title,
    severity: check.severity,
    message: keyValueMessage(lines),
  };
  if (options.operation) failure.operation = options.operation;
  else if (options.case) failure.operation = options.case.operation;
  if (options.response) failure.exchange = options.response.exchange;
  if (options.case) failure.case = options.case;
  if (options.counterexample !== undefined) failure.counterexample = options.counterexample;
  if (options.warnings && options.warnings.length > 0) failure.warnings = options.warnings;
  if (options.assertion) failure.assertion = options.assertion;
  return failure;
}

export const isFailure = (v: Verdict): v is Failure => v.status === 'fail';

/** Combines verdicts: any failure wins (with every warning); otherwise pass if any passed; otherwise not applicable. */
export function combine(verdicts: readonly Verdict[]): Verdict {
  const failure = verdicts.find(isFailure);
  const warnings = verdicts.flatMap((v) => (v.status === 'pass' ? (v.warnings ?? []) : []));
  if (failure) {
    // The warnings of the passing verdicts (assumed assertions not met) travel with the failure.
    const all = [...new Set([...(failure.warnings ?? []), ...warnings])];
    return all.length > 0 ? { ...failure, warnings: all } : failure;
  }
  if (verdicts.some((v) => v.status === 'pass')) return pass([...new Set(warnings)]);
  const na = verdicts.find((v): v is NotApplicable => v.status === 'not_applicable');
  return na ?? notApplicable('no case applied');
}
