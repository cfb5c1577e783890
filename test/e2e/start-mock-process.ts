/** Starts `snyk-tenant-check mock --json` in another process, as a user would, and reads its coordinates. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN, cleanEnv } from '../cli/run-cli.ts';

export interface MockProcess {
  url: string;
  snykToken: string;
  apiwebToken: string;
  orgId: string;
  orgIds: string[];
  groupId: string;
  selfUserId: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startMockProcess(args: string[] = []): Promise<MockProcess> {
  const child = spawn(process.execPath, [BIN, 'mock', '--json', '--port', '0', ...args], {
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`mock exited ${code}: ${stderr}`)));
  });
  const info = JSON.parse(first) as Omit<MockProcess, 'child' | 'stop'>;
  return {
    ...info,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function liveEnvFor(mock: MockProcess, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    SNYK_API_URL: mock.url,
    SNYK_APIWEB_URL: mock.url,
    SNYK_TOKEN: mock.snykToken,
    SNYK_APIWEB_TOKEN: mock.apiwebToken,
    SNYK_ORG_ID: mock.orgId,
    SNYK_GROUP_ID: mock.groupId,
    ...extra,
  });
}
