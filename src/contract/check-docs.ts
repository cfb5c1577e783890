/**
 * docs/checks.md, rendered from the check registry: one entry per check (purpose, the exact failure title,
 * the operations it covers, how to turn it off), so the documentation cannot drift from the code
 * (test/contract/check-docs.test.ts fails when the checked-in page is stale).
 */
import { CHECKS } from './registry.ts';

export function renderCheckDocs(): string {
  const out = [
    '# Contract checks',
    '',
    'Generated from `src/contract/registry.ts` by `npm run gen:docs`; do not edit by hand.',
    '',
    'Every check runs on every operation it applies to, as one test named `<check> · <operation>` (in JUnit: a',
    'testcase of the `contract.<family>` suite). A failure names the operation whose contract it asserts and',
    'carries `Key: value` lines, the seed, the counterexample, the exchange and a `curl` reproduction.',
    'A check that does not apply is skipped with its reason; a check that crashes is reported as an error.',
    '',
    'Turn checks off with `--exclude-checks id,id` or run a selection with `--checks id,id`.',
    'On a live tenant without `--allow-writes`, checks that need writes are skipped.',
    '',
    '| check | family | severity | operations |',
    '|---|---|---|---|',
    ...CHECKS.map((c) => `| [\`${c.id}\`](#${c.id}) | ${c.family} | ${c.severity} | ${c.operations.length} |`),
    '',
  ];
  for (const c of CHECKS) {
    out.push(
      `## ${c.id}`,
      '',
      c.description,
      '',
      `- Failure title: "${c.title}"`,
      `- Family: ${c.family}; severity: ${c.severity}`,
      `- Operations: ${c.operations.map((o) => `\`${o}\``).join(', ')}`,
      `- Turn off: \`--exclude-checks ${c.id}\``,
      '',
    );
  }
  return `${out.join('\n')}`;
}
