/** The printed table: one line per figure with its goal and whether it is met. */
import type { BenchOutcome, Figure } from './figure.ts';
import type { MachineInfo } from './machine-info.ts';

function formatValue(f: Figure): string {
  if (f.value === null) return 'n/a';
  if (typeof f.value === 'string') return f.value;
  const abs = Math.abs(f.value);
  const text = Number.isInteger(f.value) ? String(f.value) : abs >= 100 ? f.value.toFixed(0) : abs >= 10 ? f.value.toFixed(1) : f.value.toFixed(2);
  return f.unit ? `${text} ${f.unit}` : text;
}

function formatGoal(f: Figure): string {
  if (!f.goal) return '';
  return `${f.goal.op} ${f.goal.target}${f.unit && f.unit !== '×' ? ` ${f.unit}` : f.unit === '×' ? '×' : ''}`;
}

function status(f: Figure): string {
  if (f.met === undefined) return f.goal ? '?' : '';
  return f.met ? 'met' : 'MISSED';
}

export function formatMachine(m: MachineInfo): string {
  return `machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryMb} MB RAM, Node ${m.node}, ${m.os}, load ${m.loadAverage1m}`;
}

export function formatTable(outcomes: readonly BenchOutcome[]): string {
  const rows: string[][] = [['figure', 'value', 'goal', '', 'note']];
  for (const o of outcomes) {
    if (o.status !== 'ok') {
      rows.push([o.bench, o.status, '', '', (o.reason ?? '').slice(0, 160)]);
    }
    for (const f of o.figures) rows.push([f.name, formatValue(f), formatGoal(f), status(f), (f.note ?? '').slice(0, 160)]);
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd())
    .join('\n');
}
