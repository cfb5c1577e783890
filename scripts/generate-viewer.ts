/**
 * Writes reporters/html/generated/viewer.js from reporters/html/viewer/*.ts (`npm run gen:viewer`). Run it after
 * changing the viewer; test/reporters/viewer-bundle.test.ts fails while the checked-in bundle is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleViewer, VIEWER_BUNDLE } from './viewer-bundle.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, VIEWER_BUNDLE);
const text = await bundleViewer(root);
const current = await readFile(target, 'utf8').catch(() => undefined);
if (current === text) console.log(`${VIEWER_BUNDLE} is up to date`);
else {
  await writeFile(target, text);
  console.log(`wrote ${VIEWER_BUNDLE}`);
}
