/**
 * One end-to-end audit as a nightly job runs it: `run --tenant live --suite audit` against a mock tenant served
 * by another process on loopback, timed, with the peak RSS of the run's whole process tree.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cleanEnv, describeFailure, runCli, type CliRun } from './cli-process.ts';
import { startCountingProxy, type OperationCount } from './counting-proxy.ts';
import type { MockProcess } from './mock-process.ts';
import type { RssPeak } from './process-tree-rss.ts';

export interface TenantSize {
  users: number;
  members: number;
  provisions: number;
}

export interface AuditRun {
  wallMs: number;
  rss: RssPeak;
  exitCode: number | null;
  outDir: string;
  resultsPath: string;
  /** Total requests from results.json `stats.requests`, when the run recorded them. */
  statsRequests?: number;
  statsRateLimited?: number;
  /** Records read per source (results.json `stats.inventory`). */
  inventory?: Record<string, number>;
  findings: number;
  partial: boolean;
  partialReason?: string;
}

interface ResultsSubset {
  run?: { partial?: boolean; partialReason?: string };
  findings?: unknown[];
  stats?: { requests?: Record<string, number>; inventory?: Record<string, number> };
}

/** The total of results.json `stats.requests`: a `requests`/`total` entry, else the sum of the per-API counts. */
export function totalRequests(requests: Record<string, number> | undefined): number | undefined {
  if (!requests) return undefined;
  for (const key of ['requests', 'total']) if (typeof requests[key] === 'number') return requests[key];
  const perApi = ['v1', 'rest', 'apiweb'].filter((k) => typeof requests[k] === 'number');
  return perApi.length ? perApi.reduce((s, k) => s + requests[k]!, 0) : undefined;
}

export class AuditRunError extends Error {
  readonly code = 'BENCH_AUDIT_RUN_FAILED';
}

/**
 * The mock in its own process has no rate limit, so the run's pacing is lifted (config `rateLimits`): the figure
 * measures the tool, not Snyk's documented 1 620 REST requests a minute. Since issue 13 the audit makes one
 * documented `user_id` search per org member, which a real tenant's limit would pace into minutes.
 */
async function auditArgs(outDir: string): Promise<string[]> {
  await mkdir(dirname(outDir), { recursive: true });
  const config = `${outDir}.config.json`;
  await writeFile(config, JSON.stringify({ rateLimits: { v1: 1_000_000, rest: 1_000_000, apiweb: 1_000_000 } }));
  return ['run', '--tenant', 'live', '--suite', 'audit', '--out', outDir, '--config', config];
}

/** Exit 0 or 1 (findings reached --fail-on) is a completed audit; anything else failed. */
function assertCompleted(run: CliRun, what: string): void {
  if (run.timedOut || (run.code !== 0 && run.code !== 1)) throw new AuditRunError(`${what} failed: ${describeFailure(run)}`);
}

export async function timedAuditRun(
  mock: MockProcess,
  outDir: string,
  options: { timeoutMs: number; nodeArgs?: string[] },
): Promise<AuditRun> {
  const run = await runCli(await auditArgs(outDir), {
    env: cleanEnv(mock.liveEnv()),
    timeoutMs: options.timeoutMs,
    sampleRss: true,
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
  });
  assertCompleted(run, 'the audit run');
  const resultsPath = join(outDir, 'results.json');
  let results: ResultsSubset;
  try {
    results = JSON.parse(await readFile(resultsPath, 'utf8')) as ResultsSubset;
  } catch (error) {
    throw new AuditRunError(`the audit run wrote no readable results.json: ${(error as Error).message}`, { cause: error });
  }
  const statsRequests = totalRequests(results.stats?.requests);
  const rateLimited = results.stats?.requests?.rateLimited ?? results.stats?.requests?.['429'];
  return {
    wallMs: run.wallMs,
    rss: run.rss!,
    exitCode: run.code,
    outDir,
    resultsPath,
    ...(statsRequests !== undefined ? { statsRequests } : {}),
    ...(rateLimited !== undefined ? { statsRateLimited: rateLimited } : {}),
    ...(results.stats?.inventory ? { inventory: results.stats.inventory } : {}),
    findings: results.findings?.length ?? 0,
    partial: Boolean(results.run?.partial),
    ...(results.run?.partialReason ? { partialReason: results.run.partialReason } : {}),
  };
}

/** The same audit through the counting proxy (a separate, untimed measurement): requests per operation. */
export async function countedAuditRun(mock: MockProcess, outDir: string, timeoutMs: number): Promise<OperationCount[]> {
  const proxy = await startCountingProxy(mock.coords.url);
  try {
    const env = { ...mock.liveEnv(), SNYK_API_URL: proxy.origin, SNYK_APIWEB_URL: proxy.origin };
    const run = await runCli(await auditArgs(outDir), { env: cleanEnv(env), timeoutMs });
    assertCompleted(run, 'the counted audit run');
    return proxy.counts();
  } finally {
    await proxy.close();
  }
}
