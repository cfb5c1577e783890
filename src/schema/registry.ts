/**
 * The one ajv registry. Every schema in schemas/ is added once by its `$id` and compiled lazily the first
 * time it is used, then cached; nothing is compiled in a hot path. Validation errors are returned as data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { addApiFormats, type ApiwebDateStrictness } from './formats.ts';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');

export interface SchemaError {
  /** JSON Pointer into the validated value (`/results/3/email`). */
  instancePath: string;
  /** JSON Pointer into the schema (`#/$defs/User/properties/email/format`). */
  schemaPath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

export interface RegistryOptions {
  /**
   * How the `apiweb-date-time` format treats a timestamp without a zone (see formats.ts). The documentation's
   * own example has none, so the default accepts it; `zone-required` is the strict setting.
   */
  apiwebDates?: ApiwebDateStrictness;
}

export interface ValidationResult {
  valid: boolean;
  errors: SchemaError[];
}

function listSchemaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSchemaFiles(full));
    else if (entry.name.endsWith('.schema.json')) out.push(full);
  }
  return out.sort();
}

export class SchemaRegistry {
  readonly ajv: Ajv2020;
  readonly ids: readonly string[];
  readonly apiwebDates: ApiwebDateStrictness;
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #schemas = new Map<string, Record<string, unknown>>();

  constructor(dir: string = SCHEMAS_DIR, options: RegistryOptions = {}) {
    // allErrors: a contract failure should list every deviation, not the first one.
    // strict 'log' off: schemas carry documentation keywords (x-source, x-unverified) on purpose.
    this.ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    addFormats(this.ajv);
    this.apiwebDates = options.apiwebDates ?? 'zone-optional';
    addApiFormats(this.ajv, this.apiwebDates);
    const ids: string[] = [];
    for (const file of listSchemaFiles(dir)) {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const id = schema.$id;
      if (typeof id !== 'string') throw new Error(`schema without $id: ${file}`);
      this.ajv.addSchema(schema);
      this.#schemas.set(id, schema);
      ids.push(id);
    }
    this.ids = ids;
  }

  has(id: string): boolean {
    return this.#schemas.has(id);
  }

  /** The raw schema document (for generators and the mock). */
  schema(id: string): Record<string, unknown> {
    const schema = this.#schemas.get(id);
    if (!schema) throw new Error(`unknown schema ${id}`);
    return schema;
  }

  validator(id: string): ValidateFunction {
    let fn = this.#compiled.get(id);
    if (!fn) {
      fn = this.ajv.getSchema(id);
      if (!fn) throw new Error(`unknown schema ${id}`);
      this.#compiled.set(id, fn);
    }
    return fn;
  }

  validate(id: string, value: unknown): ValidationResult {
    const fn = this.validator(id);
    const valid = fn(value) as boolean;
    return { valid, errors: valid ? [] : toSchemaErrors(fn.errors) };
  }
}

export function toSchemaErrors(errors: ErrorObject[] | null | undefined): SchemaError[] {
  return (errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
    message: e.message ?? e.keyword,
    params: e.params as Record<string, unknown>,
  }));
}

/** `Key: value` lines for a failure message (Schemathesis style). */
export function formatSchemaErrors(errors: readonly SchemaError[], max = 10): string {
  const lines = errors.slice(0, max).map((e) => `${e.instancePath || '/'}: ${e.message} (${e.schemaPath})`);
  if (errors.length > max) lines.push(`… and ${errors.length - max} more`);
  return lines.join('\n');
}

const shared = new Map<ApiwebDateStrictness, SchemaRegistry>();
/**
 * The process-wide registry for a date strictness setting: built once per setting, on first use.
 * `schemas()` is the default (`zone-optional`) registry.
 */
export function schemas(apiwebDates: ApiwebDateStrictness = 'zone-optional'): SchemaRegistry {
  let registry = shared.get(apiwebDates);
  if (!registry) {
    registry = new SchemaRegistry(SCHEMAS_DIR, { apiwebDates });
    shared.set(apiwebDates, registry);
  }
  return registry;
}
