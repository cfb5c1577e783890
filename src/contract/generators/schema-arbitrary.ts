/**
 * JSON Schema → fast-check arbitrary (no maintained library supports fast-check 4
 * at the time of writing, so a small in-repo compiler). Covers what the request schemas and query parameters use:
 * `type` (and unions), `const`, `enum`, OAS `nullable`, `$ref` (local, `$defs`, other registry schemas,
 * recursion bounded by depth), `allOf` (merged), `oneOf`/`anyOf`, formats (email, uuid, date-time, date,
 * uri), `pattern`, string/number/array bounds, `multipleOf`, `uniqueItems`, required/optional properties.
 *
 * The compiler aims for valid values but is not trusted: `validArbitrary` re-checks every value with ajv,
 * so a generator gap can never cause a false failure (only a discarded value).
 */
import fc from 'fast-check';
import { deref, isObject, locate, mergeSchemas, schemaTypes, type JsonSchema, type Located, type SchemaObject } from './json-schema.ts';

export interface ArbitraryOptions {
  /** Replaces the generator at an instance path (`/email`, `/data/attributes/membership`). */
  overrides?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Recursion bound for `$ref` cycles and nesting (default 6). */
  maxDepth?: number;
  /** Default upper bound for arrays without maxItems (default 4). */
  maxItems?: number;
}

const EPOCH_MIN = Date.UTC(2000, 0, 1);
const EPOCH_MAX = Date.UTC(2035, 11, 31);

const dateArb = fc
  .integer({ min: EPOCH_MIN, max: EPOCH_MAX })
  .map((ms) => new Date(ms));

/** Simple, RFC 5321-safe addresses on a reserved domain (RFC 2606): never a real person's. */
export const emailArbitrary = (domain = 'example.com'): fc.Arbitrary<string> =>
  fc
    .stringMatching(/^[a-z][a-z0-9]{0,11}(\.[a-z0-9]{1,6})?$/)
    .map((local) => `${local}@${domain}`);

function formatArbitrary(format: string): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'email':
    case 'idn-email':
      return emailArbitrary();
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return dateArb.map((d) => d.toISOString());
    case 'date':
      return dateArb.map((d) => d.toISOString().slice(0, 10));
    case 'uri':
    case 'url':
    case 'uri-reference':
    case 'iri':
      return fc.webUrl();
    case 'ipv4':
      return fc.ipV4();
    default:
      return undefined;
  }
}

function stringArbitrary(s: SchemaObject): fc.Arbitrary<string> {
  const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
  const declaredMax = typeof s.maxLength === 'number' ? s.maxLength : undefined;
  const maxLength = declaredMax ?? Math.max(minLength, 16);
  // Only declared bounds constrain formats and patterns (a uuid is 36 characters whatever the default).
  const inBounds = (v: string): boolean => v.length >= minLength && (declaredMax === undefined || v.length <= declaredMax);
  if (typeof s.format === 'string') {
    const arb = formatArbitrary(s.format);
    if (arb) return arb.filter(inBounds);
  }
  if (typeof s.pattern === 'string') {
    let re: RegExp;
    try {
      re = new RegExp(s.pattern, 'u');
    } catch {
      re = new RegExp(s.pattern);
    }
    return fc.stringMatching(re).filter(inBounds);
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme-ascii' });
}

function integerArbitrary(s: SchemaObject): fc.Arbitrary<number> {
  let min = typeof s.minimum === 'number' ? Math.ceil(s.minimum) : -1_000_000;
  let max = typeof s.maximum === 'number' ? Math.floor(s.maximum) : 1_000_000;
  if (typeof s.exclusiveMinimum === 'number') min = Math.max(min, Math.floor(s.exclusiveMinimum) + 1);
  if (typeof s.exclusiveMaximum === 'number') max = Math.min(max, Math.ceil(s.exclusiveMaximum) - 1);
  const step = typeof s.multipleOf === 'number' && Number.isInteger(s.multipleOf) && s.multipleOf > 0 ? s.multipleOf : 1;
  if (step === 1) return fc.integer({ min, max });
  const lo = Math.ceil(min / step);
  const hi = Math.floor(max / step);
  return fc.integer({ min: lo, max: Math.max(lo, hi) }).map((k) => k * step);
}

function numberArbitrary(s: SchemaObject): fc.Arbitrary<number> {
  if (typeof s.multipleOf === 'number') return integerArbitrary(s);
  const min = typeof s.minimum === 'number' ? s.minimum : -1e6;
  const max = typeof s.maximum === 'number' ? s.maximum : 1e6;
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((n) => {
    if (typeof s.exclusiveMinimum === 'number' && n <= s.exclusiveMinimum) return false;
    if (typeof s.exclusiveMaximum === 'number' && n >= s.exclusiveMaximum) return false;
    return !Object.is(n, -0);
  });
}

class Compiler {
  readonly #options: Required<Pick<ArbitraryOptions, 'maxDepth' | 'maxItems'>> & ArbitraryOptions;

  constructor(options: ArbitraryOptions) {
    this.#options = { maxDepth: 6, maxItems: 4, ...options };
  }

  compile(at: Located, path: string, depth: number): fc.Arbitrary<unknown> {
    const override = this.#options.overrides?.[path];
    if (override) return override;
    const here = deref(at);
    let s = here.schema;
    if (s === true) return fc.jsonValue({ maxDepth: 1 });
    if (s === false) throw new Error(`schema at ${path || '/'} admits no value`);
    if (Array.isArray(s.allOf) && s.allOf.length > 0) {
      const { allOf, ...rest } = s;
      let merged: JsonSchema = rest;
      for (const part of allOf as JsonSchema[]) merged = mergeSchemas(merged, deref({ ...here, schema: part }).schema);
      s = merged as SchemaObject;
      if (s === (false as unknown)) throw new Error(`allOf at ${path || '/'} admits no value`);
    }
    const obj = s as SchemaObject;
    if ('const' in obj) return fc.constant(obj.const);
    if (Array.isArray(obj.enum)) {
      const values = obj.nullable === true ? [...obj.enum, null] : obj.enum;
      return fc.constantFrom(...values);
    }
    const branches = (Array.isArray(obj.oneOf) ? obj.oneOf : Array.isArray(obj.anyOf) ? obj.anyOf : undefined) as
      | JsonSchema[]
      | undefined;
    if (branches && branches.length > 0) {
      const { oneOf: _o, anyOf: _a, ...base } = obj;
      const arbs = branches.map((b) =>
        this.compile({ ...here, schema: mergeSchemas(base, deref({ ...here, schema: b }).schema) }, path, depth + 1),
      );
      return fc.oneof(...arbs);
    }
    const types = schemaTypes(obj);
    if (types.length === 0) return fc.jsonValue({ maxDepth: 1 });
    const arbs = types.map((t) => this.typed(t, { ...here, schema: obj }, path, depth));
    return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
  }

  typed(type: string, at: Located, path: string, depth: number): fc.Arbitrary<unknown> {
    const s = at.schema as SchemaObject;
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return integerArbitrary(s);
      case 'number':
        return numberArbitrary(s);
      case 'string':
        return stringArbitrary(s);
      case 'array':
        return this.array(at, path, depth);
      case 'object':
        return this.object(at, path, depth);
      default:
        return fc.constant(null);
    }
  }

  array(at: Located, path: string, depth: number): fc.Arbitrary<unknown[]> {
    const s = at.schema as SchemaObject;
    const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
    const deep = depth >= this.#options.maxDepth;
    const maxLength = deep
      ? minLength
      : typeof s.maxItems === 'number'
        ? s.maxItems
        : Math.max(minLength, this.#options.maxItems);
    const items = s.items === undefined ? true : (s.items as JsonSchema);
    const item = this.compile({ ...at, schema: items }, `${path}/*`, depth + 1);
    if (s.uniqueItems === true) {
      return fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) });
    }
    return fc.array(item, { minLength, maxLength });
  }

  object(at: Located, path: string, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const s = at.schema as SchemaObject;
    const properties = isObject(s.properties) ? (s.properties as Record<string, JsonSchema>) : {};
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    const deep = depth >= this.#options.maxDepth;
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, sub] of Object.entries(properties)) {
      // Past the depth bound only required properties are generated, so recursion ends.
      if (deep && !required.has(name)) continue;
      model[name] = this.compile({ ...at, schema: sub }, `${path}/${name}`, depth + 1);
    }
    for (const name of required) {
      // A required property without a declared schema: any JSON value.
      model[name] ??= fc.jsonValue({ maxDepth: 1 });
    }
    return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
  }
}

/** The raw (unvalidated) arbitrary for a schema. Prefer `validArbitrary`. */
export function arbitraryFromSchema(schema: JsonSchema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return new Compiler(options).compile(locate(schema), '', 0);
}
