import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../src/schema/registry.ts';
import { runCli } from '../cli/run-cli.ts';

describe('compare (the pre-upgrade contract check)', () => {
  it('should run the contract checks under both versions and report what changes between them', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stc-compare-'));
    // Memberships were first released on 2024-08-25: under 2024-04-29 they do not exist yet (404).
    // Two contract runs and the comparison take ~100 s alone on 2 cores: margin for a loaded machine.
    const r = await runCli(['compare', '--from', '2024-04-29', '--to', '2024-10-15', '--out', out, '--num-runs', '5', '--seed', '3'], { timeoutMs: 280_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/≠ GET \/rest\/orgs\/\{org_id\}\/memberships: 404 .* → 200 served 2024-08-25 \(ga\)/);
    expect(r.stdout).toMatch(/= GET \/rest\/self: 200 served 2024-04-22 \(ga\) → 200 served 2024-04-22 \(ga\)/);

    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(schemas().validate('https://snyk-tenant-check.dev/schemas/results.schema.json', results).errors).toEqual([]);
    const memberships = results.comparison.operations.find((o: { operation: string }) => o.operation === 'GET /rest/orgs/{org_id}/memberships');
    expect(memberships.from.status).toBe(404);
    expect(memberships.to.served).toBe('2024-08-25');
    expect(memberships.differences.some((d: { kind: string }) => d.kind === 'check')).toBe(true);
    // Each version's own full run is kept beside the comparison.
    for (const version of ['2024-04-29', '2024-10-15']) {
      const run = JSON.parse(await readFile(join(out, version, 'results.json'), 'utf8'));
      expect(run.run.apiVersion).toBe(version);
    }
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('## REST 2024\\-04\\-29 → 2024\\-10\\-15');
  }, 300_000);

  it("should list the served spec's catalogued breaking change and its field addition next to what the tenant does", async () => {
    const out = await mkdtemp(join(tmpdir(), 'stc-compare-spec-'));
    // The memberships lists' 2024-05-09~experimental release (served under 2024-08-01~experimental) carried a
    // required attributes.updated_at that GA 2024-08-25 removed; GA added the user's login_method.
    const r = await runCli(['compare', '--from', '2024-08-01~experimental', '--to', '2024-10-15', '--out', out, '--num-runs', '2', '--seed', '5'], { timeoutMs: 280_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(
      'spec 200 application/vnd.api+json data[].attributes.updated_at: breaking (response-required-property-removed): data[].attributes.updated_at is removed (was required)',
    );
    expect(r.stdout).toContain(
      'spec 200 application/vnd.api+json data[].relationships.user.data.attributes.login_method: non-breaking (response-optional-property-added)',
    );
    // The org and the group list each: one breaking, one non-breaking.
    expect(r.stdout).toContain('served OpenAPI documents: 2 breaking, 0 potentially breaking, 2 non-breaking change(s)');

    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(schemas().validate('https://snyk-tenant-check.dev/schemas/results.schema.json', results).errors).toEqual([]);
    expect(results.comparison.specs.every((s: { available: boolean }) => s.available)).toBe(true);
    const org = results.comparison.operations.find((o: { operation: string }) => o.operation === 'GET /rest/orgs/{org_id}/memberships');
    const spec = org.differences.filter((d: { kind: string }) => d.kind === 'spec');
    expect(spec.map((d: { rule: string; breaking: boolean }) => [d.rule, d.breaking])).toEqual([
      ['response-required-property-removed', true],
      ['response-optional-property-added', false],
    ]);
    // What the tenant did agrees: the same field is gone from, and the other new in, the observed bodies.
    const shapes = org.differences.filter((d: { kind: string }) => d.kind === 'shape').map((d: { message: string }) => d.message);
    expect(shapes).toContain('/data/*/attributes/updated_at removed (was string)');
    expect(shapes).toContain('/data/*/relationships/user/data/attributes/login_method added (string)');
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('`response-required-property-removed`');
  }, 300_000);
});

