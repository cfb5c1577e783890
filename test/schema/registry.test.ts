/**
 * The registry holds every schema in schemas/, each compiles, ids follow the naming rule, every `$ref` resolves,
 * and the operation catalogue names only schemas that exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, SCHEMA_BASE } from '../../src/model/operations.ts';
import { addApiFormats, APIWEB_DATE_TIME_ZONED } from '../../src/schema/formats.ts';
import { SCHEMAS_DIR, SchemaRegistry, schemas } from '../../src/schema/registry.ts';
import { sid } from './expect-schema.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? schemaFiles(join(dir, entry.name))
      : entry.name.endsWith('.schema.json')
        ? [join(dir, entry.name)]
        : [],
  );
}

const files = schemaFiles(SCHEMAS_DIR).map((file) => ({
  rel: relative(SCHEMAS_DIR, file).split(sep).join('/'),
  schema: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>,
}));

/** The API schemas this area owns (results/config/policy belong to other parts of the tool). */
const API_SCHEMAS = [
  'v1/provision-request',
  'v1/provision-entry',
  'v1/provision-list',
  'v1/provision-delete-response',
  'v1/error',
  'rest/jsonapi',
  'rest/links',
  'rest/error-document',
  'rest/self-document',
  'rest/org-user-document',
  'rest/group-user-patch-request',
  'rest/org-membership-list',
  'rest/group-membership-list',
  'rest/audit-log-search-page',
  'apiweb/user',
  'apiweb/user-list',
  'apiweb/error',
  'apiweb/field-errors',
];

describe('schema registry', () => {
  it('should hold every documented API schema', () => {
    for (const name of API_SCHEMAS) expect(schemas().has(sid(name)), name).toBe(true);
  });

  it.each(files.map((f) => [f.rel, f] as const))('should compile %s', (_rel, { schema }) => {
    expect(() => schemas().validator(schema.$id as string)).not.toThrow();
  });

  it.each(files.map((f) => [f.rel, f] as const))(
    'should give %s a 2020-12 $schema, an $id matching its path and a PascalCase title',
    (rel, { schema }) => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`${SCHEMA_BASE}${rel}`);
      expect(schema.title).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    },
  );

  it('should compile the API schemas under ajv strict mode (no unknown keywords or formats, typed constraints)', () => {
    // The shared registry runs with strict: false so documentation keywords are allowed; this catches typos
    // (`requried`) and constraints ajv would silently ignore. tsType is json-schema-to-typescript's keyword.
    const ajv = new Ajv2020({ strict: true, strictTypes: true, allowUnionTypes: true });
    addFormats(ajv);
    addApiFormats(ajv);
    ajv.addKeyword('tsType');
    for (const name of API_SCHEMAS) ajv.addSchema(schemas().schema(sid(name)));
    for (const name of API_SCHEMAS) expect(() => ajv.getSchema(sid(name)), name).not.toThrow();
  });

  it('should resolve every $ref of the API schemas to a schema and a definition that exist', () => {
    const refs: { from: string; ref: string }[] = [];
    const walk = (node: unknown, from: string): void => {
      if (Array.isArray(node)) node.forEach((n) => walk(n, from));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push({ from, ref: value });
          else walk(value, from);
        }
      }
    };
    for (const name of API_SCHEMAS) walk(schemas().schema(sid(name)), sid(name));
    expect(refs.length).toBeGreaterThan(20);
    for (const { from, ref } of refs) {
      const url = new URL(ref, from);
      const fragment = url.hash.replace(/^#/, '');
      url.hash = '';
      expect(schemas().has(url.href), `${from}: ${ref}`).toBe(true);
      let node: unknown = schemas().schema(url.href);
      for (const key of fragment.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[key];
      expect(node, `${from}: ${ref}`).toBeTypeOf('object');
    }
  });

  it('should know every schema the operation catalogue names', () => {
    const named = Object.values(OPERATIONS).flatMap((op) => [
      ...(op.requestSchema ? [op.requestSchema] : []),
      ...Object.values(op.responses).flatMap((r) => (r.schema ? [r.schema] : [])),
    ]);
    expect(named.length).toBeGreaterThan(30);
    for (const id of new Set(named)) expect(schemas().has(id), id).toBe(true);
  });

  it('should return validation errors as data, with JSON Pointers into the value', () => {
    const result = schemas().validate(sid('v1/provision-entry'), { email: 42 });
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual(
      expect.objectContaining({ keyword: 'type', instancePath: '/email', message: 'must be string' }),
    );
    expect(result.errors).toContainEqual(
      expect.objectContaining({ keyword: 'required', instancePath: '', params: { missingProperty: 'created' } }),
    );
  });

  it('should throw for an unknown schema id (misuse, not a validation result)', () => {
    expect(() => schemas().validate(sid('v1/nope'), {})).toThrow(/unknown schema/);
  });

  it('should accept an API & Web date without a zone by default and reject it under zone-required', () => {
    const page = { count: 1, page_total: 1, page: 1, length: 10, results: [] as unknown[] };
    const user = {
      id: '8C5DbAFNbTDN',
      email: 'owner@example.com',
      name: 'Example Owner',
      is_billing_admin: true,
      changed_by: { id: '8C5DbAFNbTDN', name: 'Example Owner' },
      changed: '2023-08-09T13:27:43.8208302',
      labels: [],
      last_login: '2023-08-09T13:27:43.8208302Z',
      is_apiuser: false,
      mfa_enabled: true,
    };
    page.results.push(user);
    expect(schemas().apiwebDates).toBe('zone-optional');
    expect(schemas().validate(sid('apiweb/user-list'), page).valid).toBe(true);
    const strict = schemas('zone-required');
    expect(strict).toBe(schemas('zone-required'));
    expect(strict.apiwebDates).toBe('zone-required');
    const result = strict.validate(sid('apiweb/user-list'), page);
    expect(result.errors).toEqual([
      expect.objectContaining({ keyword: 'format', instancePath: '/results/0/changed', params: { format: 'apiweb-date-time' } }),
    ]);
  });

  it('should register the zoned format under its own name in every registry', () => {
    const registry = new SchemaRegistry(SCHEMAS_DIR);
    const validate = registry.ajv.compile({ type: 'string', format: APIWEB_DATE_TIME_ZONED });
    expect(validate('2023-08-09T13:27:43.8208302Z')).toBe(true);
    expect(validate('2023-08-09T13:27:43.8208302')).toBe(false);
  });
});
