import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../src/schema/registry.ts';
import { BIN, ROOT, cleanEnv } from '../cli/run-cli.ts';

describe('an interrupted run', () => {
  it('should still write its reports, marked partial, and exit 3 on SIGINT', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stc-sigint-'));
    const child = spawn(process.execPath, [BIN, 'run', '--out', out, '--mock-users', '60000'], {
      cwd: ROOT,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const started = new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('running suites/')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await started;
    await new Promise((r) => setTimeout(r, 1000));
    child.kill('SIGINT');
    const code = await exited;
    expect(code, stderr).toBe(3);
    expect(stderr).toContain('interrupted');
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.run.partial).toBe(true);
    expect(results.run.partialReason).toBe('interrupted');
    expect(schemas().validate('https://snyk-tenant-check.dev/schemas/results.schema.json', results).errors).toEqual([]);
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('Partial run');
  }, 120_000);
});
