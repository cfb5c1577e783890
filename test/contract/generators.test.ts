import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidQueryValues, positiveQueryArbitrary, queryValueValid } from '../../src/contract/case-space.ts';
import { boundaryValues } from '../../src/contract/generators/boundary-values.ts';
import { invalidArbitrary, mutationsFor } from '../../src/contract/generators/negative-mutations.ts';
import { arbitraryFromSchema } from '../../src/contract/generators/schema-arbitrary.ts';
import { isValid, validArbitrary } from '../../src/contract/generators/validated.ts';
import { queryParameters } from '../../src/contract/query-parameters.ts';
import { provisionBodyArbitrary } from '../../src/contract/write-sample.ts';
import { OPERATIONS, schemaId } from '../../src/model/operations.ts';

// Seeded as everything else here; the seed is printed by fast-check on failure.
const SEED = 424242;
const RUNS = 60;

const SYNTHETIC = {
  nested: {
    type: 'object',
    required: ['id', 'tags', 'owner'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, minItems: 1, maxItems: 3, uniqueItems: true },
      owner: { $ref: '#/$defs/Person' },
      score: { type: 'integer', minimum: 10, maximum: 100, multipleOf: 10 },
      note: { type: 'string', nullable: true, maxLength: 5 },
    },
    $defs: {
      Person: {
        type: 'object',
        required: ['email'],
        properties: { email: { type: 'string', format: 'email' }, code: { type: 'string', pattern: '^[A-Z]{3}-\\d{2}$' } },
      },
    },
  },
  allOf: {
    allOf: [
      { type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 0 } } },
      { required: ['b'], properties: { b: { type: 'string', minLength: 2 }, a: { maximum: 5 } } },
    ],
  },
  oneOf: { oneOf: [{ type: 'string', format: 'date-time' }, { type: 'integer', minimum: 1, maximum: 3 }] },
  recursive: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#' }, maxItems: 2 } },
  },
} as const;

describe('schema → fast-check compiler', () => {
  for (const [name, schema] of Object.entries(SYNTHETIC)) {
    it(`should generate only valid values for the ${name} schema`, () => {
      fc.assert(fc.property(validArbitrary(schema as never), (v) => isValid(schema as never, v)), { seed: SEED, numRuns: RUNS });
    });
  }

  it('should mostly hit valid values before the ajv filter (the compiler is not a rejection sampler)', () => {
    const values = fc.sample(arbitraryFromSchema(SYNTHETIC.nested as never), { seed: SEED, numRuns: 200 });
    const valid = values.filter((v) => isValid(SYNTHETIC.nested as never, v)).length;
    expect(valid / values.length).toBeGreaterThan(0.9);
  });

  for (const op of Object.values(OPERATIONS).filter((o) => o.requestSchema)) {
    it(`should generate valid request bodies for ${op.name}`, () => {
      fc.assert(fc.property(validArbitrary(op.requestSchema!), (v) => isValid(op.requestSchema!, v)), { seed: SEED, numRuns: RUNS });
    });
  }

  it('should generate provision bodies that are valid and never name an invented role id', () => {
    fc.assert(
      fc.property(provisionBodyArbitrary(), (body) => {
        expect(isValid(schemaId('v1/provision-request'), body)).toBe(true);
        expect(body.rolePublicId === undefined || body.rolePublicId === '').toBe(true);
        expect(['ADMIN', 'COLLABORATOR', 'RESTRICTED_COLLABORATOR']).toContain(body.role);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('negative mutations', () => {
  it('should produce only values the schema rejects', () => {
    for (const schema of [schemaId('v1/provision-request'), schemaId('rest/group-user-patch-request'), SYNTHETIC.nested as never]) {
      fc.assert(fc.property(invalidArbitrary(schema), (inv) => !isValid(schema, inv.value)), { seed: SEED, numRuns: RUNS });
    }
  });

  it('should include dropping each required property and leaving each enum', () => {
    const kinds = mutationsFor(schemaId('v1/provision-request')).map((m) => `${m.kind} ${m.component}`);
    expect(kinds).toContain('required /email');
    expect(kinds).toContain('enum /role');
    expect(kinds).toContain('format /email');
  });

  it('should shrink a counterexample to the minimal one', () => {
    // A property that fails from limit 50 on must shrink to exactly 50 (the smallest failing multiple of 10).
    const limit = validArbitrary({ type: 'integer', minimum: 10, maximum: 100, multipleOf: 10 });
    const result = fc.check(fc.property(limit, (n) => (n as number) < 50), { seed: SEED, numRuns: 200 });
    expect(result.failed).toBe(true);
    expect(result.counterexample).toEqual([50]);
    expect(result.counterexamplePath).toBeTruthy();
  });
});

describe('boundary values', () => {
  it('should split REST limit boundaries into valid and invalid (10..100 in tens)', () => {
    const b = boundaryValues({ type: 'integer', minimum: 10, maximum: 100, multipleOf: 10 });
    expect(b.valid.map((v) => v.value).sort()).toEqual([10, 100]);
    expect(b.invalid.map((v) => v.value)).toEqual(expect.arrayContaining([0, 9, 101, 110, 25, 1.5]));
  });

  it('should list enum values as valid and one outside as invalid', () => {
    const b = boundaryValues({ type: 'string', enum: ['ASC', 'DESC'] });
    expect(b.valid.map((v) => v.value)).toEqual(['ASC', 'DESC']);
    expect(b.invalid.map((v) => v.value)).toEqual(['__not_in_enum__']);
  });
});

describe('query parameters', () => {
  it('should judge wire values as a server does ("10" is a valid limit, "ten" is not)', () => {
    const limit = queryParameters('GET /rest/orgs/{org_id}/memberships').find((p) => p.name === 'limit')!;
    expect(queryValueValid(limit, '10')).toBe(true);
    expect(queryValueValid(limit, 'ten')).toBe(false);
    expect(invalidQueryValues(limit).every((v) => !queryValueValid(limit, v.value))).toBe(true);
  });

  it('should generate positive queries whose every value is valid on the wire', () => {
    for (const op of ['GET /rest/orgs/{org_id}/memberships', 'GET /rest/groups/{group_id}/audit_logs/search', 'GET /users/'] as const) {
      const params = queryParameters(op);
      const arb = positiveQueryArbitrary(params, { apiwebLabelIds: ['abcdefghijkm'], memberEmails: ['a@example.com'], auditEvents: ['org.user.add'] });
      fc.assert(
        fc.property(arb, (query) =>
          Object.entries(query).every(([k, v]) => {
            const p = params.find((x) => x.name === k)!;
            return p.positive !== 'omit' && queryValueValid(p, v);
          }),
        ),
        { seed: SEED, numRuns: RUNS },
      );
    }
  });

  it('should never put opaque cursors or page numbers into positive cases', () => {
    const params = [...queryParameters('GET /rest/orgs/{org_id}/memberships'), ...queryParameters('GET /users/')];
    const arb = positiveQueryArbitrary(params, {});
    const keys = new Set(fc.sample(arb, { seed: SEED, numRuns: 200 }).flatMap((q) => Object.keys(q)));
    for (const k of ['starting_after', 'ending_before', 'page', 'exclude']) expect(keys.has(k)).toBe(false);
  });
});
