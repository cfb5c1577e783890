import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { writeReports } from '../../reporters/write-reports.ts';
import { normalResults } from '../reporters/results-builder.ts';

async function verify(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['verify', ...args], { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

async function reports(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'stc-verify-'));
  await writeReports(normalResults(), dir, { exports: ['ocsf'] });
  return dir;
}

describe('snyk-tenant-check verify DIR', () => {
  it('should exit 0 and say ok for every file of an unaltered report directory', async () => {
    const r = await verify([await reports()]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^ok {2}findings\.ocsf\.jsonl$/m);
    expect(r.out).toContain('verified: 6 file(s)');
  });

  it('should exit 1 and name the file once a report is altered or removed', async () => {
    const dir = await reports();
    writeFileSync(join(dir, 'summary.md'), readFileSync(join(dir, 'summary.md'), 'utf8').replace('#', '+'));
    rmSync(join(dir, 'junit.xml'));
    const r = await verify([dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ALTERED {2}summary\.md$/m);
    expect(r.out).toMatch(/^MISSING {2}junit\.xml$/m);
    expect(r.out).toMatch(/^ok {2}results\.json$/m);
  });

  it('should exit 2 without a manifest', async () => {
    const r = await verify([mkdtempSync(join(tmpdir(), 'stc-verify-empty-'))]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('manifest.json');
  });
});
