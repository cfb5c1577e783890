/** `snyk-tenant-check doctor`: a read-only check of a live configuration, with what to fix. */
import { runDoctor } from '../../run/doctor.ts';
import { envFromConfig, loadConfigFile } from '../../config/config-file.ts';
import { parseFlags } from '../parse.ts';
import type { CliIO } from '../io.ts';

export const DOCTOR_HELP = `Usage: snyk-tenant-check doctor [options]

Checks a live configuration before a nightly run, read-only: the tenant is reachable, the token is
accepted, the organizations and the group are visible, each operation's REST version is available,
rate-limit headers, the Snyk API & Web key. Says what to fix.

Options:
  --config FILE  config file (default: ./snyk-tenant-check.config.json when present)
  --debug        show stack traces of errors
  -h, --help     this help

Exit codes: 0 ready; 1 something to fix; 2 configuration error; 3 the tenant could not be reached.
`;

const FLAGS = {
  config: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const MARK = { ok: '✓', warn: '!', fail: '✗', skip: '-' } as const;

export async function doctorCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, FLAGS, 'doctor');
  if (values.help) {
    io.out(DOCTOR_HELP);
    return 0;
  }
  const config = await loadConfigFile(values.config);
  const report = await runDoctor(envFromConfig(config, process.env));
  for (const check of report.checks) {
    io.out(`${MARK[check.status]} ${check.name}: ${check.detail}`);
    if (check.fix && check.status !== 'ok') io.out(`    fix: ${check.fix}`);
  }
  io.out(report.exitCode === 0 ? 'ready for a nightly run' : 'not ready: see the fixes above');
  return report.exitCode;
}
