import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../src/schema/registry.ts';
import { runCli } from '../cli/run-cli.ts';
import { validateXml } from '../support/libxml2.ts';
import { liveEnvFor, startMockProcess, type MockProcess } from './start-mock-process.ts';
import { startRecordingProxy } from './recording-proxy.ts';

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

  it('should write a junit.xml valid against the JUnit schema, a report.html and a valid results.json', async () => {
    expect(validateXml(join(out, 'junit.xml'))).toEqual({ ok: true, errors: [] });
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

/** Every output of a run: stdout, stderr and each report. */
async function everyOutput(run: Awaited<ReturnType<typeof runCli>>, out: string): Promise<string[]> {
  const texts = [run.stdout, run.stderr];
  for (const file of ['junit.xml', 'report.html', 'results.json', 'findings.csv', 'summary.md']) {
    texts.push(await readFile(join(out, file), 'utf8'));
  }
  return texts;
}

describe('a live run against the mock tenant served by another process', () => {
  let mock: MockProcess;
  let drifted: MockProcess;

  beforeAll(async () => {
    [mock, drifted] = await Promise.all([
      startMockProcess(['--seed', '7']),
      startMockProcess(['--seed', '7', '--drift', 'self-json-content-type']),
    ]);
  });
  afterAll(async () => {
    await Promise.all([mock?.stop(), drifted?.stop()]);
  });

  it('should pass the contract suite read-only (GET requests only) and keep the token out of every output', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stc-live-'));
    const proxy = await startRecordingProxy(mock.url);
    const r = await runCli(['run', '--tenant', 'live', '--suite', 'contract', '--out', out], {
      env: liveEnvFor(mock, { SNYK_API_URL: proxy.url, SNYK_APIWEB_URL: proxy.url }),
      timeoutMs: 120_000,
    });
    await proxy.close();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // Safe by default: without --allow-writes a live run sends nothing but GET.
    expect(proxy.requests.length).toBeGreaterThan(100);
    expect(proxy.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    for (const text of await everyOutput(r, out)) {
      expect(text).not.toContain(mock.snykToken);
      expect(text).not.toContain(mock.apiwebToken);
    }
  }, 130_000);

  it('should run its Snyk half without an API & Web key: those checks skipped, their rules unknown', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stc-no-apiweb-'));
    const env = liveEnvFor(mock);
    delete env.SNYK_APIWEB_TOKEN;
    const r = await runCli(['run', '--tenant', 'live', '--out', out, '--fail-on', 'never', '--num-runs', '5'], { env, timeoutMs: 120_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain('SNYK_APIWEB_TOKEN is not set');
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const apiweb = results.checks.filter((c: { operation: string }) => c.operation === 'GET /users/');
    expect(apiweb.length).toBeGreaterThan(0);
    expect(apiweb.every((c: { outcome: string }) => c.outcome === 'skipped')).toBe(true);
    const mfa = results.rules.find((x: { id: string }) => x.id === 'mfa-disabled');
    expect(mfa.outcome).toBe('unknown');
    expect(results.checks.some((c: { operation: string; outcome: string }) => c.operation === 'GET /rest/self' && c.outcome === 'passed')).toBe(true);
  }, 130_000);

  it('should clean up every test provision it creates with --allow-writes', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stc-writes-'));
    const proxy = await startRecordingProxy(mock.url);
    const r = await runCli(['run', '--tenant', 'live', '--suite', 'contract', '--allow-writes', '--out', out], {
      env: liveEnvFor(mock, { SNYK_API_URL: proxy.url, SNYK_APIWEB_URL: proxy.url }),
      timeoutMs: 120_000,
    });
    await proxy.close();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const posts = proxy.requests.filter((q) => q.method === 'POST').length;
    expect(posts).toBeGreaterThan(0);
    // Without SNYK_TEST_USER_ID no member is touched: PATCH cases address only a user id that cannot exist.
    const patched = new Set(proxy.requests.filter((q) => q.method === 'PATCH').map((q) => q.path.split('/').pop()));
    expect([...patched]).toEqual(['00000000-0000-4000-8000-00000000dead']);
    const res = await fetch(`${mock.url}/v1/org/${mock.orgId}/provision`, { headers: { authorization: `token ${mock.snykToken}` } });
    const pending = (await res.json()) as { email: string }[];
    expect(pending.filter((p) => p.email.startsWith('snyk-tenant-check+'))).toEqual([]);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const residue = results.checks.find((c: { id: string }) => c.id === 'provision_residue');
    expect(residue.outcome).toBe('passed');
  }, 130_000);

  it('should fail on a drifted tenant, name the check and operation, and still keep the token out', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stc-drift-'));
    const r = await runCli(['run', '--tenant', 'live', '--out', out], { env: liveEnvFor(drifted), timeoutMs: 120_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const failed = results.checks.filter((c: { outcome: string }) => c.outcome === 'failed');
    expect(failed.map((c: { id: string; operation: string }) => `${c.id} ${c.operation}`)).toContain(
      'content_type_conformance GET /rest/self',
    );
    const reproduction: string = failed.find(
      (c: { id: string; operation: string }) => c.id === 'content_type_conformance' && c.operation === 'GET /rest/self',
    ).reproduction;
    expect(reproduction).toMatch(/^curl /);
    expect(reproduction).toContain('$SNYK_TOKEN');
    for (const text of await everyOutput(r, out)) {
      expect(text).not.toContain(drifted.snykToken);
      expect(text).not.toContain(drifted.apiwebToken);
    }
  }, 130_000);
});
