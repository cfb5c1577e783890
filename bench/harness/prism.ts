/**
 * Prism 5.14.2 (`@stoplight/prism-cli`, the last release that runs on Node 20), installed on demand into a
 * gitignored cache (bench/.cache), never as a project dependency (issue 3). Started as a separate process on
 * loopback in static or dynamic (`-d`) mode with NODE_ENV=production, which Prism's CLI guide recommends
 * because request logging "slows down the process significantly".
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CACHE_DIR } from './paths.ts';
import { spawnTracked, stopTracked, waitOrStop } from './child-processes.ts';
import { freePort, waitForHttp } from './free-port.ts';
import { cleanEnv } from './cli-process.ts';

export const PRISM_VERSION = '5.14.2';
const PRISM_DIR = join(CACHE_DIR, `prism-${PRISM_VERSION}`);
const PRISM_PACKAGE = join(PRISM_DIR, 'node_modules', '@stoplight', 'prism-cli', 'package.json');

export interface PrismInstall {
  /** The CLI entry script, run with this Node. */
  entry: string;
  version: string;
  /** Whether this call installed it (otherwise it came from the cache). */
  installed: boolean;
  installMs: number;
}

function installedPrism(): { entry: string; version: string } | undefined {
  if (!existsSync(PRISM_PACKAGE)) return undefined;
  const pkg = JSON.parse(readFileSync(PRISM_PACKAGE, 'utf8')) as { version: string; bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.prism;
  if (!bin) return undefined;
  const entry = join(PRISM_DIR, 'node_modules', '@stoplight', 'prism-cli', bin);
  return existsSync(entry) ? { entry, version: pkg.version } : undefined;
}

/** Installs Prism into the cache when missing; throws with npm's last lines when that fails. */
export async function ensurePrism(timeoutMs = 300_000): Promise<PrismInstall> {
  const cached = installedPrism();
  if (cached?.version === PRISM_VERSION) return { ...cached, installed: false, installMs: 0 };
  await mkdir(PRISM_DIR, { recursive: true });
  const started = performance.now();
  const npm = spawnTracked(
    'npm',
    ['install', '--prefix', PRISM_DIR, `@stoplight/prism-cli@${PRISM_VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'],
    { env: cleanEnv() },
  );
  const result = await waitOrStop(npm, timeoutMs);
  const found = installedPrism();
  if (result.timedOut || result.code !== 0 || !found) {
    const why = result.timedOut ? `timed out after ${timeoutMs} ms` : `npm exited ${result.code}`;
    throw new Error(`npm install @stoplight/prism-cli@${PRISM_VERSION} failed (${why}): ${npm.stderr().trim().split('\n').slice(-3).join(' | ')}`);
  }
  return { ...found, installed: true, installMs: performance.now() - started };
}

export interface PrismServer {
  origin: string;
  stop(): Promise<void>;
}

export async function startPrism(
  install: PrismInstall,
  specPath: string,
  options: { dynamic: boolean; probePath: string; startTimeoutMs?: number },
): Promise<PrismServer> {
  const port = await freePort();
  const args = [install.entry, 'mock', '-h', '127.0.0.1', '-p', String(port), ...(options.dynamic ? ['-d'] : []), specPath];
  const tracked = spawnTracked(process.execPath, args, { env: cleanEnv({ NODE_ENV: 'production' }) });
  let alive = true;
  void tracked.exited.then(() => (alive = false));
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(origin + options.probePath, options.startTimeoutMs ?? 60_000, () => alive);
  } catch (error) {
    await stopTracked(tracked);
    throw new Error(`Prism did not start: ${(error as Error).message} ${tracked.stderr().slice(-300)}`, { cause: error });
  }
  return { origin, stop: () => stopTracked(tracked) };
}
