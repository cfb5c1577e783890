import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { validateOcsf, validateOscal } from '../reporters/external-schemas.ts';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('run --format ocsf,oscal on the embedded mock with a drift', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'stc-exports-'));
    run = await runCli(['run', '--drift', 'self-json-content-type', '--format', 'ocsf,oscal', '--fail-on', 'never', '--out', out], { timeoutMs: 120_000 });
  }, 130_000);

  it('should write both exports and a manifest that lists them', async () => {
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const files = await readdir(out);
    expect(files).toEqual(expect.arrayContaining(['findings.ocsf.jsonl', 'assessment-results.oscal.json', 'manifest.json']));
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Any;
    expect(manifest.files.map((f: Any) => f.path)).toEqual(['junit.xml', 'report.html', 'results.json', 'findings.csv', 'summary.md', 'findings.ocsf.jsonl', 'assessment-results.oscal.json']);
    expect(run.stdout).toContain('findings.ocsf.jsonl');
  });

  it('should export the failed check as a valid Detection Finding and every finding as a valid Compliance Finding', async () => {
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as Any;
    const events = (await readFile(join(out, 'findings.ocsf.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Any);
    for (const e of events) expect(validateOcsf(e)).toEqual({ valid: true, errors: [] });
    const detection = events.filter((e) => e.class_uid === 2004);
    expect(detection.map((e) => `${e.metadata.event_code} ${e.unmapped.operation}`)).toContain('content_type_conformance GET /rest/self');
    expect(events.filter((e) => e.class_uid === 2003)).toHaveLength(results.findings.length);
  });

  it('should write a valid OSCAL document with an observation per finding', async () => {
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as Any;
    const doc = JSON.parse(await readFile(join(out, 'assessment-results.oscal.json'), 'utf8')) as Any;
    expect(validateOscal(doc)).toEqual({ valid: true, errors: [] });
    expect(doc['assessment-results'].results[0].observations).toHaveLength(results.findings.length);
  });
});

describe('--format and the formats config key', () => {
  it('should exit 2 on an unknown format, naming the allowed ones', async () => {
    const r = await runCli(['run', '--format', 'ocsf,sarif', '--out', 'test-artifacts/bad-format']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format takes a comma-separated list of ocsf, oscal');
  });

  it('should exit 2 on an unknown format in the config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stc-format-config-'));
    const config = join(dir, 'snyk-tenant-check.config.json');
    await writeFile(config, JSON.stringify({ formats: ['ocsf', 'pdf'] }));
    const r = await runCli(['run', '--config', config, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('formats');
  });
});
