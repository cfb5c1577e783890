/**
 * `verify DIR`: checks the files of a report directory against its manifest.json (reporters/manifest.ts): each
 * listed file must exist with the recorded size and SHA-256. Files are hashed as streams (an export of a 100k-user
 * run is ~100 MB).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { MANIFEST_FILE, type Manifest } from '../../reporters/manifest.ts';
import { ConfigError } from '../model/errors.ts';

interface FileVerdict {
  path: string;
  status: 'ok' | 'altered' | 'missing';
}

interface ManifestVerdict {
  manifest: Manifest;
  files: FileVerdict[];
  ok: boolean;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isManifest(value: unknown): value is Manifest {
  const files = (value as { files?: unknown } | null)?.files;
  return (
    Array.isArray(files) &&
    files.every((f: { path?: unknown; sha256?: unknown; bytes?: unknown }) => typeof f?.path === 'string' && typeof f.sha256 === 'string' && typeof f.bytes === 'number')
  );
}

export async function verifyManifest(dir: string): Promise<ManifestVerdict> {
  const manifestPath = join(resolve(dir), MANIFEST_FILE);
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (error) {
    throw new ConfigError('CONFIG_MANIFEST_UNREADABLE', `cannot read ${manifestPath}`, { cause: error });
  }
  if (!isManifest(manifest)) throw new ConfigError('CONFIG_MANIFEST_INVALID', `${manifestPath} is not a snyk-tenant-check manifest (no files list)`);
  const files: FileVerdict[] = [];
  for (const entry of manifest.files) {
    // Only names in the directory itself: a manifest cannot point the check elsewhere.
    const file = join(resolve(dir), basename(entry.path));
    const size = await stat(file).then((s) => s.size, () => undefined);
    if (size === undefined) files.push({ path: entry.path, status: 'missing' });
    else files.push({ path: entry.path, status: size === entry.bytes && (await sha256(file)) === entry.sha256.toLowerCase() ? 'ok' : 'altered' });
  }
  return { manifest, files, ok: files.every((f) => f.status === 'ok') };
}
