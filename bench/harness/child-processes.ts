/**
 * Every child process a bench starts goes through here, so that each one is stopped when its bench ends,
 * when a bench fails, and when the harness itself is interrupted. Children get their own process group
 * (`detached`), so stopping one also stops what it started (vitest forks, Prism's workers) and nothing else.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Tracked {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
}

const live = new Set<Tracked>();
/** Output kept per stream: enough for error messages and a first JSON line, bounded for long runs. */
const MAX_CAPTURE = 256 * 1024;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export function spawnTracked(command: string, args: string[], options: SpawnOptions = {}): Tracked {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    if (out.length < MAX_CAPTURE) out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    if (err.length < MAX_CAPTURE) err += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  const tracked: Tracked = { child, pid: child.pid, exited, stdout: () => out, stderr: () => err };
  live.add(tracked);
  // The group may outlive its leader (a fork still flushing): sweep it once the leader is gone.
  void exited.then(() => {
    killGroup(tracked.pid, 'SIGKILL');
    live.delete(tracked);
  });
  return tracked;
}

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves when the leader has exited. */
export async function stopTracked(tracked: Tracked, graceMs = 3000): Promise<void> {
  if (!live.has(tracked)) return;
  killGroup(tracked.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(tracked.pid, 'SIGKILL'), graceMs);
  await tracked.exited;
  clearTimeout(timer);
  killGroup(tracked.pid, 'SIGKILL');
  live.delete(tracked);
}

export async function stopAllTracked(): Promise<void> {
  await Promise.all([...live].map((t) => stopTracked(t)));
}

/** Synchronous last resort for `process.on('exit')`: no waiting possible there. */
export function killAllTrackedNow(): void {
  for (const t of live) killGroup(t.pid, 'SIGKILL');
  live.clear();
}

/** Waits for a process to exit within `timeoutMs`, else stops it and reports the timeout. */
export async function waitOrStop(
  tracked: Tracked,
  timeoutMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean }> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopTracked(tracked);
  }, timeoutMs);
  const result = await tracked.exited;
  clearTimeout(timer);
  return { ...result, timedOut };
}
