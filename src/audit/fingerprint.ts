/**
 * The stable identity of a finding across runs: rule id + subject kind (+ org for per-org subjects such as
 * pending provisions) + subject id, or the lower-cased email when there is no id. Hashed so that it is short
 * and opaque in reports; the inputs are all in the finding itself, so a previous results.json without
 * fingerprints can be re-fingerprinted.
 *
 * The format is `v1`: the first 24 hex digits of SHA-256 over the newline-joined parts. It must not change
 * (previous results.json files and anything an auditor keyed on it hold these values). Node ≥ 20.12 has the
 * one-shot `crypto.hash` (the same digest as `createHash().update().digest()`, without the Hash object: about
 * half the cost per finding, docs/benchmarks.md); older Nodes use `createHash`.
 */
import * as crypto from 'node:crypto';
import type { Subject } from '../model/results.ts';

type HashHex = (text: string) => string;

const sha256Hex: HashHex =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** The text the `v1` fingerprint hashes (exported for the tests that pin the format). */
export function fingerprintInput(ruleId: string, subject: Subject): string {
  const who = subject.id !== undefined ? `id:${subject.id}` : `email:${(subject.email ?? '').trim().toLowerCase()}`;
  return `v1\n${ruleId}\n${subject.kind}\n${subject.orgId ?? ''}\n${who}`;
}

export function fingerprint(ruleId: string, subject: Subject): string {
  return sha256Hex(fingerprintInput(ruleId, subject)).slice(0, 24);
}
