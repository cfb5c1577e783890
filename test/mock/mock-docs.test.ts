import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRIFTS } from '../../src/mock/drifts.ts';
import { renderMockDocs } from '../../src/mock/mock-docs.ts';
import { ROOT } from '../cli/run-cli.ts';

describe('docs/mock.md', () => {
  it('should be the page the drift catalog renders (run `npm run gen:docs` when it is stale)', async () => {
    expect(await readFile(join(ROOT, 'docs', 'mock.md'), 'utf8')).toBe(renderMockDocs());
  });

  it('should list every drift with its operation and the checks that catch it', () => {
    const page = renderMockDocs();
    for (const d of DRIFTS) expect(page).toContain(`| \`${d.name}\` | \`${d.operation}\` |`);
  });
});
