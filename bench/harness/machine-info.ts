/** The machine the figures were taken on: printed with the table and stored in the JSON. */
import { cpus, totalmem, freemem, loadavg, platform, release } from 'node:os';
import { readFileSync } from 'node:fs';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryMb: number;
  freeMemoryMb: number;
  loadAverage1m: number;
  node: string;
  os: string;
}

function cpuModel(): string {
  const fromOs = cpus()[0]?.model?.trim();
  if (fromOs) return fromOs;
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: cpus().length,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMb: Math.round(freemem() / 2 ** 20),
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}
