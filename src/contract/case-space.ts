/**
 * The cases of a read operation, Schemathesis style: deterministic examples first (the documented happy
 * path, boundary values, missing and invalid credentials, version errors, unknown parents), then generated
 * cases (positive from the parameter schemas and the live pool; negative by mutating one parameter whose
 * rejection the documentation makes certain). Every positive value is re-checked with ajv before it is sent,
 * every negative one re-checked as invalid.
 */
import fc from 'fast-check';
import type { QueryValue } from '../client/types.ts';
import { OPERATIONS, type OperationName } from '../model/operations.ts';
import type { CheckContext } from './check-context.ts';
import type { CaseMode, CheckCase } from './check-types.ts';
import { orgUserId, pools } from './discovery.ts';
import { boundaryValues } from './generators/boundary-values.ts';
import { isValid, validArbitrary } from './generators/validated.ts';
import { coerceWire, queryParameters, toWire, type PoolName, type QueryParameter } from './query-parameters.ts';
import { buildRequest, type RequestOptions } from './requests.ts';

export interface CaseSpace {
  operation: OperationName;
  /** Deterministic cases, run first. */
  examples: CheckCase[];
  /** Generated cases (positive and negative mixed). */
  arbitrary: fc.Arbitrary<CheckCase>;
}

/** A uuid that no tenant has (RFC 9562 nil-adjacent, recognisable in logs). */
export const UNKNOWN_UUID = '00000000-0000-4000-8000-00000000dead';

export function makeCase(
  ctx: CheckContext,
  operation: OperationName,
  mode: CaseMode,
  description: string,
  options: RequestOptions = {},
  invalidComponent?: string,
): CheckCase {
  const c: CheckCase = { operation, mode, description, request: buildRequest(ctx, operation, options) };
  if (invalidComponent) c.invalidComponent = invalidComponent;
  return c;
}

/** Whether a query value is valid for its parameter, judged on its wire form as a server judges it. */
export function queryValueValid(param: QueryParameter, value: unknown): boolean {
  return isValid(param.schema, coerceWire(param.schema, toWire(value)));
}

function poolArbitrary(param: QueryParameter, pool: string[] | undefined): fc.Arbitrary<unknown> | undefined {
  if (param.positive === 'omit') return undefined;
  const schema = param.positiveSchema ?? param.schema;
  if (param.positive === 'schema') return validArbitrary(schema);
  const values = pool ?? [];
  const fromSchema = param.positive.orSchema ? validArbitrary(schema) : undefined;
  if (values.length === 0) return fromSchema;
  const fromPool = param.array
    ? fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: param.positive.maxItems ?? 2 })
    : fc.constantFrom(...values);
  return fromSchema ? fc.oneof({ arbitrary: fromPool, weight: 3 }, { arbitrary: fromSchema, weight: 1 }) : fromPool;
}

/** Positive queries: any subset of the generatable parameters, every value valid on the wire. */
export function positiveQueryArbitrary(
  params: readonly QueryParameter[],
  poolValues: Partial<Record<PoolName, string[]>>,
): fc.Arbitrary<Record<string, QueryValue>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params) {
    const pool = typeof p.positive === 'object' ? poolValues[p.positive.pool] : undefined;
    const arb = poolArbitrary(p, pool);
    if (arb) model[p.name] = arb.filter((v) => queryValueValid(p, v));
  }
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Record<string, QueryValue>>;
}

/** Wire texts that break a parameter: its invalid boundaries plus type-breaking strings. */
export function invalidQueryValues(param: QueryParameter): { value: QueryValue; label: string }[] {
  const out: { value: QueryValue; label: string }[] = [];
  for (const b of boundaryValues(param.schema).invalid) {
    if (param.rejectOnly === 'bounds' && !Number.isInteger(b.value)) continue;
    out.push({ value: b.value as QueryValue, label: b.label });
  }
  // Not '': an empty value reads as "absent" to many servers (DRF, Go's url.Values.Get).
  for (const text of param.rejectOnly === 'bounds' ? [] : ['not-a-number', 'true-ish']) {
    out.push({ value: text, label: JSON.stringify(text) });
  }
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = JSON.stringify(toWire(c.value));
    if (seen.has(key)) return false;
    seen.add(key);
    // Re-checked on the wire form: only values a server must refuse survive (e.g. "10" stays valid for limit).
    return !queryValueValid(param, c.value);
  });
}

async function readSpace(ctx: CheckContext, opName: OperationName): Promise<CaseSpace> {
  const op = OPERATIONS[opName];
  const params = queryParameters(opName);
  const poolValues = await pools(ctx, opName);
  const extraParams: Record<string, string> = {};
  if (opName === 'GET /rest/orgs/{org_id}/users/{id}') {
    const id = await orgUserId(ctx);
    extraParams.id = id ?? UNKNOWN_UUID;
  }
  const mk = (mode: CaseMode, description: string, options: RequestOptions = {}, invalid?: string): CheckCase =>
    makeCase(ctx, opName, mode, description, { params: extraParams, ...options }, invalid);

  const examples: CheckCase[] = [mk('example', 'the documented request without optional parameters')];
  // Coverage phase: each boundary value of each generatable parameter.
  for (const p of params) {
    if (p.positive === 'omit') continue;
    for (const b of boundaryValues(p.positiveSchema ?? p.schema).valid) {
      if (!queryValueValid(p, b.value)) continue;
      examples.push(mk('boundary', `${p.name}: ${b.label}`, { query: { [p.name]: b.value as QueryValue } }));
    }
  }
  const rejectable = params.filter((p) => p.rejectInvalid);
  for (const p of rejectable) {
    for (const inv of invalidQueryValues(p)) {
      examples.push(mk('negative', `${p.name}: ${inv.label}`, { query: { [p.name]: inv.value } }, `query.${p.name}`));
    }
  }
  examples.push(mk('auth', 'no Authorization header', { auth: 'none' }));
  examples.push(mk('auth', 'a well-formed but wrong token', { auth: 'invalid' }));
  if (op.api === 'rest') {
    examples.push(mk('version', 'the required version parameter is missing', { version: null }, 'query.version'));
    examples.push(mk('version', 'a malformed version', { version: 'not-a-version' }, 'query.version'));
    // about-the-rest-api.md: "Unknown query parameter 'unknown'" is a 400 (fixture error.400.unknown-query-param).
    examples.push(mk('negative', 'an undocumented query parameter', { query: { snyk_tenant_check_unknown: 'x' } }, 'query.snyk_tenant_check_unknown'));
  }
  if (op.pagination === 'rest-audit-cursor') {
    // spec Events/ExcludeEvents: "cannot be used in conjunction".
    examples.push(
      mk('negative', 'events together with exclude_events', { query: { events: ['org.user.add'], exclude_events: ['org.user.remove'] } }, 'query.exclude_events'),
    );
  }
  if (opName === 'GET /users/') {
    // The orderable fields are undocumented: any answer but a 5xx is the tenant's choice.
    examples.push(mk('probe', 'ordering by a field that does not exist', { query: { ordering: 'snyk_tenant_check_unknown' } }));
  }
  // An unknown parent resource is refused (404/403) by every documented API.
  if (op.path.includes('{org_id}') || op.path.includes('{orgId}')) {
    examples.push(mk('negative', 'an org that does not exist', { params: { ...extraParams, orgId: UNKNOWN_UUID, org_id: UNKNOWN_UUID } }, 'path.org_id'));
  }
  if (op.path.includes('{group_id}')) {
    examples.push(mk('negative', 'a group that does not exist', { params: { ...extraParams, group_id: UNKNOWN_UUID } }, 'path.group_id'));
  }
  if (opName === 'GET /rest/orgs/{org_id}/users/{id}') {
    examples.push(mk('negative', 'a user that does not exist', { params: { ...extraParams, id: UNKNOWN_UUID } }, 'path.id'));
  }

  const positive = positiveQueryArbitrary(params, poolValues).map((query) =>
    mk('positive', 'generated valid parameters', { query }),
  );
  let arbitrary: fc.Arbitrary<CheckCase> = positive;
  if (rejectable.length > 0) {
    const negative = fc
      .constantFrom(...rejectable)
      .chain((p) => {
        const values = invalidQueryValues(p);
        return values.length > 0
          ? fc.constantFrom(...values).map((v) => ({ p, v }))
          : fc.constant(undefined);
      })
      .filter((x): x is NonNullable<typeof x> => x !== undefined)
      .map(({ p, v }) => mk('negative', `${p.name}: ${v.label}`, { query: { [p.name]: v.value } }, `query.${p.name}`));
    arbitrary = fc.oneof({ arbitrary: positive, weight: 3 }, { arbitrary: negative, weight: 1 });
  }
  return { operation: opName, examples, arbitrary };
}

/** The case space of a read operation (memoised per context). */
export function caseSpace(ctx: CheckContext, op: OperationName): Promise<CaseSpace> {
  return ctx.memo(`case-space:${op}`, () => readSpace(ctx, op));
}
