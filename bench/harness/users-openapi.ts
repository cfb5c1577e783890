/**
 * An OpenAPI 3.1 document for API & Web `GET /users/`, built at bench time from our own schemas
 * (schemas/apiweb/user-list.schema.json and what it references), so that Prism mocks the same operation
 * our mock serves (issue 3: "for /users/, from an OpenAPI document built on our schema"). No machine-
 * readable spec of that API exists (developers.probely.com publishes reference pages only), hence this document is derived, never stored.
 *
 * Every referenced schema becomes a component; `$defs` are hoisted into components and every `$ref` is
 * rewritten to `#/components/schemas/…`, because Prism resolves plain JSON pointers, not `$id`s. Our custom
 * `apiweb-date-time` format becomes `date-time`, the nearest format Prism's faker knows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

const SCHEMA_BASE = 'https://snyk-tenant-check.dev/schemas/';
export const USER_LIST_ID = `${SCHEMA_BASE}apiweb/user-list.schema.json`;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function loadSchema(id: string): Record<string, Json> {
  if (!id.startsWith(SCHEMA_BASE)) throw new Error(`not one of our schemas: ${id}`);
  return JSON.parse(readFileSync(join(ROOT, 'schemas', id.slice(SCHEMA_BASE.length)), 'utf8')) as Record<string, Json>;
}

export function buildUsersOpenApi(): Record<string, unknown> {
  const components: Record<string, Json> = {};
  const nameOf = new Map<string, string>(); // `<schema id>#<pointer>` → component name
  const queue: string[] = [];
  const taken = new Set<string>();

  const uniqueName = (wanted: string): string => {
    let name = wanted.replace(/[^A-Za-z0-9._-]/g, '_');
    for (let i = 2; taken.has(name); i++) name = `${wanted}_${i}`;
    taken.add(name);
    return name;
  };
  const schemaName = (id: string): string => {
    const key = `${id}#`;
    let name = nameOf.get(key);
    if (!name) {
      const title = loadSchema(id).title;
      name = uniqueName(typeof title === 'string' ? title : id.split('/').pop()!.replace('.schema.json', ''));
      nameOf.set(key, name);
      queue.push(id);
    }
    return name;
  };

  const rewrite = (node: Json, baseId: string): Json => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, baseId));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        const [file, pointer] = v.split('#') as [string, string | undefined];
        const target = file ? new URL(file, baseId).href : baseId;
        if (pointer?.startsWith('/$defs/')) {
          out[k] = `#/components/schemas/${nameOf.get(`${target}#${pointer}`) ?? hoistDef(target, pointer)}`;
        } else {
          out[k] = `#/components/schemas/${schemaName(target)}`;
        }
      } else if (k === 'format' && v === 'apiweb-date-time') {
        out[k] = 'date-time';
      } else if (k === '$id' || k === '$schema' || k === '$defs') {
      } else {
        out[k] = rewrite(v, baseId);
      }
    }
    return out;
  };

  const hoistDef = (id: string, pointer: string): string => {
    const defName = pointer.slice('/$defs/'.length);
    const name = uniqueName(defName);
    nameOf.set(`${id}#${pointer}`, name);
    const defs = loadSchema(id).$defs as Record<string, Json> | undefined;
    const def = defs?.[defName];
    if (def === undefined) throw new Error(`${id} has no $defs/${defName}`);
    components[name] = rewrite(def, id);
    return name;
  };

  const root = schemaName(USER_LIST_ID);
  while (queue.length) {
    const id = queue.shift()!;
    components[nameOf.get(`${id}#`)!] = rewrite(loadSchema(id), id);
  }

  const intParam = (name: string, description: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'integer', minimum: 1 },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Snyk API & Web users (built by snyk-tenant-check bench from schemas/apiweb)',
      version: 'bench',
    },
    servers: [{ url: 'http://127.0.0.1' }],
    security: [{ JWT: [] }],
    paths: {
      '/users/': {
        get: {
          operationId: 'users-list',
          summary: 'List users',
          parameters: [intParam('page', 'page number, first page 1'), intParam('length', 'results per page')],
          responses: {
            '200': {
              description: 'one page of users',
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${root}` } } },
            },
          },
        },
      },
    },
    components: {
      schemas: components,
      securitySchemes: { JWT: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`JWT <key>`' } },
    },
  };
}
