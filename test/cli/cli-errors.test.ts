import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from './run-cli.ts';

const STACK = /\n\s+at .+\(.+:\d+:\d+\)/;

describe('the command line', () => {
  it('should list run, mock and compare in --help and exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['run', 'mock', 'compare', 'doctor', 'merge']) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('should have --help on every command', async () => {
    for (const command of ['run', 'mock', 'compare', 'doctor', 'merge']) {
      const r = await runCli([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain(`snyk-tenant-check ${command}`);
    }
  });

  it('should document --strict on run and compare, and the realistic mock, in --help', async () => {
    for (const command of ['run', 'compare']) {
      const r = await runCli([command, '--help']);
      expect(r.stdout, command).toMatch(/^ {2}--strict +where the documentation is silent/m);
      expect(r.stdout, command).toContain('--mock-realistic');
    }
    expect((await runCli(['mock', '--help'])).stdout).toMatch(/^ {2}--realistic /m);
  });

  it('should exit 2 when --mock-realistic is asked of a live tenant', async () => {
    const r = await runCli(['run', '--tenant', 'live', '--mock-realistic']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mock-realistic apply to --tenant mock only');
    const c = await runCli(['compare', '--from', '2024-04-29', '--to', '2024-10-15', '--tenant', 'live', '--mock-realistic']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--mock-realistic applies to --tenant mock only');
  });

  it('should exit 2 with one clear line and no stack trace on an unknown flag', async () => {
    const r = await runCli(['run', '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--no-such-flag'");
    expect(r.stderr).not.toMatch(STACK);
  });

  it('should exit 2 on an unknown command and a bad flag value', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const bad = await runCli(['run', '--fail-on', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on takes one of');
  });

  it('should exit 2 naming SNYK_TOKEN when a live run has no token', async () => {
    const r = await runCli(['run', '--tenant', 'live', '--out', 'test-artifacts/no-token'], { env: cleanEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SNYK_TOKEN');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('should exit 3 within 60 s and without a stack trace when the tenant cannot be reached', async () => {
    const r = await runCli(['run', '--tenant', 'live', '--suite', 'contract', '--out', 'test-artifacts/unreachable'], {
      env: cleanEnv({ SNYK_TOKEN: 'unreachable-token-value', SNYK_API_URL: 'http://127.0.0.1:9', SNYK_ORG_ID: 'o' }),
    });
    expect(r.code).toBe(3);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.stderr).toMatch(/could not be reached/);
    expect(r.stderr + r.stdout).not.toContain('unreachable-token-value');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('should exit 2 on an unreadable or invalid policy, naming the file (and the line), before any suite runs', async () => {
    const unreadable = await runCli(['run', '--policy', '/nonexistent/policy.yaml', '--out', 'test-artifacts/bad-policy']);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('/nonexistent/policy.yaml');
    expect(unreadable.stderr).not.toMatch(STACK);
    const invalid = await runCli(['run', '--policy', 'test/cli/fixtures/invalid-policy.yaml', '--out', 'test-artifacts/bad-policy']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/invalid-policy\.yaml:4:\d+/);
    expect(invalid.stderr).not.toContain('running suites/');
  });

  it('should exit 2 on an invalid config file, naming the field', async () => {
    const r = await runCli(['run', '--config', 'test/cli/fixtures/invalid-config.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/failOn');
  });

  it('should refuse a plain-http tenant that is not on loopback', async () => {
    const r = await runCli(['run', '--tenant', 'live'], {
      env: cleanEnv({ SNYK_TOKEN: 't', SNYK_API_URL: 'http://api.snyk.io' }),
    });
    expect(r.code).toBe(2);
  });
});
