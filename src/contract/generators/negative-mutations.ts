/**
 * Negative generation by schema mutation (Schemathesis `negative/mutations.py`): take a valid value and
 * break exactly one thing: drop a required property, change a type, leave an enum, violate a format,
 * pattern, length or numeric bound, add a property where `additionalProperties` is false. Every mutated
 * value is re-checked as invalid by ajv, including every shrunk one.
 */
import fc from 'fast-check';
import { deref, isObject, locate, schemaTypes, type JsonSchema, type Located, type SchemaObject } from './json-schema.ts';
import { isValid, rawSchema, validArbitrary, type SchemaRef } from './validated.ts';
import type { ArbitraryOptions } from './schema-arbitrary.ts';

export interface Mutation {
  /** JSON pointer of the broken component (`/email`, `/data/attributes/membership`, `` for the whole). */
  component: string;
  kind: string;
  description: string;
  apply(value: unknown): unknown;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function setAt(value: unknown, path: string[], replace: (old: unknown, parent: Record<string, unknown>, key: string) => void): unknown {
  const out = clone(value);
  if (path.length === 0) return out;
  let node = out as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  replace(node[last], node, last);
  return out;
}

const setValue = (path: string[], v: unknown) => (value: unknown) =>
  path.length === 0 ? v : setAt(value, path, (_old, parent, key) => void (parent[key] = v));

function scalarMutations(s: SchemaObject, path: string[], required: boolean): Mutation[] {
  const component = path.length ? `/${path.join('/')}` : '';
  const types = schemaTypes(s);
  const out: Mutation[] = [];
  const add = (kind: string, description: string, v: unknown): void => {
    out.push({ component, kind, description, apply: setValue(path, v) });
  };
  if (!types.includes('string')) add('type', 'a string where another type is documented', 'not-the-documented-type');
  if (!types.includes('integer') && !types.includes('number')) add('type', 'a number where another type is documented', 12345);
  if (!types.includes('object') && !types.includes('null')) add('type', 'an object where a scalar is documented', { unexpected: true });
  // null for an optional property reads as "absent" to many servers: only a required one is certain to fail.
  if (required && !types.includes('null') && s.nullable !== true) add('null', 'null where null is not allowed', null);
  if (Array.isArray(s.enum)) add('enum', 'a value outside the documented enum', '__not_in_enum__');
  if ('const' in s) add('const', 'a value other than the documented constant', '__not_the_constant__');
  if (typeof s.format === 'string') add('format', `a value that is not a ${s.format}`, `not-a-${s.format}`);
  if (typeof s.pattern === 'string') {
    for (const candidate of ['!', ' ', 'ZZZ~~~', '0']) {
      if (!new RegExp(s.pattern, 'u').test(candidate)) {
        add('pattern', `a value not matching ${s.pattern}`, candidate);
        break;
      }
    }
  }
  if (typeof s.minLength === 'number' && s.minLength > 0) add('minLength', `shorter than ${s.minLength}`, 'x'.repeat(s.minLength - 1));
  if (typeof s.maxLength === 'number') add('maxLength', `longer than ${s.maxLength}`, 'x'.repeat(s.maxLength + 1));
  if (typeof s.minimum === 'number') add('minimum', `below the minimum ${s.minimum}`, s.minimum - 1);
  if (typeof s.maximum === 'number') add('maximum', `above the maximum ${s.maximum}`, s.maximum + 1);
  if (types.includes('integer')) add('type', 'a fraction where an integer is documented', 1.5);
  return out;
}

function collect(at: Located, path: string[], depth: number, out: Mutation[], required = true): void {
  const here = deref(at);
  const s = here.schema;
  if (!isObject(s)) return;
  const types = schemaTypes(s);
  if (types.includes('object') || isObject(s.properties)) {
    const component = path.length ? `/${path.join('/')}` : '';
    if (!types.includes('array')) {
      out.push({ component, kind: 'type', description: 'an array where an object is documented', apply: setValue(path, []) });
    }
    if (required && !types.includes('null') && s.nullable !== true && path.length > 0) {
      out.push({ component, kind: 'null', description: 'null where an object is documented', apply: setValue(path, null) });
    }
    if (s.additionalProperties === false) {
      out.push({
        component,
        kind: 'additionalProperties',
        description: 'a property the schema does not allow',
        apply: (v) => setAt(v, [...path, 'unexpected_property'], (_o, parent, key) => void (parent[key] = 'x')),
      });
    }
    for (const name of Array.isArray(s.required) ? (s.required as string[]) : []) {
      out.push({
        component: `${component}/${name}`,
        kind: 'required',
        description: `the required property ${name} is missing`,
        apply: (v) => setAt(v, [...path, name], (_o, parent, key) => void delete parent[key]),
      });
    }
    if (depth < 3 && isObject(s.properties)) {
      const requiredNames = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      for (const [name, sub] of Object.entries(s.properties as Record<string, JsonSchema>)) {
        collect({ ...here, schema: sub }, [...path, name], depth + 1, out, requiredNames.has(name));
      }
    }
    return;
  }
  if (types.includes('array')) {
    const component = path.length ? `/${path.join('/')}` : '';
    out.push({ component, kind: 'type', description: 'an object where an array is documented', apply: setValue(path, {}) });
    return;
  }
  out.push(...scalarMutations(s, path, required));
}

/** Every single-component mutation of `schema`. */
export function mutationsFor(schema: SchemaRef): Mutation[] {
  const out: Mutation[] = [];
  collect(locate(rawSchema(schema)), [], 0, out);
  return out;
}

export interface InvalidValue {
  value: unknown;
  component: string;
  kind: string;
  description: string;
}

/**
 * Invalid values: a valid base with one mutation applied, kept only when ajv confirms it invalid.
 * `only` restricts the mutations to those whose server rejection the documentation makes certain.
 */
export function invalidArbitrary(
  schema: SchemaRef,
  options: ArbitraryOptions & { only?: (m: Mutation) => boolean } = {},
): fc.Arbitrary<InvalidValue> {
  const mutations = mutationsFor(schema).filter((m) => (options.only ? options.only(m) : true));
  if (mutations.length === 0) throw new Error('no mutation applies to this schema');
  return fc
    .tuple(validArbitrary(schema, options), fc.constantFrom(...mutations))
    .map(([base, m]) => ({ value: m.apply(base), component: m.component, kind: m.kind, description: m.description }))
    .filter((inv) => !isValid(schema, inv.value));
}
