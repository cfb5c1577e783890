/**
 * The ajv gate for generated values: every "valid" value is re-checked against its schema before it is
 * sent and every "invalid" one is re-checked as still invalid (after shrinking too), so the generator can
 * never be the source of a false failure (Schemathesis issues #4332 and #2312: https://github.com/schemathesis/schemathesis).
 * Schemas come by registry `$id` or inline (query parameter schemas); inline ones are compiled once.
 */
import type fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import { schemas } from '../../schema/registry.ts';
import { arbitraryFromSchema, type ArbitraryOptions } from './schema-arbitrary.ts';
import type { JsonSchema } from './json-schema.ts';

export type SchemaRef = string | JsonSchema;

const inline = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: SchemaRef): ValidateFunction | ((v: unknown) => boolean) {
  if (typeof schema === 'string') return schemas().validator(schema);
  if (schema === true) return () => true;
  if (schema === false) return () => false;
  let fn = inline.get(schema);
  if (!fn) {
    // Inline schemas carry no $id, so compiling them cannot collide with the registry's documents.
    fn = schemas().ajv.compile(schema);
    inline.set(schema, fn);
  }
  return fn;
}

export function isValid(schema: SchemaRef, value: unknown): boolean {
  return validatorFor(schema)(value) as boolean;
}

export function rawSchema(schema: SchemaRef): JsonSchema {
  return typeof schema === 'string' ? (schemas().schema(schema) as JsonSchema) : schema;
}

/** Values of `schema`, each confirmed valid by ajv (invalid ones are discarded, never sent). */
export function validArbitrary(schema: SchemaRef, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return arbitraryFromSchema(rawSchema(schema), options).filter((v) => isValid(schema, v));
}
