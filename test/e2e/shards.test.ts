import { cp, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

/**
 * Drops what legitimately differs between two runs: timings, run ids, the embedded mock's free port, and instants derived from each run's
 * start (cut-offs such as "now − 90 days" are kept to the day).
 */
const TIMINGS = new Set(['durationMs', 'startedAt', 'fetchedAt', 'finishedAt', 'firstSeen', 'id', 'shards', 'exitCode', 'targets']);
const RUN_INSTANT = /^(\d{4}-\d\d-\d\d)T\d\d:\d\d:\d\d\.\d{3}Z$/;
function withoutTimings(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(RUN_INSTANT, '$1');
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !TIMINGS.has(k)).map(([k, v]) => [k, withoutTimings(v)]));
  }
  return value;
}

describe('sharding', () => {
  it('should merge two shards into the same results.json as one unsharded run, timings aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stc-shards-'));
    const common = ['--seed', '11', '--mock-seed', '4', '--mock-users', '300', '--num-runs', '5', '--fail-on', 'never'];
    for (const i of [1, 2]) {
      const r = await runCli(['run', ...common, '--shard', `${i}/2`, '--out', join(dir, `shard-${i}`)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const blobs = join(dir, 'blobs');
    await mkdir(blobs);
    for (const i of [1, 2]) await cp(join(dir, `shard-${i}`, 'blob'), blobs, { recursive: true });
    expect((await readdir(blobs)).sort()).toEqual(['blob-1-2.json', 'blob-2-2.json', 'run-info-1-2.json', 'run-info-2-2.json']);
    const merged = await runCli(['merge', '--blobs', blobs, '--out', join(dir, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    const single = await runCli(['run', ...common, '--out', join(dir, 'single')]);
    expect(single.code, single.stderr).toBe(0);

    const a = JSON.parse(await readFile(join(dir, 'merged', 'results.json'), 'utf8'));
    const b = JSON.parse(await readFile(join(dir, 'single', 'results.json'), 'utf8'));
    expect(a.checks.length).toBeGreaterThan(50);
    expect(a.findings.length).toBeGreaterThan(10);
    expect(a.run.shards).toBe(2);
    expect(withoutTimings(a)).toEqual(withoutTimings(b));
  }, 180_000);
});
