import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_BYTES, mdCode, mdText, renderSummaryMarkdown } from '../../reporters/markdown.ts';
import { emptyResults, hostileResults, inheritanceResults, largeResults, normalResults } from './results-builder.ts';

describe('renderSummaryMarkdown', () => {
  it('should lead with a headline and counts, then failed checks, rules and the most severe findings first', () => {
    const md = renderSummaryMarkdown(normalResults());
    const lines = md.split('\n');
    expect(lines[0]).toBe('# ❌ snyk-tenant-check: 1 of 6 checks failed, 1 errored; 15 failing findings, 1 unknown');
    expect(md).toContain('| checks | 6 | 3 | 1 | 1 | 1 |');
    expect(md).toContain('## Failed checks (2)');
    expect(md).toContain('`response_schema_conformance`');
    const top = md.slice(md.indexOf('## Top findings'));
    const severities = top.split('\n').filter((l) => /^\| (critical|high|medium|low|info) \|/.test(l)).map((l) => l.split(' | ')[0]?.slice(2));
    expect(severities[0]).toBe('critical');
    expect(severities.at(-1)).toBe('info');
    expect(severities).toEqual([...severities].sort((a, b) => ['critical', 'high', 'medium', 'low', 'info'].indexOf(a ?? '') - ['critical', 'high', 'medium', 'low', 'info'].indexOf(b ?? '')));
    expect(md).toContain('5 new, 10 persisting, 1 resolved');
  });

  it('should say when the run was partial', () => {
    const md = renderSummaryMarkdown(hostileResults());
    expect(md.split('\n')[0]).toContain('(partial run)');
    expect(md).toContain('> **Partial run**');
  });

  it('should keep hostile strings from becoming HTML, links or extra table cells', () => {
    const md = renderSummaryMarkdown(hostileResults());
    // Code spans are literal text in CommonMark (markup inside them is shown, not parsed); outside them no
    // tenant string may carry a raw '<'.
    const outsideCode = md.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/<img|<script|<\/script/i);
    expect(outsideCode).not.toContain('<');
    expect(mdText('a|b<i>[x](y)')).toBe('a\\|b&lt;i&gt;\\[x\\]\\(y\\)');
    expect(mdCode('a`b|c')).toBe("`a'b\\|c`");
    // Every table row keeps its column count.
    for (const block of md.split('\n\n')) {
      const rows = block.split('\n').filter((l) => l.startsWith('|'));
      const cells = rows.map((r) => r.replace(/\\\|/g, '').split('|').length);
      expect(new Set(cells).size).toBeLessThanOrEqual(1);
    }
  });

  it('should stay bounded for a large tenant and render an empty run', () => {
    const md = renderSummaryMarkdown(largeResults({ seed: 3, findings: 5_000 }));
    expect(Buffer.byteLength(md)).toBeLessThan(MAX_SUMMARY_BYTES);
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toMatch(/… and \d+ more failing findings/);
    expect(renderSummaryMarkdown(emptyResults()).split('\n')[0]).toBe('# ✅ snyk-tenant-check: nothing ran');
  });

  it('should show the rule\'s title for a finding without a message or title of its own', () => {
    const md = renderSummaryMarkdown(inheritanceResults());
    const row = md.split('\n').find((l) => l.includes('id u1'));
    expect(row).toBeDefined();
    expect(row).toMatch(/\| MFA disabled \|$/);
  });
});

