/**
 * The one way our tests, benches and scripts start Chromium: playwright-core driving the Chromium build shipped
 * inside the @sparticuz/chromium npm package (it arrives with `npm ci`; nothing downloads a browser), or the
 * system Chromium that `CHROMIUM_PATH` names when it is set.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import sparticuz from '@sparticuz/chromium';
import { type Browser, type LaunchOptions, chromium } from 'playwright-core';

/**
 * Flags for a machine whose only network is loopback: no QUIC, no background fetches (component updates, sync,
 * safe-browsing lists), no first-run UI. Playwright adds a fresh `--user-data-dir` of its own to every launch and
 * removes it on close (it refuses one passed in `args`), so no profile outlives a browser.
 * https://peter.sh/experiments/chromium-command-line-switches/
 */
export const CLOSED_NETWORK_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The flags of @sparticuz/chromium's own `args` that fit here. Left out on purpose: `--single-process` (one
 * renderer crash would take the browser and every other test's page with it), `--disable-web-security`,
 * `--allow-running-insecure-content`, `--disable-site-isolation-trials` and the disabled `IsolateOrigins` /
 * `site-per-process` features (they would weaken the very policies the report's browser tests check), and the
 * SwiftShader/WebGL flags (we run with `--disable-gpu`).
 */
const SPARTICUZ_FLAGS_THAT_FIT = new Set([
  '--ash-no-nudges',
  '--disable-domain-reliability',
  '--disable-print-preview',
  '--disable-setuid-sandbox',
  '--disk-cache-size',
  '--font-render-hinting',
  '--no-default-browser-check',
  '--no-pings',
  '--no-zygote',
]);

interface ChromiumBuild {
  /** The executable playwright-core starts. */
  executablePath: string;
  /** Where it came from: `CHROMIUM_PATH`, or the version of the @sparticuz/chromium package. */
  source: string;
  args: string[];
}

/** Thrown when `CHROMIUM_PATH` names no file: a wrong path is a mistake to report, not a reason to use another browser. */
export class ChromiumPathError extends Error {
  readonly code = 'CHROMIUM_PATH_MISSING';

  constructor(path: string) {
    super(`CHROMIUM_PATH names ${path}, which does not exist; unset it to use the Chromium of @sparticuz/chromium`);
    this.name = 'ChromiumPathError';
  }
}

/** The @sparticuz/chromium flags that fit (see SPARTICUZ_FLAGS_THAT_FIT), in the package's order. */
export function sparticuzFlags(): string[] {
  return sparticuz.args.filter((flag) => SPARTICUZ_FLAGS_THAT_FIT.has(flag.split('=')[0] ?? flag));
}

function sparticuzPackage(): { root: string; version: string } {
  // The package exports only its entry point; its root is two folders above build/cjs/index.cjs.
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const root = dirname(dirname(dirname(entry)));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { root, version };
}

/**
 * Unpacks the package's brotli-compressed Chromium once per package version, into a folder named for that
 * version. The package's own `executablePath()` writes a fixed `/tmp/chromium` in place, so two test workers
 * starting at once could launch a half-written binary, and a build left there by another version would be taken
 * as is; here each writer unpacks to its own temporary name and renames it into place (atomic on one file system).
 * The package's fonts and SwiftShader archives are not needed: the machine's fontconfig fonts serve, and the GPU
 * is disabled.
 */
async function unpackedSparticuz(): Promise<{ path: string; version: string }> {
  const { root, version } = sparticuzPackage();
  const dir = join(tmpdir(), `snyk-tenant-check-chromium-${version}`);
  const path = join(dir, 'chromium');
  if (existsSync(path)) return { path, version };
  mkdirSync(dir, { recursive: true });
  removeAbandoned(dir);
  const partial = join(dir, `chromium.${process.pid}.${randomBytes(4).toString('hex')}.part`);
  try {
    await pipeline(createReadStream(join(root, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(partial));
    chmodSync(partial, 0o755);
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
  return { path, version };
}

/** Removes the half-written copies a killed process left (an unpack takes seconds; ten minutes is abandoned). */
function removeAbandoned(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.part')) continue;
    const file = join(dir, name);
    const written = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - written > 10 * 60_000) rmSync(file, { force: true });
  }
}

/** Which Chromium to start, and with which flags. */
export async function chromiumBuild(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumBuild> {
  const system = env.CHROMIUM_PATH;
  if (system !== undefined && system !== '') {
    if (!existsSync(system)) throw new ChromiumPathError(system);
    return { executablePath: system, source: 'CHROMIUM_PATH', args: [...CLOSED_NETWORK_FLAGS] };
  }
  const { path, version } = await unpackedSparticuz();
  return { executablePath: path, source: `@sparticuz/chromium ${version}`, args: [...CLOSED_NETWORK_FLAGS, ...sparticuzFlags()] };
}

/** Starts headless Chromium for a test, a bench or a script; the caller closes it. */
export async function launchChromium(options: Omit<LaunchOptions, 'executablePath' | 'args'> = {}): Promise<Browser> {
  const build = await chromiumBuild();
  return chromium.launch({ ...options, headless: true, executablePath: build.executablePath, args: build.args });
}
