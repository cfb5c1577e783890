import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCheckDocs } from '../../src/contract/check-docs.ts';
import { CHECKS } from '../../src/contract/registry.ts';
import { ROOT } from '../cli/run-cli.ts';

describe('docs/checks.md', () => {
  it('should be the page the registry renders (run `npm run gen:docs` when it is stale)', async () => {
    expect(await readFile(join(ROOT, 'docs', 'checks.md'), 'utf8')).toBe(renderCheckDocs());
  });

  it('should document every check with its failure title and how to turn it off', () => {
    const page = renderCheckDocs();
    for (const check of CHECKS) {
      expect(page).toContain(`## ${check.id}\n`);
      expect(page).toContain(`Failure title: "${check.title}"`);
      expect(page).toContain(`--exclude-checks ${check.id}`);
    }
  });
});
