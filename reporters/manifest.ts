/**
 * manifest.json: the SHA-256 and size of every report file a run wrote, so a report handed to an auditor can be
 * shown unaltered later. Written last (after every report it lists) and atomically, like the reports. The digests
 * are taken from the bytes as they were written (atomic-write.ts `hash`), not read back.
 *
 * Verification, from the report directory (sha256sum's check format: digest, two spaces, file name):
 *
 *   jq -r '.files[] | "\(.sha256)  \(.path)"' manifest.json | sha256sum -c -
 */
import type { RunResults } from '../src/model/results.ts';

export const MANIFEST_FILE = 'manifest.json';
const MANIFEST_VERSION = '1.0';

export interface ManifestEntry {
  /** The file name, relative to the manifest's directory. */
  path: string;
  bytes: number;
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
}

export interface Manifest {
  manifestVersion: string;
  tool: { name: string; version: string };
  run: { id: string; startedAt: string; partial: boolean };
  algorithm: 'sha256';
  files: ManifestEntry[];
}

export function buildManifest(results: RunResults, files: readonly ManifestEntry[]): Manifest {
  return {
    manifestVersion: MANIFEST_VERSION,
    tool: { name: results.tool.name, version: results.tool.version },
    run: { id: results.run.id, startedAt: results.run.startedAt, partial: results.run.partial },
    algorithm: 'sha256',
    files: [...files],
  };
}

export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
