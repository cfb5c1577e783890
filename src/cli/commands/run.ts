/** `snyk-tenant-check run`: the suites against a tenant, then the reports (INTERFACE.md, "Commands"). */
import { runSuites } from '../../run/run-suites.ts';
import { FAIL_ON_LEVELS } from '../../model/fail-on.ts';
import { EXPORT_FORMATS } from '../../model/report-formats.ts';
import { intFlag, listOf, oneOf, parseFlags } from '../parse.ts';
import type { CliIO } from '../io.ts';
import { loadConfigFile } from '../../config/config-file.ts';

export const RUN_HELP = `Usage: snyk-tenant-check run [options]

Runs the contract and audit suites against a tenant and writes the reports.

Options:
  --tenant mock|live     mock: an embedded mock tenant on a loopback port (default);
                         live: the tenant named by SNYK_* environment variables
  --suite contract|audit|all   which suites run (default: all)
  --out DIR              where the reports go (default: reports)
  --format LIST          extra outputs besides the five reports, comma-separated: ocsf (findings.ocsf.jsonl,
                         OCSF 1.6.0 findings), oscal (assessment-results.oscal.json, OSCAL 1.1.3); manifest.json
                         (SHA-256 of every report) is always written (config file: "formats")
  --allow-writes         live only: may provision and delete test invitations (all cleaned up)
                         and remove SNYK_TEST_USER_ID from the group; without it only GET requests
  --policy FILE          audit policy (YAML or JSON): thresholds, profile, exemptions, allowed domains
  --previous FILE        results.json of an earlier run: findings become new / persisting / resolved
  --state FILE           last-seen state kept between nightly runs (read and updated)
  --fail-on LEVEL        critical|high|medium|low|new|never: which findings make the exit code 1
                         (default: high)
  --seed N               seed of the property-based generation (random and printed; pinned when CI is set)
  --num-runs N           generated cases per property (default: 25)
  --api-version DATE     REST version date (default: SNYK_API_VERSION or the pinned GA date)
  --checks IDS           run only these contract checks (comma-separated ids; docs/checks.md)
  --exclude-checks IDS   leave these contract checks out
  --shard I/N            run shard I of N (vitest --shard); combine shards with 'merge'
  --mock-users N         size of the embedded mock tenant (default: 1500)
  --mock-seed N          data seed of the embedded mock tenant
  --drift NAME           mock only: serve one catalogued deviation (see 'mock --list-drifts')
  --mock-realistic       mock only: answer the doc-silent cases as real servers are reported to
                         (docs/mock.md, "Realistic mode")
  --strict               where the documentation is silent, our reading fails a check instead of
                         warning (docs/checks.md lists each assumed assertion); default off (config file:
                         "strict": true)
  --config FILE          config file (default: ./snyk-tenant-check.config.json or .config.ts when present);
                         precedence: environment < config file < flags
  --debug                show stack traces of errors
  -h, --help             this help

Exit codes: 0 all checks passed and no finding reached --fail-on; 1 a check failed or a finding
reached --fail-on; 2 usage or configuration error; 3 the tenant could not be reached or the run
could not complete.
`;

const FLAGS = {
  tenant: { type: 'string' },
  suite: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  'allow-writes': { type: 'boolean' },
  policy: { type: 'string' },
  previous: { type: 'string' },
  state: { type: 'string' },
  'fail-on': { type: 'string' },
  seed: { type: 'string' },
  'num-runs': { type: 'string' },
  'api-version': { type: 'string' },
  shard: { type: 'string' },
  checks: { type: 'string' },
  'exclude-checks': { type: 'string' },
  'mock-users': { type: 'string' },
  'mock-seed': { type: 'string' },
  drift: { type: 'string' },
  'mock-realistic': { type: 'boolean' },
  strict: { type: 'boolean' },
  config: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const idList = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);

export async function runCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, FLAGS, 'run');
  if (values.help) {
    io.out(RUN_HELP);
    return 0;
  }
  const config = await loadConfigFile(values.config);
  const controller = new AbortController();
  const onSigint = () => {
    io.err('interrupted: writing what the run has so far (marked partial)…');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    const outcome = await runSuites({
      flags: {
        tenant: values.tenant === undefined ? undefined : oneOf(values.tenant, 'tenant', ['mock', 'live'] as const, 'mock'),
        suite: values.suite === undefined ? undefined : oneOf(values.suite, 'suite', ['contract', 'audit', 'all'] as const, 'all'),
        failOn: values['fail-on'] === undefined ? undefined : oneOf(values['fail-on'], 'fail-on', FAIL_ON_LEVELS, 'high'),
        out: values.out,
        allowWrites: values['allow-writes'],
        policy: values.policy,
        previous: values.previous,
        state: values.state,
        seed: intFlag(values.seed, 'seed'),
        numRuns: intFlag(values['num-runs'], 'num-runs', 1),
        apiVersion: values['api-version'],
        shard: values.shard,
        ...(values.checks ? { checks: idList(values.checks) } : {}),
        ...(values['exclude-checks'] ? { excludeChecks: idList(values['exclude-checks']) } : {}),
        mock: {
          users: intFlag(values['mock-users'], 'mock-users', 1),
          seed: intFlag(values['mock-seed'], 'mock-seed'),
          drift: values.drift,
          realistic: values['mock-realistic'],
        },
        strict: values.strict,
        ...(values.format !== undefined ? { formats: listOf(values.format, 'format', EXPORT_FORMATS) } : {}),
      },
      ...(config ? { config } : {}),
      env: process.env,
      log: (line) => io.err(line),
      signal: controller.signal,
    });
    const { summary, run } = outcome.results;
    io.out(
      `checks: ${summary.checks.passed} passed, ${summary.checks.failed} failed, ${summary.checks.skipped} skipped, ${summary.checks.error} errors`,
    );
    io.out(
      `findings: ${summary.findings.fail} failing (${Object.entries(summary.findings.bySeverity)
        .filter(([, n]) => n)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ') || 'none'}), ${summary.findings.exempt} exempt, ${summary.findings.unknown} unknown`,
    );
    if (run.partial) io.out(`partial run: ${run.partialReason ?? 'incomplete'}`);
    io.out(`reports: ${outcome.files.join(', ')}`);
    io.out(`exit code ${outcome.exitCode}`);
    return outcome.exitCode;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
