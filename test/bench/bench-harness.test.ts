/**
 * The bench harness, run as `npm run bench` runs it (a child process), in --quick mode for one cheap bench:
 * it must print the table and write JSON with the figure names scripts rely on. No timing assertions:
 * speed is what the bench reports, not what a unit test can judge on a shared machine.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBench(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'tsx.mjs'), 'bench/run.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS')),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run bench -- --quick --only cpu-path', () => {
  let dir: string;
  let run: Run;
  let json: {
    quick: boolean;
    machine: Record<string, unknown>;
    benches: { bench: string; status: string; reason?: string }[];
    figures: Record<string, { name: string; value: unknown; unit: string; goal?: unknown; met?: boolean }>;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-test-'));
    run = await runBench(['--quick', '--only', 'cpu-path', '--out', join(dir, 'out.json')]);
    json = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'));
  }, 160_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should exit 0 and run only the selected bench, successfully', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(json.quick).toBe(true);
    expect(json.benches.map((b) => b.bench)).toEqual(['cpu-path']);
    expect(json.benches[0]!.status, json.benches[0]!.reason).toBe('ok');
  });

  it('should write every cpu-path figure with a numeric value and the ratio goal', () => {
    for (const name of [
      'cpu-path.auditRecordsPerS',
      'cpu-path.bareValidateRecordsPerS',
      'cpu-path.ratio',
      'cpu-path.registryValidateRecordsPerS',
      'cpu-path.rulesOnlyRecordsPerS',
    ]) {
      expect(json.figures[name], name).toBeDefined();
      expect(typeof json.figures[name]!.value, name).toBe('number');
      expect(json.figures[name]!.value as number, name).toBeGreaterThan(0);
    }
    expect(json.figures['cpu-path.ratio']!.goal).toEqual({ op: '>=', target: 0.8 });
    expect(typeof json.figures['cpu-path.ratio']!.met).toBe('boolean');
  });

  it('should record the machine the figures were taken on', () => {
    expect(json.machine).toMatchObject({ cores: expect.any(Number), memoryMb: expect.any(Number), node: process.version });
    expect(typeof json.machine.cpuModel).toBe('string');
  });

  it('should print the machine line and the table with the figures', () => {
    expect(run.stdout).toMatch(/^machine: .+ cores, \d+ MB RAM, Node v\d+/m);
    expect(run.stdout).toMatch(/^cpu-path\.ratio\s+\S+/m);
    expect(run.stdout).toContain('json: ');
  });
});

describe('npm run bench -- --only with an unknown bench', () => {
  it('should refuse it with exit 2 and name the known benches', async () => {
    const run = await runBench(['--only', 'no-such-bench', '--out', join(tmpdir(), 'never-written.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown bench 'no-such-bench'");
    expect(run.stderr).toContain('audit-e2e');
  }, 60_000);
});
