/**
 * Assertions over the schema registry for the schema tests: a value is valid, or it is rejected for the
 * expected reason (keyword and location), not merely rejected.
 */
import { expect } from 'vitest';
import { formatSchemaErrors, schemas, type SchemaError, type SchemaRegistry } from '../../src/schema/registry.ts';
import { schemaId } from '../../src/model/operations.ts';

/** Short schema name (`v1/provision-request`) → its `$id`. */
export const sid = (name: string): string => schemaId(name);

/** The reason a value is expected to fail: the keyword, and where (every given field must match one error). */
export interface ExpectedError {
  keyword: string;
  /** JSON Pointer into the value; '' is the root. */
  instancePath?: string;
  /** e.g. `{ missingProperty: 'jsonapi' }`, `{ additionalProperty: 'code' }`, `{ format: 'email' }`. */
  params?: Record<string, unknown>;
  /** A fragment the schemaPath must contain, e.g. `dependentSchemas/role`. */
  schemaPath?: string;
}

export function matches(error: SchemaError, expected: ExpectedError): boolean {
  if (error.keyword !== expected.keyword) return false;
  if (expected.instancePath !== undefined && error.instancePath !== expected.instancePath) return false;
  if (expected.schemaPath !== undefined && !error.schemaPath.includes(expected.schemaPath)) return false;
  for (const [key, value] of Object.entries(expected.params ?? {})) {
    if (error.params[key] !== value) return false;
  }
  return true;
}

export function expectValid(name: string, value: unknown, registry: SchemaRegistry = schemas()): void {
  const result = registry.validate(sid(name), value);
  expect(result.valid, `expected valid against ${name}, got:\n${formatSchemaErrors(result.errors)}`).toBe(true);
}

export function expectRejected(
  name: string,
  value: unknown,
  reasons: ExpectedError | readonly ExpectedError[],
  registry: SchemaRegistry = schemas(),
): SchemaError[] {
  const result = registry.validate(sid(name), value);
  expect(result.valid, `expected ${name} to reject the value`).toBe(false);
  const list: readonly ExpectedError[] = 'keyword' in reasons ? [reasons] : reasons;
  for (const reason of list) {
    expect(
      result.errors.some((e) => matches(e, reason)),
      `expected an error ${JSON.stringify(reason)} from ${name}, got:\n${formatSchemaErrors(result.errors, 50)}`,
    ).toBe(true);
  }
  return result.errors;
}

/** A deep copy with `edit` applied, so each case starts from the same documented example. */
export function edited<T>(value: T, edit: (copy: T) => void): T {
  const copy = structuredClone(value);
  edit(copy);
  return copy;
}
