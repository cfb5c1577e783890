/**
 * Generates src/schema/generated/*.ts from schemas/**\/*.schema.json with json-schema-to-typescript.
 * `npm run gen:types` writes; `--check` only compares and exits 1 when a checked-in file is stale
 * (test/schema/generated-types.test.ts runs the same comparison).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAllTypes } from '../src/schema/render-types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const rendered = await renderAllTypes(root);
let stale = 0;
for (const [file, text] of rendered) {
  const target = join(root, file);
  const current = await readFile(target, 'utf8').catch(() => undefined);
  if (current === text) continue;
  if (check) {
    stale++;
    console.error(`stale: ${relative(root, target)}`);
  } else {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    console.log(`wrote ${relative(root, target)}`);
  }
}
if (check && stale > 0) {
  console.error('generated types are stale: run `npm run gen:types`');
  process.exitCode = 1;
}
