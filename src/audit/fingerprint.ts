/**
 * The stable identity of a finding across runs: rule id + subject kind (+ org for per-org subjects such as
 * pending provisions) + subject id, or the lower-cased email when there is no id. Hashed so that it is short
 * and opaque in reports; the inputs are all in the finding itself, so a previous results.json without
 * fingerprints can be re-fingerprinted.
 */
import { createHash } from 'node:crypto';
import type { Subject } from '../model/results.ts';

export function fingerprint(ruleId: string, subject: Subject): string {
  const who = subject.id !== undefined ? `id:${subject.id}` : `email:${(subject.email ?? '').trim().toLowerCase()}`;
  const parts = ['v1', ruleId, subject.kind, subject.orgId ?? '', who];
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24);
}
