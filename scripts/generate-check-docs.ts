/** Writes docs/checks.md from the check registry (`npm run gen:docs`). */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCheckDocs } from '../src/contract/check-docs.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await writeFile(join(root, 'docs', 'checks.md'), renderCheckDocs());
console.log('wrote docs/checks.md');
