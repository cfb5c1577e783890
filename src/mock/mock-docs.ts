/**
 * docs/mock.md, rendered from the drift catalog and the realistic mode: what the mock tenant is, how to start
 * it, every drift it can serve and every doc-silent behaviour of `--realistic`, so the page cannot drift from
 * the code (test/mock/mock-docs.test.ts fails when it is stale).
 */
import { DRIFTS } from './drifts.ts';
import { REALISTIC_BEHAVIOURS, type RealisticBehaviour } from './realistic.ts';
import { MEMBERSHIP_RELEASE_CHANGES } from './rest/membership-releases.ts';
import { releasesOf, REST_OPERATION_NAMES } from './rest/releases.ts';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMockDocs(): string {
  const kinds = [...new Set(DRIFTS.map((d) => d.kind))].sort();
  const operations = new Set(DRIFTS.map((d) => d.operation));
  const out = [
    '# The mock tenant',
    '',
    'Generated from `src/mock/drifts.ts` by `npm run gen:docs`; do not edit by hand.',
    '',
    'A stateful, seeded Snyk tenant on a loopback port: v1 provision (POST, GET, DELETE), REST `/self`, org users,',
    'group-user PATCH, org and group memberships, org and group audit-log search, and Snyk API & Web `GET /users/`',
    '(and `/users/{id}/`), as documented. `npm start` runs the suites against it in-process; to use it from your own',
    'scripts or tests:',
    '',
    '```sh',
    'npx snyk-tenant-check mock --json --port 0 --users 1500',
    '# first stdout line: {"url","snykToken","apiwebToken","orgId","groupId","selfUserId","orgIds"}',
    '```',
    '',
    '| option | meaning |',
    '|---|---|',
    '| `--port N`, `--host HOST` | where to listen (default any free port on 127.0.0.1) |',
    '| `--seed N` | the same seed serves the same tenant, byte for byte |',
    '| `--users N`, `--provisions N`, `--members N` | tenant size (100 000 users start in about a second) |',
    '| `--rate-limit N` | requests per minute per API key; past it 429 with `Retry-After` (REST: JSON:API error `SNYK-0001`) |',
    '| `--drift NAME` | serve one catalogued deviation from the documented contract (below) |',
    '| `--hostile` | names, emails and labels with markup, XML-invalid characters and formula prefixes |',
    '| `--realistic` | where the documentation is silent, answer as real servers are reported to (below) |',
    '',
    'It takes `SNYK_TOKEN`, `SNYK_APIWEB_TOKEN`, `SNYK_ORG_ID` and `SNYK_GROUP_ID` from the environment when set.',
    'The library (`startMockTenant` in `src/mock/server.ts`) also switches faults (latency, a share of 5xx,',
    'connection resets, truncated bodies, wrong content types), drifts and the rate limit at run time.',
    '',
    '## REST releases and the served OpenAPI documents',
    '',
    'Each REST operation is served from its releases (`x-snyk-api-releases` of the Snyk REST spec): the newest one',
    'on or before the requested date at the requested stability or a more stable one; a superseded release is',
    '`deprecated`, with `deprecation` and `sunset`.',
    '',
    '| operation | releases |',
    '|---|---|',
    ...REST_OPERATION_NAMES.map((op) => `| \`${op}\` | ${releasesOf(op).map((r) => `\`${r.text}\``).join(', ')} |`),
    '',
    'Like Snyk, the mock serves its own REST spec (authenticated, `application/json`, no `version` parameter):',
    '`GET /rest/openapi` lists the versions (a JSON array of strings: every release date at its own stability and',
    'each less stable one) and `GET /rest/openapi/{version}` serves the OpenAPI 3.1 document effective at that',
    'version: each routed operation as the version router would serve it, its bodies the schemas of `schemas/rest/`,',
    'with `x-snyk-api-stability`, `x-snyk-api-version`, `x-snyk-api-releases`, `x-snyk-api-lifecycle`, and the',
    '`snyk-version-requested`/`snyk-version-served` headers. The document and the answers agree, release by release',
    '(`served_spec_conformance` checks it).',
    '',
    'Where the releases differ (the mock\'s reading; Snyk no longer publishes the experimental document):',
    '',
    '| operations | from → to | change | oasdiff rule |',
    '|---|---|---|---|',
    ...MEMBERSHIP_RELEASE_CHANGES.map(
      (c) => `| org and group memberships lists | \`${c.from}\` → \`${c.to}\` | \`${c.path}\` ${c.change} | \`${c.rule}\` (${c.breaking ? 'breaking' : 'non-breaking'}) |`,
    ),
    '',
    '`snyk-tenant-check compare --from 2024-08-01~experimental --to 2024-10-15` against the mock shows both, next to',
    'the same difference observed in the bodies.',
    '',
    `## Drift catalog (${DRIFTS.length} drifts over ${operations.size} operations; kinds: ${kinds.join(', ')})`,
    '',
    'Each drift is one deviation from the documented contract. The contract suite proves itself against every one:',
    'with the drift served, one of the listed checks fails on the drift\'s operation (test/contract/drift-proof.test.ts).',
    'A drift marked *assumed* breaks only an assumed assertion (docs/checks.md): it is caught as a warning naming',
    'that assertion by default, and as a failure under `--strict`.',
    '',
    '| drift | operation | kind | what changes | checks that catch it |',
    '|---|---|---|---|---|',
    ...DRIFTS.map(
      (d) =>
        `| \`${d.name}\` | \`${d.operation}\` | ${d.kind} | ${cell(d.description)} | ${d.expectedChecks.map((c) => `\`${c}\``).join(', ')}${d.assumed ? ` (*assumed*: \`${d.assumed}\`)` : ''} |`,
    ),
    '',
    `## Realistic mode (${REALISTIC_BEHAVIOURS.length} doc-silent behaviours)`,
    '',
    '`mock --realistic` (and `run --tenant mock --mock-realistic`, `compare --mock-realistic`) answers the cases the',
    'documentation leaves open the other way from our own reading, as real servers are reported to behave. None',
    'of them is a drift: a contract run against it draws no failed check, only warnings naming the assumed',
    'assertions it exercises (a failure under `--strict`), or notes and skips the checks accept as they are',
    '(test/contract/realistic-tenant.test.ts).',
    '',
    '| behaviour | operation | what it does | noticed through |',
    '|---|---|---|---|',
    ...(REALISTIC_BEHAVIOURS as readonly RealisticBehaviour[]).map(
      (b) =>
        `| \`${b.name}\` | \`${b.operation}\` | ${cell(b.description)}${b.reported ? ` ([reported](${b.reported}))` : ''} | ${b.assertion ? `\`${b.assertion}\` (warning)` : 'accepted (a note or a skip)'} |`,
    ),
    '',
  ];
  return out.join('\n');
}
