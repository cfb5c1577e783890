/**
 * The command line: `snyk-tenant-check <command> [options]`. The only place that prints and decides the
 * process exit code. A user error is one clear line and exit 2 (3 for an unreachable tenant); a stack trace
 * only with --debug.
 */
import { processIO, type CliIO } from './io.ts';
import { UsageError } from './usage-error.ts';
import { TOOL_VERSION } from '../run/tool-version.ts';
import { exitCodeForError } from '../run/exit-code.ts';

export const MAIN_HELP = `Usage: snyk-tenant-check <command> [options]

Contract tests and compliance audit for Snyk's user-management APIs.

Commands:
  run        run the contract and audit suites against a tenant and write the reports
  mock       serve the mock tenant on a loopback port
  compare    pre-upgrade check: run the REST contract checks under two API versions and diff them
  doctor     check a live configuration read-only before a nightly run, and say what to fix
  merge      combine the outputs of sharded runs ('run --shard I/N') into one set of reports
  verify     check a report directory against its manifest.json (SHA-256 of every report)

Run 'snyk-tenant-check <command> --help' for a command's options.
Options: -h, --help   this help;   --version   the version
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;
// Loaded on demand: `mock` need not load vitest, and `--help` loads nothing.
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.ts')).runCommand,
  mock: async () => (await import('./commands/mock.ts')).mockCommand,
  compare: async () => (await import('./commands/compare.ts')).compareCommand,
  merge: async () => (await import('./commands/merge.ts')).mergeCommand,
  doctor: async () => (await import('./commands/doctor.ts')).doctorCommand,
  verify: async () => (await import('./commands/verify.ts')).verifyCommand,
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(MAIN_HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(TOOL_VERSION);
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) throw new UsageError(`unknown command '${command}' (see 'snyk-tenant-check --help')`);
    return await (await load())(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`snyk-tenant-check: ${message}`);
    if (debug && error instanceof Error && error.stack) io.err(error.stack);
    return exitCodeForError(error);
  }
}
