/**
 * Renders TypeScript types for every schema in schemas/ with json-schema-to-typescript. Used by the
 * generator script and by the staleness test, so both compare the same text.
 *
 * Schemas reference each other by relative `$ref` (`../rest/links.schema.json`,
 * `links.schema.json#/$defs/LinkProperty`), resolved against their `$id` as ajv does. json-schema-to-typescript
 * would inline a copy of every externally referenced type into each file; instead each cross-file `$ref` is
 * replaced by its type name (`tsType`) and an `import type` of the file that declares it, so every type is
 * declared once. `src/schema/generated/index.ts` re-exports each schema's root type by its `title`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { compile } from 'json-schema-to-typescript';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface LoadedSchema {
  /** Path below schemas/ without `.schema.json`, with `/` separators (`rest/links`). */
  rel: string;
  id: string;
  schema: JsonObject;
  /** The root type's name. */
  name: string;
}

async function listSchemas(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listSchemas(full)));
    else if (entry.name.endsWith('.schema.json')) out.push(full);
  }
  return out.sort();
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a JSON Pointer fragment (`/$defs/Name`) inside a schema. */
function resolvePointer(schema: JsonObject, pointer: string): Json | undefined {
  let node: Json | undefined = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return node;
}

/** The type name json-schema-to-typescript gives the target of a cross-file `$ref`. */
function targetTypeName(target: LoadedSchema, fragment: string, ref: string, from: string): string {
  if (fragment === '' || fragment === '/') return target.name;
  const node = resolvePointer(target.schema, fragment);
  const match = /^\/\$defs\/([^/]+)$/.exec(fragment);
  if (!isObject(node) || !match) throw new Error(`${from}: cannot resolve $ref ${ref}`);
  // json-schema-to-typescript names a definition by its title, else by its key; require a safe identifier
  // so the name we import is exactly the name it declares.
  const name = typeof node.title === 'string' ? node.title : (match[1] ?? '');
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error(`${from}: $ref ${ref} targets a definition without a PascalCase title`);
  }
  return name;
}

/**
 * Deep-copies a schema, replacing every cross-file `$ref` by `tsType: <name>` and collecting the imports.
 * Local refs (`#/…`) are left to json-schema-to-typescript.
 */
function inlineExternalRefs(
  current: LoadedSchema,
  byId: ReadonlyMap<string, LoadedSchema>,
  imports: Map<string, Set<string>>,
): JsonObject {
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value);
    const ref = node.$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      const url = new URL(ref, current.id);
      const fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
      url.hash = '';
      const target = byId.get(url.href);
      if (!target) throw new Error(`${current.rel}: $ref ${ref} resolves to unknown schema ${url.href}`);
      const name = targetTypeName(target, fragment, ref, current.rel);
      delete out.$ref;
      out.tsType = name;
      let module = posix.relative(posix.dirname(current.rel), target.rel);
      if (!module.startsWith('.')) module = `./${module}`;
      const names = imports.get(`${module}.ts`) ?? new Set<string>();
      names.add(name);
      imports.set(`${module}.ts`, names);
    }
    return out;
  };
  return walk(current.schema) as JsonObject;
}

const declares = (text: string, name: string): boolean =>
  new RegExp(`^export (?:interface|type|enum|const enum) ${name}\\b`, 'm').test(text);

/** Map of repository-relative output path → file text. */
export async function renderAllTypes(root: string): Promise<Map<string, string>> {
  const schemasDir = join(root, 'schemas');
  const loaded: LoadedSchema[] = [];
  for (const file of await listSchemas(schemasDir)) {
    const schema = JSON.parse(await readFile(file, 'utf8')) as JsonObject;
    const rel = relative(schemasDir, file).split(sep).join('/').replace(/\.schema\.json$/, '');
    if (typeof schema.$id !== 'string') throw new Error(`schema without $id: schemas/${rel}.schema.json`);
    const name = typeof schema.title === 'string' ? schema.title : (rel.split('/').pop() ?? rel);
    loaded.push({ rel, id: schema.$id, schema, name });
  }
  const byId = new Map(loaded.map((s) => [s.id, s]));

  const out = new Map<string, string>();
  const pendingImports: { rel: string; target: string; name: string }[] = [];
  for (const current of loaded) {
    const imports = new Map<string, Set<string>>();
    const prepared = inlineExternalRefs(current, byId, imports);
    const banner = `/* Generated from schemas/${current.rel}.schema.json by \`npm run gen:types\`. Do not edit. */`;
    let text = await compile(prepared as never, current.name, {
      bannerComment: banner,
      additionalProperties: false,
      unreachableDefinitions: true,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
      $refOptions: { resolve: { http: false } } as never,
    });
    if (imports.size > 0) {
      const lines = [...imports.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([module, names]) => `import type { ${[...names].sort().join(', ')} } from '${module}';`);
      text = text.replace(`${banner}\n`, `${banner}\n\n${lines.join('\n')}\n`);
      for (const [module, names] of imports) {
        for (const name of names) {
          if (declares(text, name)) throw new Error(`${current.rel}: declares ${name}, which it also imports`);
          const target = posix.join(posix.dirname(current.rel), module.replace(/\.ts$/, ''));
          pendingImports.push({ rel: current.rel, target, name });
        }
      }
    }
    if (!declares(text, current.name)) throw new Error(`${current.rel}: root type ${current.name} not declared`);
    out.set(generatedPath(current.rel), text);
  }
  // Every imported name must be declared, under that name, by the file it is imported from.
  for (const { rel, target, name } of pendingImports) {
    const text = out.get(generatedPath(target));
    if (!text || !declares(text, name)) throw new Error(`${rel}: imports ${name}, which ${target}.ts does not declare`);
  }

  const roots = new Map<string, string>();
  for (const s of loaded) {
    const other = roots.get(s.name);
    if (other) throw new Error(`schemas ${other} and ${s.rel} share the title ${s.name}`);
    roots.set(s.name, s.rel);
  }
  const index = [
    '/* Generated from schemas/**.schema.json by `npm run gen:types`. Do not edit. */',
    '/* The root type of every schema, by its title. Types of $defs are exported by each schema’s own module. */',
    '',
    ...loaded.map((s) => `export type { ${s.name} } from './${s.rel}.ts';`),
    '',
  ].join('\n');
  out.set(join('src', 'schema', 'generated', 'index.ts'), index);
  return out;
}

function generatedPath(rel: string): string {
  return join('src', 'schema', 'generated', ...`${rel}.ts`.split('/'));
}
