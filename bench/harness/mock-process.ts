/**
 * The mock tenant in another process (`snyk-tenant-check mock --json --port 0 …`), as an unseen tenant on
 * loopback would be: the audit run under test shares neither memory nor CPU time slices with it.
 */
import { BIN, ROOT } from './paths.ts';
import { spawnTracked, stopTracked, type Tracked } from './child-processes.ts';
import { cleanEnv } from './cli-process.ts';

export interface MockCoordinates {
  url: string;
  snykToken: string;
  apiwebToken: string;
  orgId: string;
  groupId: string;
  selfUserId?: string;
}

export interface MockProcess {
  coords: MockCoordinates;
  pid: number;
  /** Milliseconds from spawn to the first JSON line (data generated, port bound). */
  startMs: number;
  /** The SNYK_* environment that points `run --tenant live` at this mock. */
  liveEnv(): Record<string, string>;
  stop(): Promise<void>;
}

export interface MockProcessOptions {
  users: number;
  members?: number;
  provisions?: number;
  rateLimit?: number;
  seed?: number;
  startTimeoutMs?: number;
}

export async function startMockProcess(options: MockProcessOptions): Promise<MockProcess> {
  const args = ['mock', '--json', '--port', '0', '--users', String(options.users)];
  if (options.members !== undefined) args.push('--members', String(options.members));
  if (options.provisions !== undefined) args.push('--provisions', String(options.provisions));
  if (options.rateLimit !== undefined) args.push('--rate-limit', String(options.rateLimit));
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  const started = performance.now();
  const tracked = spawnTracked(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv() });
  let coords: MockCoordinates;
  try {
    coords = await firstJsonLine(tracked, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stopTracked(tracked);
    throw error;
  }
  const startMs = performance.now() - started;
  return {
    coords,
    pid: tracked.pid,
    startMs,
    liveEnv: () => ({
      SNYK_API_URL: coords.url,
      SNYK_APIWEB_URL: coords.url,
      SNYK_TOKEN: coords.snykToken,
      SNYK_APIWEB_TOKEN: coords.apiwebToken,
      SNYK_ORG_ID: coords.orgId,
      SNYK_GROUP_ID: coords.groupId,
    }),
    stop: () => stopTracked(tracked),
  };
}

function firstJsonLine(tracked: Tracked, timeoutMs: number): Promise<MockCoordinates> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => done(new Error(`the mock did not start within ${timeoutMs} ms`)), timeoutMs);
    const onData = (d: Buffer) => {
      buffer += d.toString();
      const nl = buffer.indexOf('\n');
      if (nl < 0) return;
      try {
        done(undefined, JSON.parse(buffer.slice(0, nl)) as MockCoordinates);
      } catch (error) {
        done(new Error(`the mock's first line is not JSON: ${buffer.slice(0, 200)}`, { cause: error }));
      }
    };
    const onExit = () => done(new Error(`the mock exited before it was ready: ${tracked.stderr().slice(-400)}`));
    function done(error?: Error, value?: MockCoordinates) {
      clearTimeout(timer);
      tracked.child.stdout?.off('data', onData);
      tracked.child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value!);
    }
    tracked.child.stdout?.on('data', onData);
    tracked.child.once('exit', onExit);
  });
}
