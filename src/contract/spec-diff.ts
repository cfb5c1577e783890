/**
 * The difference between two served OpenAPI documents for the operations this project checks, each change
 * classified as oasdiff classifies it. Rule ids and levels follow oasdiff's backward-compatibility checker
 * (github.com/tufin/oasdiff, checker/rules.go, `GetAllRules`): `error` is breaking, `warning` potentially
 * breaking (both are what `oasdiff breaking` reports), `info` is not breaking (`oasdiff changelog` only).
 *
 * Compared per operation: the operation itself (endpoint-added, api-removed-with/without-deprecation),
 * parameters (new-required/optional-request-parameter, request-parameter-removed,
 * request-parameter-became-required/optional, request-parameter-enum-value-added/removed), status codes
 * (response-success-status-added/removed, response-non-success-status-added/removed) and, for every status
 * and media type both sides document, the response schema's properties (response-required/optional-property-
 * added/removed, response-property-became-optional/required, response-property-enum-value-added/removed).
 * Only document-local `$ref`s are followed (Snyk's spec and the mock's have no other kind).
 */
import { OPERATIONS, type OperationName } from '../model/operations.ts';

type Json = Record<string, unknown>;

export type SpecChangeLevel = 'error' | 'warning' | 'info';

export interface SpecChange {
  operation: OperationName;
  /** oasdiff check id (`response-required-property-removed`). */
  rule: string;
  level: SpecChangeLevel;
  /** `error` and `warning`: what `oasdiff breaking` reports. */
  breaking: boolean;
  /** Where in the operation: `query.sort_by`, `200 application/vnd.api+json data[].attributes.updated_at`, `404`. */
  path: string;
  message: string;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function pointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

/** Follows `$ref`s (document-local) until a node without one; undefined when a reference is dangling or loops. */
function deref(doc: unknown, node: unknown): Json | undefined {
  let current = node;
  for (let i = 0; i < 32; i++) {
    if (!isObject(current)) return undefined;
    const ref = current.$ref;
    if (typeof ref !== 'string') return current;
    current = pointer(doc, ref);
  }
  return undefined;
}

/** The operation object for an operation of ours in a served document (paths are below `/rest`). */
export function specOperation(doc: unknown, name: OperationName): { operation: Json; pathItem: Json; pointer: string } | undefined {
  const op = OPERATIONS[name];
  if (op.api !== 'rest' || !isObject(doc) || !isObject(doc.paths)) return undefined;
  const short = op.path.replace(/^\/rest/, '');
  const key = short in doc.paths ? short : op.path in doc.paths ? op.path : undefined;
  if (key === undefined) return undefined;
  const pathItem = deref(doc, doc.paths[key]);
  const method = op.method.toLowerCase();
  const raw = pathItem?.[method];
  // A path item or an operation given by $ref is judged by the diff but not pointed into by the check.
  const operation = pathItem ? deref(doc, raw) : undefined;
  const pointer = `/paths/${key.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
  return pathItem && operation ? { operation, pathItem, pointer } : undefined;
}

interface Param {
  key: string;
  required: boolean;
  enum?: readonly unknown[];
}

function parameters(doc: unknown, found: { operation: Json; pathItem: Json }): Map<string, Param> {
  const out = new Map<string, Param>();
  const list = [
    ...(Array.isArray(found.pathItem.parameters) ? found.pathItem.parameters : []),
    ...(Array.isArray(found.operation.parameters) ? found.operation.parameters : []),
  ];
  for (const raw of list) {
    const p = deref(doc, raw);
    if (!p || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
    const schema = deref(doc, p.schema);
    const enumSource = schema && schema.type === 'array' ? deref(doc, schema.items) : schema;
    const values = Array.isArray(enumSource?.enum) ? enumSource.enum : undefined;
    const key = `${p.in}.${p.name}`;
    out.set(key, { key, required: p.required === true || p.in === 'path', ...(values ? { enum: values } : {}) });
  }
  return out;
}

interface Property {
  required: boolean;
  enum?: readonly unknown[];
}

/** Every property reachable in a response schema, by path (`data[].attributes.name`), with its requiredness. */
function properties(doc: unknown, root: unknown): Map<string, Property> {
  const out = new Map<string, Property>();
  const walk = (node: unknown, prefix: string, seen: ReadonlySet<string>, depth: number): void => {
    if (depth > 16 || !isObject(node)) return;
    const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
    if (ref && seen.has(ref)) return;
    const nextSeen = ref ? new Set([...seen, ref]) : seen;
    const schema = deref(doc, node);
    if (!schema) return;
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const branches = schema[key];
      if (Array.isArray(branches)) for (const b of branches) walk(b, prefix, nextSeen, depth + 1);
    }
    if (schema.items !== undefined) walk(schema.items, `${prefix}[]`, nextSeen, depth + 1);
    if (!isObject(schema.properties)) return;
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
    for (const [name, sub] of Object.entries(schema.properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const resolved = deref(doc, sub);
      const values = Array.isArray(resolved?.enum) ? resolved.enum : undefined;
      const previous = out.get(path);
      out.set(path, { required: required.has(name) || previous?.required === true, ...(values ? { enum: values } : {}) });
      walk(sub, path, nextSeen, depth + 1);
    }
  };
  walk(root, '', new Set(), 0);
  return out;
}

function contentSchemas(doc: unknown, response: unknown): Map<string, unknown> {
  const r = deref(doc, response);
  const out = new Map<string, unknown>();
  if (!r || !isObject(r.content)) return out;
  for (const [mediaType, media] of Object.entries(r.content)) {
    const m = deref(doc, media);
    if (m && m.schema !== undefined) out.set(mediaType, m.schema);
  }
  return out;
}

const LEVELS: Readonly<Record<string, SpecChangeLevel>> = {
  'endpoint-added': 'info',
  'api-removed-without-deprecation': 'error',
  'api-removed-with-deprecation': 'info',
  'new-required-request-parameter': 'error',
  'new-optional-request-parameter': 'info',
  'request-parameter-removed': 'warning',
  'request-parameter-became-required': 'error',
  'request-parameter-became-optional': 'info',
  'request-parameter-enum-value-added': 'info',
  'request-parameter-enum-value-removed': 'error',
  'response-success-status-added': 'info',
  'response-success-status-removed': 'error',
  'response-non-success-status-added': 'info',
  'response-non-success-status-removed': 'info',
  'response-required-property-added': 'info',
  'response-optional-property-added': 'info',
  'response-required-property-removed': 'error',
  'response-optional-property-removed': 'warning',
  'response-property-became-optional': 'error',
  'response-property-became-required': 'info',
  'response-property-enum-value-added': 'warning',
  'response-property-enum-value-removed': 'info',
};

/** The oasdiff rule ids this comparison applies, with their levels (docs, tests). */
export const SPEC_RULES: Readonly<Record<string, SpecChangeLevel>> = LEVELS;

const CLASS: Readonly<Record<SpecChangeLevel, string>> = { error: 'breaking', warning: 'potentially breaking', info: 'non-breaking' };

/** How a change reads in a report: `breaking (response-required-property-removed)`. */
export function classification(change: Pick<SpecChange, 'level' | 'rule'>): string {
  return `${CLASS[change.level]} (${change.rule})`;
}

const list = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/** Every change between `from` and `to` for the given operations, in a stable order. */
export function diffSpecs(from: unknown, to: unknown, operations: readonly OperationName[]): SpecChange[] {
  const changes: SpecChange[] = [];
  for (const name of operations) {
    const add = (rule: string, path: string, message: string): void => {
      const level = LEVELS[rule] ?? 'info';
      changes.push({ operation: name, rule, level, breaking: level !== 'info', path, message });
    };
    const a = specOperation(from, name);
    const b = specOperation(to, name);
    if (!a && !b) continue;
    if (!a) {
      add('endpoint-added', OPERATIONS[name].path, 'the operation is added');
      continue;
    }
    if (!b) {
      const deprecated = a.operation.deprecated === true || a.operation['x-snyk-api-lifecycle'] === 'deprecated';
      add(deprecated ? 'api-removed-with-deprecation' : 'api-removed-without-deprecation', OPERATIONS[name].path, 'the operation is removed');
      continue;
    }

    const pa = parameters(from, a);
    const pb = parameters(to, b);
    for (const [key, p] of pa) {
      const q = pb.get(key);
      if (!q) {
        add('request-parameter-removed', key, `parameter ${key} is removed`);
        continue;
      }
      if (!p.required && q.required) add('request-parameter-became-required', key, `parameter ${key} became required`);
      if (p.required && !q.required) add('request-parameter-became-optional', key, `parameter ${key} became optional`);
      if (p.enum && q.enum) {
        const removed = p.enum.filter((v) => !q.enum!.includes(v));
        const added = q.enum.filter((v) => !p.enum!.includes(v));
        if (removed.length) add('request-parameter-enum-value-removed', key, `parameter ${key} no longer accepts ${list(removed)}`);
        if (added.length) add('request-parameter-enum-value-added', key, `parameter ${key} now accepts ${list(added)}`);
      }
    }
    for (const [key, q] of pb) {
      if (pa.has(key)) continue;
      add(q.required ? 'new-required-request-parameter' : 'new-optional-request-parameter', key, `parameter ${key} is new${q.required ? ' and required' : ''}`);
    }

    const ra = isObject(a.operation.responses) ? a.operation.responses : {};
    const rb = isObject(b.operation.responses) ? b.operation.responses : {};
    for (const status of Object.keys(ra)) {
      if (status in rb) continue;
      const success = status.startsWith('2');
      add(success ? 'response-success-status-removed' : 'response-non-success-status-removed', status, `status ${status} is no longer documented`);
    }
    for (const status of Object.keys(rb)) {
      if (status in ra) continue;
      const success = status.startsWith('2');
      add(success ? 'response-success-status-added' : 'response-non-success-status-added', status, `status ${status} is newly documented`);
    }
    for (const status of Object.keys(ra).filter((s) => s in rb).sort()) {
      const ca = contentSchemas(from, ra[status]);
      const cb = contentSchemas(to, rb[status]);
      for (const [mediaType, schemaA] of ca) {
        const schemaB = cb.get(mediaType);
        if (schemaB === undefined) continue;
        const fa = properties(from, schemaA);
        const fb = properties(to, schemaB);
        const where = (p: string): string => `${status} ${mediaType} ${p}`;
        const parentOf = (p: string): string => p.replace(/(\[\])?\.[^.]+$|\[\]$/, '');
        for (const [path, prop] of fa) {
          const other = fb.get(path);
          if (!other) {
            // Only the topmost removed property: its children go with it.
            const parent = parentOf(path);
            if (parent !== path && parent !== '' && fa.has(parent) && !fb.has(parent)) continue;
            add(prop.required ? 'response-required-property-removed' : 'response-optional-property-removed', where(path), `${path} is removed${prop.required ? ' (was required)' : ''}`);
            continue;
          }
          if (prop.required && !other.required) add('response-property-became-optional', where(path), `${path} became optional`);
          if (!prop.required && other.required) add('response-property-became-required', where(path), `${path} became required`);
          if (prop.enum && other.enum) {
            const removed = prop.enum.filter((v) => !other.enum!.includes(v));
            const added = other.enum.filter((v) => !prop.enum!.includes(v));
            if (added.length) add('response-property-enum-value-added', where(path), `${path} may now be ${list(added)}`);
            if (removed.length) add('response-property-enum-value-removed', where(path), `${path} is no longer ${list(removed)}`);
          }
        }
        for (const [path, prop] of fb) {
          if (fa.has(path)) continue;
          const parent = parentOf(path);
          if (parent !== path && parent !== '' && fb.has(parent) && !fa.has(parent)) continue;
          add(prop.required ? 'response-required-property-added' : 'response-optional-property-added', where(path), `${path} is added${prop.required ? ' (required)' : ''}`);
        }
      }
    }
  }
  return changes;
}
