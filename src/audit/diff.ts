/**
 * The run-to-run diff (`--previous FILE`): each failing finding of this run becomes new, persisting or
 * exemption-expired against the previous results.json, and the previous run's failures that are gone are
 * resolved.
 *
 * - exemption-expired: failing now because its exemption expired (a failing finding that carries an
 *   exemption; a valid exemption would have made it `exempt`).
 * - persisting: the same fingerprint failed in the previous run.
 * - new: anything else that fails (including what was exempt or unknown before).
 * - resolved: failed in the previous run, does not fail now (fixed, gone, or now exempt).
 * Unknown and exempt findings get new/persisting by whether the previous run had them with that outcome.
 */
import { readFile } from 'node:fs/promises';
import type { DiffSummary, Finding } from '../model/results.ts';
import { AuditError } from './audit-error.ts';
import { fingerprint } from './fingerprint.ts';

export interface PreviousResults {
  runId?: string;
  findings: Finding[];
}

const fp = (f: Finding): string => f.fingerprint ?? fingerprint(f.ruleId, f.subject);

/** Marks `current` in place (status, firstSeen, fingerprint) and returns the summary. */
export function diffFindings(current: Finding[], previous: PreviousResults, now: string): DiffSummary {
  const before = new Map<string, Finding>();
  for (const f of previous.findings) before.set(`${fp(f)}|${f.outcome}`, f);
  const failingNow = new Set<string>();
  const summary: DiffSummary = { new: 0, persisting: 0, resolved: 0, exemptionExpired: 0 };
  if (previous.runId !== undefined) summary.previousRunId = previous.runId;
  for (const f of current) {
    f.fingerprint ??= fingerprint(f.ruleId, f.subject);
    // Without a baseline (a run without --previous) every finding is new: no key to build per finding.
    const prior = before.size === 0 ? undefined : before.get(`${f.fingerprint}|${f.outcome}`);
    if (f.outcome === 'fail') failingNow.add(f.fingerprint);
    if (f.outcome === 'fail' && f.exemption !== undefined) {
      f.status = 'exemption-expired';
      summary.exemptionExpired++;
    } else if (prior) {
      f.status = 'persisting';
      if (f.outcome === 'fail') summary.persisting++;
    } else {
      f.status = 'new';
      if (f.outcome === 'fail') summary.new++;
    }
    f.firstSeen = f.status === 'persisting' ? (prior?.firstSeen ?? now) : now;
  }
  const resolved: Finding[] = [];
  for (const f of previous.findings) {
    if (f.outcome !== 'fail' || failingNow.has(fp(f))) continue;
    resolved.push({ ...f, fingerprint: fp(f), status: 'resolved' });
  }
  summary.resolved = resolved.length;
  if (resolved.length > 0) summary.resolvedFindings = resolved;
  return summary;
}

/** Reads the findings of an earlier results.json (PREVIOUS_UNREADABLE / PREVIOUS_INVALID on failure). */
export async function readPreviousResults(path: string): Promise<PreviousResults> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new AuditError('PREVIOUS_UNREADABLE', `cannot read the previous results ${path} (${code})`, { cause: err });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AuditError('PREVIOUS_INVALID', `the previous results ${path} are not JSON: ${(err as Error).message}`, { cause: err });
  }
  return decodePreviousResults(value, path);
}

/** Lenient on purpose: an older results.json only needs findings with a rule id, an outcome and a subject. */
export function decodePreviousResults(value: unknown, path = 'previous results'): PreviousResults {
  const obj = value as { findings?: unknown; run?: { id?: unknown } } | null;
  if (typeof obj !== 'object' || obj === null || !Array.isArray(obj.findings)) {
    throw new AuditError('PREVIOUS_INVALID', `the previous results ${path} have no findings array: is it a results.json?`);
  }
  const findings: Finding[] = [];
  obj.findings.forEach((f: unknown, i: number) => {
    const x = f as Partial<Finding> | null;
    if (typeof x !== 'object' || x === null || typeof x.ruleId !== 'string' || typeof x.outcome !== 'string' || typeof x.subject?.kind !== 'string') {
      throw new AuditError('PREVIOUS_INVALID', `the previous results ${path}: findings[${i}] lacks ruleId, outcome or subject.kind`);
    }
    findings.push(x as Finding);
  });
  const out: PreviousResults = { findings };
  if (typeof obj.run?.id === 'string') out.runId = obj.run.id;
  return out;
}
