import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../cli/run-cli.ts';
import { liveEnvFor, startMockProcess, type MockProcess } from './start-mock-process.ts';

describe('doctor', () => {
  let mock: MockProcess;
  beforeAll(async () => {
    mock = await startMockProcess(['--seed', '2', '--users', '50']);
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it('should find a working configuration ready and say what it checked', async () => {
    const r = await runCli(['doctor'], { env: liveEnvFor(mock) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✓ token: accepted \(user /);
    expect(r.stdout).toMatch(/✓ GET \/rest\/orgs\/\{org_id\}\/memberships: readable \(version 2024-08-25, ga\)/);
    expect(r.stdout).toMatch(/✓ GET \/rest\/orgs\/\{org_id\}\/users\/\{id\}: readable \(version 2021-09-13~beta, beta\)/);
    expect(r.stdout).toMatch(/✓ GET \/users\/: readable \(50 users\)/);
    expect(r.stdout).toContain('ready for a nightly run');
    expect(r.stdout + r.stderr).not.toContain(mock.snykToken);
  });

  it('should name the fix when a token is refused or an org is unknown', async () => {
    const r = await runCli(['doctor'], {
      env: liveEnvFor(mock, { SNYK_APIWEB_TOKEN: 'not-the-key', SNYK_ORG_ID: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ GET \/users\/: 401: the API & Web key was rejected\n\s+fix: check SNYK_APIWEB_TOKEN/);
    expect(r.stdout).toMatch(/✗ GET \/v1\/org\/\{orgId\}\/provision: 404/);
    expect(r.stdout).toContain('not ready');
    expect(r.stdout + r.stderr).not.toContain('not-the-key');
  });

  it('should exit 2 without a token and 3 when the tenant cannot be reached', async () => {
    const missing = await runCli(['doctor'], { env: cleanEnv() });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('SNYK_TOKEN');
    const unreachable = await runCli(['doctor'], { env: cleanEnv({ SNYK_TOKEN: 't0k3n-value', SNYK_API_URL: 'http://127.0.0.1:9' }) });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stdout).toMatch(/✗ reachability: cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
