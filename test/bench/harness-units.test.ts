/** The harness's own parts that need no tenant: goals, the /proc tree sampler, the OpenAPI document for Prism. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { figure } from '../../bench/harness/figure.ts';
import { sampleTreeRss } from '../../bench/harness/process-tree-rss.ts';
import { buildUsersOpenApi } from '../../bench/harness/users-openapi.ts';
import { formatTable } from '../../bench/harness/format-table.ts';

describe('figure', () => {
  it('should mark a goal met or missed from the value and the comparator', () => {
    expect(figure('a', 7.9, 's', { goal: { op: '<=', target: 8 } }).met).toBe(true);
    expect(figure('a', 8.1, 's', { goal: { op: '<=', target: 8 } }).met).toBe(false);
    expect(figure('b', 0.79, '×', { goal: { op: '>=', target: 0.8 } }).met).toBe(false);
    expect(figure('c', 0, '429s', { goal: { op: '==', target: 0 } }).met).toBe(true);
  });

  it('should leave met unset when the value is missing', () => {
    const f = figure('d', null, 'req/s', { goal: { op: '>=', target: 5 }, note: 'Prism unavailable' });
    expect(f.met).toBeUndefined();
    expect(formatTable([{ bench: 'd', status: 'ok', durationMs: 1, figures: [f], params: {} }])).toMatch(/^d\s+n\/a\s+>= 5 req\/s\s+\?\s+Prism unavailable$/m);
  });
});

describe('sampleTreeRss', () => {
  it('should see a process and its child, and a tree sum above the largest process', async () => {
    // A parent that forks a child; both stay alive long enough for a few samples.
    const parent = spawn(
      process.execPath,
      ['-e', "const c=require('child_process').spawn(process.execPath,['-e','setTimeout(()=>{},1500)'],{stdio:'ignore'});setTimeout(()=>{},1500)"],
      { stdio: 'ignore' },
    );
    try {
      const sampler = sampleTreeRss(parent.pid!, 50);
      await new Promise((r) => setTimeout(r, 800));
      const peak = sampler.stop();
      expect(peak.samples).toBeGreaterThan(3);
      expect(peak.maxProcesses).toBe(2);
      expect(peak.maxProcessKb).toBeGreaterThan(1000);
      expect(peak.maxTreeKb).toBeGreaterThan(peak.maxProcessKb);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});

describe('buildUsersOpenApi', () => {
  it('should build an OpenAPI 3.1 GET /users/ whose every $ref points at a component it defines', () => {
    const doc = buildUsersOpenApi() as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/users/']);
    const text = JSON.stringify(doc);
    const refs = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    // Prism knows no custom formats, and a component cannot carry its own $id or $defs for its resolver.
    expect(text).not.toContain('apiweb-date-time');
    expect(text).not.toMatch(/"\$(id|defs|schema)"/);
  });
});
