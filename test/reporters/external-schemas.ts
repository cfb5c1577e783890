/**
 * The third-party schemas of schemas/external/ (draft-07, see its README) compiled by their own ajv instance,
 * separate from the 2020-12 registry of src/schema. For the tests of the ocsf and oscal exports.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const EXTERNAL_DIR = fileURLToPath(new URL('../../schemas/external/', import.meta.url));
export const OSCAL_SCHEMA_FILE = `${EXTERNAL_DIR}oscal/oscal_assessment-results_schema.json`;
/** The v1.1.3 release asset's digest (schemas/external/README.md). */
export const OSCAL_SCHEMA_SHA256 = 'd9e34757f0c12aff61f52b821f0b8f83ba0ba75b3a149a202b08ba82f82bc4c3';
export const OCSF_SCHEMA_FILES = {
  2003: `${EXTERNAL_DIR}ocsf/ocsf-1.6.0-compliance_finding.json`,
  2004: `${EXTERNAL_DIR}ocsf/ocsf-1.6.0-detection_finding.json`,
} as const;

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function validator(file: string): ValidateFunction {
  let v = compiled.get(file);
  if (v === undefined) {
    // strict off: the OCSF export keeps the server's `title` on `$ref` members; the OSCAL schema its `$id`s.
    ajv ??= addFormats(new Ajv({ allErrors: true, strict: false }));
    v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    compiled.set(file, v);
  }
  return v;
}

export interface Verdict {
  valid: boolean;
  errors: string[];
}

function verdict(v: ValidateFunction, value: unknown): Verdict {
  const valid = v(value) as boolean;
  return { valid, errors: valid ? [] : (v.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`) };
}

export function validateOscal(doc: unknown): Verdict {
  return verdict(validator(OSCAL_SCHEMA_FILE), doc);
}

/** An OCSF event against the schema of its class_uid (2003 or 2004). */
export function validateOcsf(event: { class_uid?: unknown }): Verdict {
  const file = OCSF_SCHEMA_FILES[event.class_uid as keyof typeof OCSF_SCHEMA_FILES];
  if (file === undefined) return { valid: false, errors: [`no schema for class_uid ${String(event.class_uid)}`] };
  return verdict(validator(file), event);
}
