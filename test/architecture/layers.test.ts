/**
 * ARCHITECTURE.md's import rules, enforced: each layer imports only the layers its row allows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.ts';

const ALLOWED: Record<string, readonly string[]> = {
  'src/schema': ['src/schema'],
  'src/model': ['src/model', 'src/schema'],
  'src/config': ['src/config', 'src/schema', 'src/model'],
  'src/client': ['src/client', 'src/schema', 'src/model', 'src/config'],
  'src/mock': ['src/mock', 'src/schema', 'src/model'],
  'src/contract': ['src/contract', 'src/schema', 'src/model', 'src/client', 'src/config'],
  'src/audit': ['src/audit', 'src/schema', 'src/model', 'src/client', 'src/config'],
  reporters: ['reporters', 'src/schema', 'src/model'],
  suites: ['suites', 'src/schema', 'src/model', 'src/config', 'src/client', 'src/contract', 'src/audit'],
  'src/run': ['src/run', 'src/schema', 'src/model', 'src/config', 'src/client', 'src/mock', 'src/contract', 'src/audit', 'reporters'],
  'src/cli': ['src/cli', 'src/run', 'src/mock', 'src/config', 'src/model', 'src/schema'],
};

function layerOf(file: string): string | undefined {
  const rel = relative(ROOT, file);
  return Object.keys(ALLOWED).find((layer) => rel === layer || rel.startsWith(`${layer}/`));
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (/\.(ts|js|mjs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('the layers of ARCHITECTURE.md', () => {
  it('should only import what each layer may import', () => {
    const violations: string[] = [];
    let checked = 0;
    for (const layer of Object.keys(ALLOWED)) {
      for (const file of sources(join(ROOT, layer))) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
          const spec = match[1] ?? match[2]!;
          const target = layerOf(resolve(dirname(file), spec));
          checked++;
          if (target && !ALLOWED[layer]!.includes(target)) {
            violations.push(`${relative(ROOT, file)} imports ${spec} (${target})`);
          }
        }
      }
    }
    expect(violations).toEqual([]);
    // The scan must actually see the imports (a regex that matches nothing would pass vacuously).
    expect(checked).toBeGreaterThan(300);
  });
});
