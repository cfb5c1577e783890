/** How every report names an audited subject: the email or name a person recognises, then the id. */
import type { Subject } from '../src/model/results.ts';

export function subjectLabel(subject: Subject): string {
  const who = subject.email ?? subject.name ?? subject.id ?? '(unidentified)';
  const extra: string[] = [];
  if (subject.id !== undefined && subject.id !== who) extra.push(`id ${subject.id}`);
  if (subject.orgId !== undefined) extra.push(`org ${subject.orgId}`);
  return `${subject.kind} ${who}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}
