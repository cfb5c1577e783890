import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../src/schema/registry.ts';
import { runCli } from '../cli/run-cli.ts';
import { liveEnvFor, startMockProcess, type MockProcess } from './start-mock-process.ts';

const RESULTS_SCHEMA = 'https://snyk-tenant-check.dev/schemas/results.schema.json';

describe('the main job (npm start) on the embedded mock tenant', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'stc-main-'));
    run = await runCli(['run', '--fail-on', 'never', '--out', out], { timeoutMs: 120_000 });
  }, 130_000);

  it('should exit 0 and print the seed', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/seed: \d+/);
  });

  it('should write a well-formed junit.xml, a report.html and a valid results.json', async () => {
    execFileSync('xmllint', ['--noout', join(out, 'junit.xml')]);
    expect((await stat(join(out, 'report.html'))).size).toBeGreaterThan(1000);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const { valid, errors } = schemas().validate(RESULTS_SCHEMA, results);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    expect(results.run.partial).toBe(false);
  });

  it('should pass every contract check and find the planted audit findings', async () => {
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const failed = results.checks.filter((c: { outcome: string }) => c.outcome === 'failed' || c.outcome === 'error');
    expect(failed).toEqual([]);
    expect(results.checks.filter((c: { outcome: string }) => c.outcome === 'passed').length).toBeGreaterThan(20);
    const ruleIds = new Set(results.findings.map((f: { ruleId: string }) => f.ruleId));
    for (const core of ['mfa-disabled', 'inactive-account', 'deactivated-with-roles', 'stale-provision']) {
      expect(ruleIds, core).toContain(core);
    }
  });

  it('should write the findings CSV and the Markdown summary', async () => {
    expect(await readFile(join(out, 'findings.csv'), 'utf8')).toMatch(/^run_id,run_partial,rule_id,/);
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('snyk-tenant-check');
  });
});

describe('a live run against the mock tenant served by another process', () => {
  let mock: MockProcess;

  beforeAll(async () => {
    mock = await startMockProcess(['--seed', '7']);
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it('should pass the contract suite and keep the token out of every output', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stc-live-'));
    const r = await runCli(['run', '--tenant', 'live', '--suite', 'contract', '--out', out], {
      env: liveEnvFor(mock),
      timeoutMs: 120_000,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const everything = [r.stdout, r.stderr];
    for (const file of ['junit.xml', 'report.html', 'results.json', 'findings.csv', 'summary.md']) {
      everything.push(await readFile(join(out, file), 'utf8'));
    }
    for (const text of everything) {
      expect(text).not.toContain(mock.snykToken);
      expect(text).not.toContain(mock.apiwebToken);
    }
  }, 130_000);
});
