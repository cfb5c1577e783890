/**
 * Deterministic boundary values (Schemathesis coverage phase): for `minimum 10, maximum 100, multipleOf 10`
 * the valid edges 10, 100 and the invalid neighbours 0, 9, 11, 101, 110; for lengths `minLength-1`,
 * `minLength`, `maxLength`, `maxLength+1`; every enum value and one outside it. Each value is labelled and
 * re-checked with ajv, so a value listed as valid is valid and one listed as invalid is invalid.
 */
import { deref, locate, schemaTypes, type SchemaObject } from './json-schema.ts';
import { isValid, rawSchema, type SchemaRef } from './validated.ts';

export interface BoundaryValue {
  value: unknown;
  label: string;
}

export interface Boundaries {
  valid: BoundaryValue[];
  invalid: BoundaryValue[];
}

function candidates(s: SchemaObject): BoundaryValue[] {
  const out: BoundaryValue[] = [];
  const types = schemaTypes(s);
  if (Array.isArray(s.enum)) {
    for (const v of s.enum) out.push({ value: v, label: `enum value ${JSON.stringify(v)}` });
    out.push({ value: '__not_in_enum__', label: 'a value outside the enum' });
  }
  if (types.includes('integer') || types.includes('number')) {
    const step = typeof s.multipleOf === 'number' ? s.multipleOf : 1;
    if (typeof s.minimum === 'number') {
      out.push({ value: s.minimum, label: `the minimum (${s.minimum})` });
      out.push({ value: s.minimum - 1, label: `one below the minimum (${s.minimum - 1})` });
      if (step !== 1) out.push({ value: s.minimum - step, label: `one step below the minimum (${s.minimum - step})` });
    }
    if (typeof s.maximum === 'number') {
      out.push({ value: s.maximum, label: `the maximum (${s.maximum})` });
      out.push({ value: s.maximum + 1, label: `one above the maximum (${s.maximum + 1})` });
      if (step !== 1) out.push({ value: s.maximum + step, label: `one step above the maximum (${s.maximum + step})` });
    }
    if (step !== 1) {
      const base = typeof s.minimum === 'number' ? s.minimum : 0;
      out.push({ value: base + step + Math.max(1, Math.floor(step / 2)), label: `not a multiple of ${step}` });
    }
    if (types.includes('integer')) out.push({ value: 1.5, label: 'a fraction' });
  }
  if (types.includes('string') && !Array.isArray(s.enum)) {
    if (typeof s.minLength === 'number') {
      out.push({ value: 'a'.repeat(s.minLength), label: `the minimum length (${s.minLength})` });
      if (s.minLength > 0) out.push({ value: 'a'.repeat(s.minLength - 1), label: `one below the minimum length` });
    }
    if (typeof s.maxLength === 'number') {
      out.push({ value: 'a'.repeat(s.maxLength), label: `the maximum length (${s.maxLength})` });
      out.push({ value: 'a'.repeat(s.maxLength + 1), label: `one above the maximum length` });
    }
    if (typeof s.format === 'string') out.push({ value: `not-a-${s.format}`, label: `not a ${s.format}` });
  }
  if (types.includes('boolean')) {
    out.push({ value: true, label: 'true' }, { value: false, label: 'false' });
  }
  return out;
}

/** Labelled boundary values of a scalar schema, split by what ajv says of them. */
export function boundaryValues(schema: SchemaRef): Boundaries {
  const s = deref(locate(rawSchema(schema))).schema;
  if (typeof s !== 'object') return { valid: [], invalid: [] };
  const seen = new Set<string>();
  const result: Boundaries = { valid: [], invalid: [] };
  for (const c of candidates(s)) {
    const key = JSON.stringify(c.value);
    if (seen.has(key)) continue;
    seen.add(key);
    (isValid(schema, c.value) ? result.valid : result.invalid).push(c);
  }
  return result;
}
