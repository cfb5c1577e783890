/** Writes the generated documentation pages (`npm run gen:docs`): docs/checks.md and docs/mock.md. */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCheckDocs } from '../src/contract/check-docs.ts';
import { renderMockDocs } from '../src/mock/mock-docs.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await writeFile(join(root, 'docs', 'checks.md'), renderCheckDocs());
await writeFile(join(root, 'docs', 'mock.md'), renderMockDocs());
console.log('wrote docs/checks.md, docs/mock.md');
