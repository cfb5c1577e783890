/** `snyk-tenant-check verify DIR`: are the reports in DIR the ones the run wrote? (manifest.json) */
import { verifyManifest } from '../../run/verify-manifest.ts';
import { parseFlags } from '../parse.ts';
import { UsageError } from '../usage-error.ts';
import type { CliIO } from '../io.ts';

export const VERIFY_HELP = `Usage: snyk-tenant-check verify [DIR]

Checks every file listed in DIR/manifest.json (default DIR: reports) against its recorded size and SHA-256.
Prints one line per file (ok, ALTERED, MISSING). The same check without this tool:
  cd DIR && jq -r '.files[] | "\\(.sha256)  \\(.path)"' manifest.json | sha256sum -c -

Exit codes: 0 every file is unaltered; 1 a file is altered or missing; 2 no readable manifest.

Options:
  --debug        show stack traces of errors
  -h, --help     this help
`;

const FLAGS = {
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function verifyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(argv, FLAGS, 'verify', true);
  if (values.help) {
    io.out(VERIFY_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('verify takes one directory');
  const verdict = await verifyManifest(positionals[0] ?? 'reports');
  for (const f of verdict.files) io.out(`${f.status === 'ok' ? 'ok' : f.status.toUpperCase()}  ${f.path}`);
  io.out(verdict.ok ? `verified: ${verdict.files.length} file(s) of run ${verdict.manifest.run?.id ?? '?'} unaltered` : 'verification FAILED');
  return verdict.ok ? 0 : 1;
}
