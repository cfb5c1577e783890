import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, type Manifest } from '../../reporters/manifest.ts';
import { EXPORT_FILES, writeReports } from '../../reporters/write-reports.ts';
import { normalResults } from './results-builder.ts';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** What `jq -r '.files[] | "\(.sha256)  \(.path)"' manifest.json` prints (README): sha256sum's check format. */
const checkLines = (manifest: Manifest): string => manifest.files.map((f) => `${f.sha256}  ${f.path}\n`).join('');

/** The manifest's verdict on a directory, as the README's one-liner gives it: the files whose digest differs. */
function altered(dir: string, manifest: Manifest): string[] {
  return manifest.files.filter((f) => sha256(join(dir, f.path)) !== f.sha256 || statSync(join(dir, f.path)).size !== f.bytes).map((f) => f.path);
}

async function written(exports: Array<'ocsf' | 'oscal'> = ['ocsf', 'oscal']): Promise<{ dir: string; manifest: Manifest }> {
  const dir = mkdtempSync(join(tmpdir(), 'stc-manifest-'));
  await writeReports(normalResults(), dir, { exports });
  return { dir, manifest: JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest };
}

describe('manifest.json', () => {
  it('should list every other file of the run with its size and SHA-256, the exports included', async () => {
    const { dir, manifest } = await written();
    const others = readdirSync(dir).filter((f) => f !== MANIFEST_FILE).sort();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(others);
    expect(others).toEqual(expect.arrayContaining([EXPORT_FILES.ocsf, EXPORT_FILES.oscal]));
    for (const f of manifest.files) {
      expect(f.sha256).toBe(sha256(join(dir, f.path)));
      expect(f.bytes).toBe(statSync(join(dir, f.path)).size);
    }
    expect(manifest).toMatchObject({ manifestVersion: '1.0', algorithm: 'sha256', run: { id: normalResults().run.id, partial: false } });
  });

  it('should leave the exports out by default', async () => {
    const { dir, manifest } = await written([]);
    expect(readdirSync(dir)).not.toContain(EXPORT_FILES.ocsf);
    expect(manifest.files.map((f) => f.path)).toEqual(['junit.xml', 'report.html', 'results.json', 'findings.csv', 'summary.md']);
  });

  it('should show that a report was altered after the run', async () => {
    const { dir, manifest } = await written();
    expect(altered(dir, manifest)).toEqual([]);
    const csv = join(dir, 'findings.csv');
    // One character changed, same size: only the digest can tell.
    const text = readFileSync(csv, 'utf8');
    writeFileSync(csv, text.replace('persisting', 'persistinG'));
    expect(altered(dir, manifest)).toEqual(['findings.csv']);
  });

  it('should be checkable with sha256sum -c, which fails once a report is altered', async (context) => {
    if (spawnSync('sha256sum', ['--version']).status !== 0) context.skip();
    const { dir, manifest } = await written();
    const check = (): number | null => spawnSync('sha256sum', ['-c', '-'], { cwd: dir, input: checkLines(manifest) }).status;
    expect(check()).toBe(0);
    writeFileSync(join(dir, EXPORT_FILES.oscal), readFileSync(join(dir, EXPORT_FILES.oscal), 'utf8').replace('not-satisfied', 'satisfied'));
    expect(check()).toBe(1);
  });
});
