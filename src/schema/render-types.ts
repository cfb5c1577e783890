/**
 * Renders TypeScript types for every schema in schemas/ with json-schema-to-typescript. Used by the
 * generator script and by the staleness test, so both compare the same text.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compile } from 'json-schema-to-typescript';

async function listSchemas(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listSchemas(full)));
    else if (entry.name.endsWith('.schema.json')) out.push(full);
  }
  return out.sort();
}

/** Map of repository-relative output path → file text. */
export async function renderAllTypes(root: string): Promise<Map<string, string>> {
  const schemasDir = join(root, 'schemas');
  const out = new Map<string, string>();
  for (const file of await listSchemas(schemasDir)) {
    const schema = JSON.parse(await readFile(file, 'utf8'));
    const rel = relative(schemasDir, file).replace(/\.schema\.json$/, '');
    const name = schema.title ?? rel.split('/').pop();
    const text = await compile(schema, name, {
      cwd: schemasDir,
      bannerComment: `/* Generated from schemas/${rel}.schema.json by \`npm run gen:types\`. Do not edit. */`,
      additionalProperties: false,
      unreachableDefinitions: true,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
      $refOptions: { resolve: { http: false } } as never,
    });
    out.set(join('src', 'schema', 'generated', `${rel}.ts`), text);
  }
  return out;
}
