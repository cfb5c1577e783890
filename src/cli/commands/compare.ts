/**
 * `snyk-tenant-check compare --from A --to B`: the pre-upgrade check. Runs the REST contract checks under
 * both API versions and reports served versions, lifecycle stages, deprecation/sunset and every difference in
 * status, headers and response shape, next to the changes between the tenant's served OpenAPI documents.
 */
import { compareRun } from '../../run/compare-run.ts';
import { parseRestVersion } from '../../model/rest-version.ts';
import { intFlag, oneOf, parseFlags } from '../parse.ts';
import { UsageError } from '../usage-error.ts';
import type { CliIO } from '../io.ts';

export const COMPARE_HELP = `Usage: snyk-tenant-check compare --from VERSION --to VERSION [options]

Pre-upgrade API contract check: runs the REST contract checks under both versions and reports what
changes between them (served version, lifecycle stage, deprecation/sunset, status, headers, shape),
next to what the tenant's own OpenAPI documents (GET /rest/openapi/{version}) say changed, each change
breaking or non-breaking by oasdiff's rules. A tenant that serves no document: the spec changes are
not compared (a warning).

Options:
  --from VERSION     the REST version in use today (YYYY-MM-DD)
  --to VERSION       the candidate version (YYYY-MM-DD)
  --tenant mock|live the tenant (default: mock)
  --out DIR          where the reports go (default: reports/compare); each version's full
                     contract run goes to DIR/<version>/
  --seed N           seed of the property-based generation (the same under both versions)
  --num-runs N       generated cases per property
  --strict           where the documentation is silent, our reading fails a check instead of
                     warning (docs/checks.md: assumed assertions); default off
  --mock-realistic   mock only: answer the doc-silent cases as real servers are reported to (docs/mock.md)
  --debug            show stack traces of errors
  -h, --help         this help

Exit codes: 0 no difference and no failed check; 1 a difference or a failed check; 2 usage or
configuration error; 3 the tenant could not be reached.
`;

const FLAGS = {
  from: { type: 'string' },
  to: { type: 'string' },
  tenant: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  'num-runs': { type: 'string' },
  strict: { type: 'boolean' },
  'mock-realistic': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function compareCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, FLAGS, 'compare');
  if (values.help) {
    io.out(COMPARE_HELP);
    return 0;
  }
  if (!values.from || !values.to) throw new UsageError('compare needs --from VERSION and --to VERSION');
  for (const v of [values.from, values.to]) {
    if (!parseRestVersion(v)) throw new UsageError(`'${v}' is not a REST version date (YYYY-MM-DD)`);
  }
  const tenant = oneOf(values.tenant, 'tenant', ['mock', 'live'] as const, 'mock');
  if (tenant === 'live' && values['mock-realistic']) throw new UsageError('--mock-realistic applies to --tenant mock only');
  const outcome = await compareRun({
    from: values.from,
    to: values.to,
    tenant,
    outDir: values.out ?? 'reports/compare',
    seed: intFlag(values.seed, 'seed'),
    numRuns: intFlag(values['num-runs'], 'num-runs', 1),
    strict: Boolean(values.strict),
    ...(values['mock-realistic'] ? { mock: { realistic: true } } : {}),
    log: (line) => io.err(line),
  });
  for (const line of outcome.lines) io.out(line);
  io.out(`reports: ${outcome.files.join(', ')}`);
  return outcome.exitCode;
}
