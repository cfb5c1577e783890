/**
 * Validation against a schema inside a foreign OpenAPI document (the tenant's served spec, `GET
 * /rest/openapi/{version}`). Kept apart from the registry: the document is the tenant's, not ours, so it gets
 * its own ajv instance (its `$ref`s are local to it and may collide with nothing of ours). OpenAPI 3.0 schemas
 * (Snyk's own spec is 3.0.3) are read as 3.1 reads them: `nullable: true` adds `null` to the type and boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become numbers (OpenAPI 3.1.0 release notes, "JSON Schema").
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { toSchemaErrors, type ValidationResult } from './registry.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const DOCUMENT_ID = 'urn:snyk-tenant-check:served-openapi';

function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) out[k] = normalize(v);
  if (out.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    delete out.nullable;
  }
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[exclusive] === 'boolean') {
      if (out[exclusive] === true && typeof out[bound] === 'number') {
        out[exclusive] = out[bound];
        delete out[bound];
      } else delete out[exclusive];
    }
  }
  // 3.0 documents declare their own dialect nowhere; a stray `$schema` or `$id` below the root would re-base refs.
  delete out.$schema;
  delete out.$id;
  return out;
}

/** JSON Pointer escaping (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export class DocumentValidator {
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction | Error>();

  constructor(document: unknown) {
    this.#ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, validateSchema: false, logger: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema(normalize(document) as Record<string, unknown>, DOCUMENT_ID);
  }

  /**
   * Validates `value` against the schema at `pointer` (`/paths/~1self/get/…/schema`). A schema the validator
   * cannot compile (an unresolvable `$ref`) is reported as an error, never thrown.
   */
  validate(pointer: string, value: unknown): ValidationResult | { valid: false; errors: []; unusable: string } {
    let fn = this.#compiled.get(pointer);
    if (!fn) {
      try {
        fn = this.#ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
      } catch (error) {
        fn = error instanceof Error ? error : new Error(String(error));
      }
      this.#compiled.set(pointer, fn);
    }
    if (fn instanceof Error) return { valid: false, errors: [], unusable: fn.message };
    const valid = fn(value) as boolean;
    return { valid, errors: valid ? [] : toSchemaErrors(fn.errors) };
  }
}
