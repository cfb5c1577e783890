/**
 * Small helpers over raw JSON Schema documents (draft 2020-12 as in schemas/, plus OAS 3.0 `nullable` as in
 * the spec extracts): `$ref` resolution against the registry, `allOf` merging, type inference.
 */
import { schemas } from '../../schema/registry.ts';

export type JsonSchema = boolean | SchemaObject;
export interface SchemaObject {
  [keyword: string]: unknown;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A schema together with the document and base URI its `$ref`s resolve against. */
export interface Located {
  schema: JsonSchema;
  root: JsonSchema;
  base: string;
}

function pointer(root: JsonSchema, fragment: string): JsonSchema {
  if (fragment === '' || fragment === '/') return root;
  let node: unknown = root;
  for (const raw of fragment.replace(/^\//, '').split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) throw new Error(`bad $ref fragment ${fragment}`);
    node = (node as Record<string, unknown>)[key];
  }
  if (node === undefined) throw new Error(`unresolved $ref fragment ${fragment}`);
  return node as JsonSchema;
}

/** Resolves `$ref` (local pointers, `$defs`, or another registry schema by URI). */
/** The base of a schema without `$id` (inline parameter schemas): its local refs resolve against itself. */
const LOCAL_BASE = 'https://local.invalid/root.json';

export function resolveRef(ref: string, at: Located): Located {
  const baseUri = at.base || LOCAL_BASE;
  const url = new URL(ref, baseUri);
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
  url.hash = '';
  const docUri = url.toString();
  const base = new URL(baseUri);
  base.hash = '';
  let root: JsonSchema;
  if (base.toString() === docUri) root = at.root;
  else if (schemas().has(docUri)) root = schemas().schema(docUri) as JsonSchema;
  else throw new Error(`unresolved $ref ${ref} (base ${baseUri})`);
  return { schema: pointer(root, fragment), root, base: docUri === LOCAL_BASE ? '' : docUri };
}

export function locate(schema: JsonSchema): Located {
  const base = isObject(schema) && typeof schema.$id === 'string' ? schema.$id : '';
  return { schema, root: schema, base };
}

/** Follows `$ref` chains (siblings of `$ref` are merged in, as 2020-12 allows). */
export function deref(at: Located, depth = 0): Located {
  const s = at.schema;
  if (!isObject(s)) return at;
  const base = typeof s.$id === 'string' ? new URL(s.$id, at.base || undefined).toString() : at.base;
  const here = { ...at, base };
  if (typeof s.$ref !== 'string' || depth > 32) return here;
  const target = deref(resolveRef(s.$ref, here), depth + 1);
  const { $ref: _ref, ...siblings } = s;
  if (Object.keys(siblings).filter((k) => !k.startsWith('$') && k !== 'description').length === 0) return target;
  return { ...target, schema: mergeSchemas(target.schema, siblings) };
}

const unionArrays = (a: unknown, b: unknown): unknown[] | undefined =>
  Array.isArray(a) || Array.isArray(b)
    ? [...new Set([...((a as unknown[]) ?? []), ...((b as unknown[]) ?? [])])]
    : undefined;

/** Merges two schemas for `allOf`: properties and required unite, bounds tighten, the rest overrides. */
export function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  if (a === true) return b;
  if (b === true) return a;
  if (a === false || b === false) return false;
  const out: SchemaObject = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    switch (key) {
      case 'properties':
        out.properties = { ...(isObject(prev) ? prev : {}), ...(isObject(value) ? value : {}) };
        if (isObject(prev) && isObject(value)) {
          for (const name of Object.keys(value)) {
            if (name in prev) {
              (out.properties as SchemaObject)[name] = mergeSchemas(prev[name] as JsonSchema, value[name] as JsonSchema);
            }
          }
        }
        break;
      case 'required':
        out.required = unionArrays(prev, value);
        break;
      case 'minimum':
      case 'minLength':
      case 'minItems':
      case 'exclusiveMinimum':
        out[key] = typeof prev === 'number' && typeof value === 'number' ? Math.max(prev, value) : value;
        break;
      case 'maximum':
      case 'maxLength':
      case 'maxItems':
      case 'exclusiveMaximum':
        out[key] = typeof prev === 'number' && typeof value === 'number' ? Math.min(prev, value) : value;
        break;
      case 'allOf':
        out.allOf = [...((prev as unknown[]) ?? []), ...((value as unknown[]) ?? [])];
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}

export type SchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** The types a schema admits (explicit `type`, else inferred from its keywords). */
export function schemaTypes(s: SchemaObject): SchemaType[] {
  const t = s.type;
  let types: SchemaType[];
  if (typeof t === 'string') types = [t as SchemaType];
  else if (Array.isArray(t)) types = t as SchemaType[];
  else if ('properties' in s || 'required' in s || 'additionalProperties' in s) types = ['object'];
  else if ('items' in s || 'prefixItems' in s || 'minItems' in s) types = ['array'];
  else if ('pattern' in s || 'format' in s || 'minLength' in s || 'maxLength' in s) types = ['string'];
  else if ('minimum' in s || 'maximum' in s || 'multipleOf' in s) types = ['number'];
  else types = [];
  if (s.nullable === true && !types.includes('null')) types = [...types, 'null'];
  return types;
}
