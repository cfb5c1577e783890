/** `snyk-tenant-check mock`: serves the mock tenant until stopped (INTERFACE.md, "Commands"). */
import { startMockTenant } from '../../mock/server.ts';
import { DRIFTS } from '../../mock/drifts.ts';
import { intFlag, parseFlags } from '../parse.ts';
import { UsageError } from '../usage-error.ts';
import type { CliIO } from '../io.ts';

export const MOCK_HELP = `Usage: snyk-tenant-check mock [options]

Serves the mock Snyk tenant (v1 provision, REST users/memberships/audit logs, Snyk API & Web users)
on a loopback port until stopped (Ctrl-C).

Options:
  --port N           port (0 = any free port; default 0)
  --host HOST        address to bind (default 127.0.0.1)
  --seed N           data seed: the same seed serves the same tenant, byte for byte
  --users N          Snyk API & Web users (default 1500)
  --provisions N     pending provisions
  --members N        org and group members
  --rate-limit N     requests per minute per API key; past it 429 with Retry-After
  --drift NAME       serve one catalogued deviation from the documented contract
  --hostile          names, emails and labels carrying markup, XML-invalid characters and
                     spreadsheet formula prefixes (still valid per the schemas), to test report consumers
  --realistic        where the documentation is silent, answer as real servers are reported to
                     (docs/mock.md, "Realistic mode"): contract runs draw warnings, not failures
  --list-drifts      list the drift catalog and exit
  --json             print one JSON line first: {"url","snykToken","apiwebToken","orgId","groupId","selfUserId",
                     "orgIds"} (orgIds: every org of the group, for SNYK_ORG_IDS)
  -h, --help         this help

The mock takes SNYK_TOKEN, SNYK_APIWEB_TOKEN, SNYK_ORG_ID and SNYK_GROUP_ID from the environment when set.
`;

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  users: { type: 'string' },
  provisions: { type: 'string' },
  members: { type: 'string' },
  'rate-limit': { type: 'string' },
  drift: { type: 'string' },
  'list-drifts': { type: 'boolean' },
  hostile: { type: 'boolean' },
  realistic: { type: 'boolean' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function mockCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, FLAGS, 'mock');
  if (values.help) {
    io.out(MOCK_HELP);
    return 0;
  }
  if (values['list-drifts']) {
    for (const d of DRIFTS) io.out(`${d.name}\t${d.operation}\t${d.description}`);
    return 0;
  }
  if (values.drift && !DRIFTS.some((d) => d.name === values.drift)) {
    throw new UsageError(`unknown drift '${values.drift}' (see 'snyk-tenant-check mock --list-drifts')`);
  }
  const port = intFlag(values.port, 'port') ?? 0;
  if (port > 65535) throw new UsageError(`--port takes 0–65535, not ${port}`);
  const mock = await startMockTenant({
    port,
    host: values.host ?? '127.0.0.1',
    seed: intFlag(values.seed, 'seed'),
    users: intFlag(values.users, 'users', 1) ?? 1500,
    provisions: intFlag(values.provisions, 'provisions'),
    members: intFlag(values.members, 'members'),
    rateLimit: intFlag(values['rate-limit'], 'rate-limit', 1),
    drift: values.drift,
    hostile: Boolean(values.hostile),
    realistic: Boolean(values.realistic),
  });
  if (values.json) {
    io.out(
      JSON.stringify({
        url: mock.url,
        snykToken: mock.snykToken,
        apiwebToken: mock.apiwebToken,
        orgId: mock.orgId,
        groupId: mock.groupId,
        selfUserId: mock.selfUserId,
        // Beyond INTERFACE.md's fields: every org of the group, for multi-org runs (SNYK_ORG_IDS).
        orgIds: mock.orgIds,
      }),
    );
  } else {
    io.err(`mock tenant on ${mock.url} (org ${mock.orgId}, group ${mock.groupId}); Ctrl-C stops it`);
    io.err(`export SNYK_API_URL=${mock.url} SNYK_APIWEB_URL=${mock.url} SNYK_ORG_ID=${mock.orgId} SNYK_GROUP_ID=${mock.groupId}`);
    io.err('tokens: see --json, or set SNYK_TOKEN / SNYK_APIWEB_TOKEN before starting the mock');
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mock.close();
  return 0;
}
