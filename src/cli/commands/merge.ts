/** `snyk-tenant-check merge`: one set of reports from the blob reports of sharded runs. */
import { mergeShards } from '../../run/merge-shards.ts';
import { EXPORT_FORMATS } from '../../model/report-formats.ts';
import { listOf, parseFlags } from '../parse.ts';
import { UsageError } from '../usage-error.ts';
import type { CliIO } from '../io.ts';

export const MERGE_HELP = `Usage: snyk-tenant-check merge --blobs DIR [--out DIR] [--format LIST]

Combines the shard outputs of 'run --shard I/N' (the blob-*.json and run-info-*.json files of every
shard, copied into one directory) into one set of reports, the same as one unsharded run.

Options:
  --blobs DIR    directory holding every shard's blob-*.json and run-info-*.json
  --out DIR      where the reports go (default: reports)
  --format LIST  extra outputs, comma-separated: ocsf, oscal (as for 'run'; default: the shards' own)
  --debug        show stack traces of errors
  -h, --help     this help
`;

const FLAGS = {
  blobs: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function mergeCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, FLAGS, 'merge');
  if (values.help) {
    io.out(MERGE_HELP);
    return 0;
  }
  if (!values.blobs) throw new UsageError('merge needs --blobs DIR');
  const outcome = await mergeShards({ blobDir: values.blobs, outDir: values.out ?? 'reports', ...(values.format !== undefined ? { formats: listOf(values.format, 'format', EXPORT_FORMATS) ?? [] } : {}) });
  const { checks, findings } = outcome.results.summary;
  io.out(`merged ${outcome.results.run.shards ?? 1} shard(s): ${checks.passed} passed, ${checks.failed} failed checks; ${findings.fail} failing findings`);
  io.out(`reports: ${outcome.files.join(', ')}`);
  return outcome.exitCode;
}
