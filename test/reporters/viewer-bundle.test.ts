/**
 * The report viewer is written in TypeScript (reporters/html/viewer/) and inlined into report.html as one
 * checked-in bundle: the bundle must be exactly what `npm run gen:viewer` builds from the sources.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleViewer, VIEWER_BUNDLE } from '../../scripts/viewer-bundle.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('viewer bundle', () => {
  it('should match the checked-in bundle exactly (run `npm run gen:viewer` when this fails)', async () => {
    const built = await bundleViewer(ROOT);
    const checkedIn = await readFile(join(ROOT, VIEWER_BUNDLE), 'utf8');
    expect(checkedIn === built, `${VIEWER_BUNDLE} is stale: run \`npm run gen:viewer\``).toBe(true);
  });

  it('should leave no module syntax in the inlined script', async () => {
    const checkedIn = await readFile(join(ROOT, VIEWER_BUNDLE), 'utf8');
    expect(checkedIn).not.toMatch(/^\s*(import|export)\s/m);
    expect(checkedIn).not.toContain('</script');
  });
});
