/**
 * docs/checks.md, rendered from the check registry: one entry per check (purpose, the exact failure title,
 * the operations it covers, how to turn it off, and every assertion with its basis: documented with the quote,
 * or assumed with our reading), so the documentation cannot drift from the code
 * (test/contract/check-docs.test.ts fails when the checked-in page is stale).
 */
import type { Assertion } from './assertion.ts';
import { CHECKS } from './registry.ts';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function assertionRow(checkId: string, a: Assertion): string {
  const basis =
    a.basis.kind === 'documented'
      ? `documented: [source](${a.basis.source}) "${cell(a.basis.quote)}"`
      : `**assumed**: ${cell(a.basis.reading)}`;
  return `| \`${checkId}.${a.id}\` | ${cell(a.text)} | ${basis} |`;
}

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
    '## Documented and assumed assertions',
    '',
    'Every check states what it asserts, one assertion at a time, and on what basis. A **documented** assertion',
    'quotes a public source (a documentation page, the REST OpenAPI spec, the v1 spec, JSON:API, an RFC): a',
    'tenant that breaks it fails the check. An **assumed** assertion is our reading where the documentation is',
    'silent: a tenant that breaks it passes the check with a warning that names the assertion',
    '(`assumed <check>.<assertion> not met (…): …`), shown in every report, and fails it only under `--strict`',
    '(`run` and `compare`; config key `strict`). A failure names the assertion it broke (`Assertion:` line;',
    '`assertion` in results.json).',
    '',
    `${CHECKS.flatMap((c) => c.assertions).filter((a) => a.basis.kind === 'assumed').length} of ${CHECKS.flatMap((c) => c.assertions).length} assertions are assumed.`,
    '',
    '| check | family | severity | operations | assertions (assumed) |',
    '|---|---|---|---|---|',
    ...CHECKS.map(
      (c) =>
        `| [\`${c.id}\`](#${c.id}) | ${c.family} | ${c.severity} | ${c.operations.length} | ${c.assertions.length} (${c.assertions.filter((a) => a.basis.kind === 'assumed').length}) |`,
    ),
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
      '| assertion | what the tenant must do | basis |',
      '|---|---|---|',
      ...c.assertions.map((a) => assertionRow(c.id, a)),
      '',
    );
  }
  return `${out.join('\n')}`;
}
