/**
 * Generates the JSON Schemas of the two OCSF classes the `ocsf` export emits (Compliance Finding 2003, Detection
 * Finding 2004) from a checkout of the OCSF schema source (https://github.com/ocsf/ocsf-schema), the way the OCSF
 * schema server exports them (https://github.com/ocsf/ocsf-server, lib/schema/json_schema.ex: draft-07, one
 * `$defs` entry per reachable object, `additionalProperties: false`, enums as integer `enum`/`const`, requirement
 * "required" as `required`, `just_one`/`at_least_one` constraints as `oneOf`/`anyOf`).
 *
 * No package or repository ships these JSON Schemas as files (the server renders them on request), so this
 * script is the provenance: run it on the tagged checkout recorded in schemas/external/ocsf/README.md and the
 * output is byte-for-byte the checked-in files.
 *
 *   git clone https://github.com/ocsf/ocsf-schema && git -C ocsf-schema checkout 1.5.0
 *   node bin/tsx.mjs scripts/generate-ocsf-schema.ts ocsf-schema
 *
 * What the server's compiler does and this script does too: `extends` chains (base_event → finding → class,
 * object → …), `$include` of profiles (their attributes are merged in), dictionary attributes deep-merged under
 * the class's own settings (enums merge, the class's values win), class_uid = category_uid × 1000 + uid,
 * type_uid enumerated from activity_id. Not done: the `datetime` profile's generated `*_dt` siblings (the export
 * emits epoch-millisecond times only, so none is needed) and extensions (linux, windows).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const source = process.argv[2];
if (source === undefined) {
  console.error('usage: generate-ocsf-schema.ts <ocsf-schema checkout>');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'schemas', 'external', 'ocsf');
const CLASSES = ['compliance_finding', 'detection_finding'];

function read(rel: string): JsonObject {
  return JSON.parse(readFileSync(join(source as string, rel), 'utf8')) as JsonObject;
}

/** Deep merge: objects merge key by key, anything else in `over` replaces `base`. */
function merge(base: Json | undefined, over: Json | undefined): Json {
  if (over === undefined) return base ?? null;
  if (!isObject(base) || !isObject(over)) return over;
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

const dictionary = read('dictionary.json');
const dictAttributes = dictionary.attributes as JsonObject;
const dataTypes = (dictionary.types as JsonObject).attributes as JsonObject;
const categories = (read('categories.json').attributes as JsonObject);

/** An entity's own attributes with its `$include`d files merged in (the entity's own settings win). */
function ownAttributes(entity: JsonObject): JsonObject {
  const attrs = { ...((entity.attributes as JsonObject | undefined) ?? {}) };
  const includes = (attrs.$include as string[] | undefined) ?? [];
  delete attrs.$include;
  let merged: JsonObject = {};
  for (const rel of includes) {
    const included = ownAttributes(read(rel));
    // An attribute a profile brings belongs to that profile (the server's compiler marks it the same way); an
    // entity that sets `"profile": null` on it keeps it unconditionally.
    const profile = rel.startsWith('profiles/') ? rel.slice('profiles/'.length, -'.json'.length) : undefined;
    if (profile !== undefined) for (const [k, v] of Object.entries(included)) included[k] = { profile, ...(v as JsonObject) };
    merged = merge(merged, included) as JsonObject;
  }
  return merge(merged, attrs) as JsonObject;
}

/**
 * The profiles the export applies: none (it sets metadata.profiles to []). The server drops the attributes of a
 * profile that is not applied; so does this script, so an event must not carry, e.g., `cloud` or `osint` (both
 * required by their profiles).
 */
const PROFILES: readonly string[] = [];

function withoutOtherProfiles(attributes: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(attributes)) {
    const profile = isObject(v) ? v.profile : undefined;
    if (typeof profile === 'string' && !PROFILES.includes(profile)) continue;
    out[k] = v;
  }
  return out;
}

function loadEntity(kind: 'events' | 'objects', name: string): JsonObject {
  if (kind === 'objects') return read(`objects/${name}.json`);
  for (const rel of ['events/base_event.json', `events/findings/${name}.json`]) {
    const e = (() => {
      try {
        return read(rel);
      } catch {
        return undefined;
      }
    })();
    if (e !== undefined && e.name === name) return e;
  }
  throw new Error(`event class not found: ${name}`);
}

/** The entity with its extends chain resolved: attributes merged from the root down. */
function resolve(kind: 'events' | 'objects', name: string): JsonObject {
  const entity = loadEntity(kind, name);
  const parentName = entity.extends as string | undefined;
  const parent = parentName === undefined ? undefined : resolve(kind, parentName);
  const attributes = merge(parent?.attributes ?? {}, ownAttributes(entity)) as JsonObject;
  const constraints = entity.constraints ?? parent?.constraints;
  return { ...entity, attributes, ...(constraints !== undefined ? { constraints } : {}) };
}

const PRIMITIVE: Record<string, string> = {
  string_t: 'string',
  integer_t: 'integer',
  long_t: 'integer',
  float_t: 'number',
  boolean_t: 'boolean',
};

/** The JSON type of a data type (its base type for a derived one such as timestamp_t → long_t). */
function jsonType(type: string): string | undefined {
  if (PRIMITIVE[type] !== undefined) return PRIMITIVE[type];
  const def = dataTypes[type];
  if (isObject(def) && typeof def.type === 'string') return jsonType(def.type);
  return undefined;
}

function isDataType(type: string): boolean {
  return type.endsWith('_t');
}

/** One attribute as the server encodes it; collects the objects it refers to. */
function encodeAttribute(name: string, local: JsonObject, refs: Set<string>): JsonObject {
  const attr = merge(dictAttributes[name] ?? {}, local) as JsonObject;
  const type = String(attr.type ?? 'string_t');
  const schema: JsonObject = { title: attr.caption ?? name };
  if (type === 'json_t') {
    // any JSON value
  } else if (!isDataType(type)) {
    const object = type === 'object' ? 'object' : type;
    refs.add(object);
    schema.$ref = `#/$defs/${object}`;
  } else if ((type === 'integer_t' || type === 'string_t') && isObject(attr.enum)) {
    const keys = Object.keys(attr.enum);
    const values = type === 'integer_t' ? keys.map(Number).sort((a, b) => a - b) : keys.sort();
    if (values.length === 1) schema.const = values[0] as Json;
    else schema.enum = values;
    schema.type = jsonType(type) as string;
  } else {
    const t = jsonType(type);
    if (t !== undefined) schema.type = t;
  }
  if (attr.is_array === true) {
    const { $ref, type: t, enum: e, const: c, ...rest } = schema;
    const items: JsonObject = $ref !== undefined ? { $ref } : { ...(t !== undefined ? { type: t } : {}), ...(e !== undefined ? { enum: e } : {}), ...(c !== undefined ? { const: c } : {}) };
    return { ...rest, type: 'array', items };
  }
  return schema;
}

function encodeEntity(entity: JsonObject, refs: Set<string>): JsonObject {
  const attributes = withoutOtherProfiles(entity.attributes as JsonObject);
  const constraints = (entity.constraints as JsonObject | undefined) ?? {};
  const justOne = (constraints.just_one as string[] | undefined) ?? [];
  const atLeastOne = (constraints.at_least_one as string[] | undefined) ?? [];
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const name of Object.keys(attributes).sort()) {
    const local = attributes[name] as JsonObject;
    properties[name] = encodeAttribute(name, local, refs);
    if (!justOne.includes(name) && !atLeastOne.includes(name) && local.requirement === 'required') required.push(name);
  }
  const schema: JsonObject = { title: entity.caption ?? null, type: 'object', properties, additionalProperties: Object.keys(properties).length === 0 };
  if (required.length > 0) schema.required = required.sort();
  if (justOne.length > 0) schema.oneOf = justOne.map((n) => ({ required: [n], not: { required: justOne.filter((o) => o !== n) } }));
  if (atLeastOne.length > 0) schema.anyOf = atLeastOne.map((n) => ({ required: [n] }));
  return schema;
}

function classSchema(name: string, version: string): JsonObject {
  const entity = resolve('events', name);
  const attributes = entity.attributes as JsonObject;
  const category = categories[String(loadEntity('events', 'finding').category)] as JsonObject;
  const categoryUid = Number(category.uid);
  const classUid = categoryUid * 1000 + Number(entity.uid);
  // What the server's compiler fills in for a class: its own class and category ids.
  attributes.class_uid = { ...(attributes.class_uid as JsonObject), enum: { [classUid]: { caption: entity.caption as string } } };
  attributes.category_uid = { ...(attributes.category_uid as JsonObject), enum: { [categoryUid]: { caption: category.caption as string } } };
  // type_uid is a long_t: the server encodes it without its enum, so does this script (our own test checks the
  // class_uid × 100 + activity_id rule).
  const refs = new Set<string>();
  const schema = encodeEntity(entity, refs);
  const defs: JsonObject = {};
  const pending = [...refs];
  while (pending.length > 0) {
    const object = pending.pop() as string;
    if (defs[object] !== undefined) continue;
    const before = new Set(refs);
    defs[object] = encodeEntity(resolve('objects', object), refs);
    for (const r of refs) if (!before.has(r)) pending.push(r);
  }
  const sortedDefs: JsonObject = {};
  for (const k of Object.keys(defs).sort()) sortedDefs[k] = defs[k] as Json;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://schema.ocsf.io/${version}/schema/classes/${name}`,
    ...schema,
    $defs: sortedDefs,
  };
}

const version = String(read('version.json').version);
mkdirSync(outDir, { recursive: true });
for (const name of CLASSES) {
  const file = join(outDir, `ocsf-${version}-${name}.json`);
  writeFileSync(file, `${JSON.stringify(classSchema(name, version), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
