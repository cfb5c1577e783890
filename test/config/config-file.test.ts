import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envFromConfig, loadConfigFile } from '../../src/config/config-file.ts';

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stc-config-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('the config file', () => {
  it('should be optional: no file in the directory means no configuration', async () => {
    expect(await loadConfigFile(undefined, await dirWith({}))).toBeUndefined();
  });

  it('should read snyk-tenant-check.config.json and resolve its paths against the file', async () => {
    const dir = await dirWith({ 'snyk-tenant-check.config.json': JSON.stringify({ failOn: 'medium', policy: 'policy.yaml', orgIds: ['a', 'b'] }) });
    const config = await loadConfigFile(undefined, dir);
    expect(config).toEqual({ failOn: 'medium', policy: join(dir, 'policy.yaml'), orgIds: ['a', 'b'] });
  });

  it('should read strict (like --strict) and refuse a non-boolean one', async () => {
    const dir = await dirWith({ 'snyk-tenant-check.config.json': JSON.stringify({ strict: true }), 'bad.json': JSON.stringify({ strict: 'yes' }) });
    expect(await loadConfigFile(undefined, dir)).toEqual({ strict: true });
    await expect(loadConfigFile('bad.json', dir)).rejects.toMatchObject({ code: 'CONFIG_FILE_INVALID', message: expect.stringContaining('/strict') });
  });

  it('should read the default export of snyk-tenant-check.config.ts', async () => {
    const dir = await dirWith({ 'snyk-tenant-check.config.ts': "const config: { suite: string; numRuns: number } = { suite: 'audit', numRuns: 7 };\nexport default config;\n" });
    expect(await loadConfigFile(undefined, dir)).toEqual({ suite: 'audit', numRuns: 7 });
  });

  it('should refuse an unknown key or a bad value, naming the file and the field', async () => {
    const dir = await dirWith({ 'bad.json': JSON.stringify({ failOn: 'sometimes' }), 'typo.json': JSON.stringify({ tenent: 'live' }) });
    await expect(loadConfigFile('bad.json', dir)).rejects.toMatchObject({ code: 'CONFIG_FILE_INVALID', message: expect.stringContaining('/failOn') });
    await expect(loadConfigFile('typo.json', dir)).rejects.toMatchObject({ code: 'CONFIG_FILE_INVALID', message: expect.stringContaining("'tenent'") });
    await expect(loadConfigFile('missing.json', dir)).rejects.toMatchObject({ code: 'CONFIG_FILE_UNREADABLE' });
  });

  it('should override the environment with its tenant coordinates (environment < file < flags)', () => {
    const env = envFromConfig({ snykApiUrl: 'https://api.eu.snyk.io', orgIds: ['o1', 'o2'] }, { SNYK_API_URL: 'https://api.snyk.io', SNYK_TOKEN: 't' });
    expect(env).toMatchObject({ SNYK_API_URL: 'https://api.eu.snyk.io', SNYK_ORG_IDS: 'o1,o2', SNYK_ORG_ID: 'o1', SNYK_TOKEN: 't' });
  });
});
