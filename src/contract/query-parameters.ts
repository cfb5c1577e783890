/**
 * The documented query parameters of each operation, with the schema the documentation gives them
 * (REST: spec extract components/parameters; API & Web: users-list docs; v1: provision docs), how positive values are
 * generated, and whether the documentation makes the rejection of an invalid value certain.
 *
 * Positive values never come from a bare schema where a server legitimately refuses schema-valid input:
 * opaque cursors are never invented, ids that must exist come from a pool of values read from the tenant
 * (Schemathesis's live resource pool), and filter strings prefer real data.
 */
import type { OperationName } from '../model/operations.ts';
import type { SchemaObject } from './generators/json-schema.ts';

export type PoolName =
  | 'memberEmails'
  | 'memberUserIds'
  | 'memberUsernames'
  | 'memberRoleNames'
  | 'auditUserIds'
  | 'auditEvents'
  | 'apiwebLabelIds'
  | 'apiwebRoleIds'
  | 'apiwebTeamIds'
  | 'apiwebTargetIds'
  | 'apiwebSearchTerms'
  | 'apiwebOrderings';

export interface QueryParameter {
  name: string;
  schema: SchemaObject;
  /** A narrower schema for positive values where the documented one has no upper bound a server keeps. */
  positiveSchema?: SchemaObject;
  /** Arrays repeat the key (`label=a&label=b`, OpenAPI form/explode). */
  array?: boolean;
  /**
   * `schema`: generated from the schema; `pool`: drawn from values read from the tenant (optionally mixed
   * with schema values); `omit`: never part of a positive case (opaque cursors, page numbers past the end).
   */
  positive: 'schema' | 'omit' | { pool: PoolName; orSchema?: boolean; maxItems?: number };
  /** The documentation makes a 4xx for a schema-invalid value certain (negative_data_rejection mutates it). */
  rejectInvalid: boolean;
  /**
   * `bounds`: only numeric values outside the documented bounds are certain to be refused; a non-numeric
   * text may legitimately fall back to the default (DRF's page size does).
   */
  rejectOnly?: 'bounds';
  /** Why (the documented source). */
  source: string;
}

const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const STRING: SchemaObject = { type: 'string' };
const BOOL: SchemaObject = { type: 'boolean' };
const SORT_ORDER: SchemaObject = { type: 'string', enum: ['ASC', 'DESC'] };

// spec components/parameters Limit: int32, default 10, minimum 10, maximum 100, multipleOf 10 (REST spec `Limit`).
const LIMIT: QueryParameter = {
  name: 'limit',
  schema: { type: 'integer', minimum: 10, maximum: 100, multipleOf: 10 },
  positive: 'schema',
  rejectInvalid: true,
  source: 'REST spec Limit (min 10, max 100, multipleOf 10)',
};

const CURSORS: QueryParameter[] = [
  { name: 'starting_after', schema: STRING, positive: 'omit', rejectInvalid: false, source: 'REST spec StartingAfter (opaque)' },
  { name: 'ending_before', schema: STRING, positive: 'omit', rejectInvalid: false, source: 'REST spec EndingBefore (opaque)' },
];

const MEMBERSHIP_FILTERS: QueryParameter[] = [
  { name: 'email', schema: STRING, positive: { pool: 'memberEmails' }, rejectInvalid: false, source: 'REST spec EmailFilter' },
  { name: 'user_id', schema: STRING, positive: { pool: 'memberUserIds' }, rejectInvalid: false, source: 'REST spec UserIdFilter' },
  { name: 'username', schema: STRING, positive: { pool: 'memberUsernames' }, rejectInvalid: false, source: 'REST spec UsernameFilter' },
  { name: 'role_name', schema: STRING, positive: { pool: 'memberRoleNames' }, rejectInvalid: false, source: 'REST spec RoleFilter' },
];

/** sort_by enums differ: group ends with role_name, org with role (REST spec). */
export const GROUP_SORT_BY = ['username', 'user_display_name', 'email', 'login_method', 'role_name'] as const;
export const ORG_SORT_BY = ['username', 'user_display_name', 'email', 'login_method', 'role'] as const;

const AUDIT: QueryParameter[] = [
  { name: 'cursor', schema: STRING, positive: 'omit', rejectInvalid: false, source: 'REST spec Cursor (opaque)' },
  {
    name: 'size',
    schema: { type: 'integer', minimum: 1, maximum: 100 },
    positive: 'schema',
    rejectInvalid: true,
    source: 'REST spec Size (1..100)',
  },
  { name: 'sort_order', schema: SORT_ORDER, positive: 'schema', rejectInvalid: true, source: 'REST spec SortOrder enum' },
  { name: 'user_id', schema: UUID, positive: { pool: 'auditUserIds', orSchema: true }, rejectInvalid: false, source: 'REST spec UserId (uuid)' },
  { name: 'project_id', schema: UUID, positive: 'schema', rejectInvalid: false, source: 'REST spec ProjectId (uuid)' },
  {
    name: 'events',
    schema: { type: 'array', items: STRING },
    array: true,
    positive: { pool: 'auditEvents', maxItems: 2 },
    rejectInvalid: false,
    source: 'REST spec Events',
  },
  // `from`/`to` are exercised by filter_semantics with windows it controls; random dates say nothing.
  { name: 'from', schema: { type: 'string', format: 'date-time' }, positive: 'omit', rejectInvalid: true, source: 'REST spec From (date-time)' },
  { name: 'to', schema: { type: 'string', format: 'date-time' }, positive: 'omit', rejectInvalid: true, source: 'REST spec To (date-time)' },
];

const APIWEB_ID_ARRAY = (name: string, pool: PoolName): QueryParameter => ({
  name,
  schema: { type: 'array', items: STRING },
  array: true,
  positive: { pool, maxItems: 2 },
  rejectInvalid: false,
  source: 'users-list docs (Base58 ids; unknown ids may be refused by the filter)',
});

const APIWEB: QueryParameter[] = [
  { name: 'account', schema: BOOL, positive: 'schema', rejectInvalid: false, source: 'users-list docs' },
  { name: 'active', schema: BOOL, positive: 'schema', rejectInvalid: false, source: 'users-list docs' },
  { name: 'mfa_enabled', schema: BOOL, positive: 'schema', rejectInvalid: false, source: 'users-list docs' },
  { name: 'no_access', schema: BOOL, positive: 'schema', rejectInvalid: false, source: 'users-list docs' },
  APIWEB_ID_ARRAY('label', 'apiwebLabelIds'),
  {
    name: 'label_logical_operator',
    schema: { type: 'string', enum: ['and', 'or'] },
    positive: 'schema',
    rejectInvalid: false,
    source: 'users-list docs (and|or, default or)',
  },
  APIWEB_ID_ARRAY('role', 'apiwebRoleIds'),
  APIWEB_ID_ARRAY('team', 'apiwebTeamIds'),
  APIWEB_ID_ARRAY('target', 'apiwebTargetIds'),
  APIWEB_ID_ARRAY('exclude_team', 'apiwebTeamIds'),
  APIWEB_ID_ARRAY('exclude_target', 'apiwebTargetIds'),
  { name: 'search', schema: STRING, positive: { pool: 'apiwebSearchTerms', orSchema: true }, rejectInvalid: false, source: 'users-list docs' },
  // The orderable fields are undocumented, so no positive case relies on one: ordering_conformance tries them.
  { name: 'ordering', schema: STRING, positive: 'omit', rejectInvalid: false, source: 'users-list docs (fields undocumented)' },
  {
    name: 'length',
    // "Number of results to return per page": at least 1 (DRF 400 field error below it); the maximum is
    // undocumented (servers clamp), so positive values stay within 1..100 as every documented client sends.
    schema: { type: 'integer', minimum: 1 },
    positiveSchema: { type: 'integer', minimum: 1, maximum: 100 },
    positive: 'schema',
    rejectInvalid: true,
    rejectOnly: 'bounds',
    source: 'users-list docs; DRF page-size validation',
  },
  {
    name: 'page',
    schema: { type: 'integer', minimum: 1 },
    // Page 1 always exists; later pages depend on the filter (pagination_arithmetic walks them).
    positive: 'omit',
    rejectInvalid: true,
    source: 'users-list docs: "The first page is 1"; DRF answers 404 for an invalid page',
  },
  // `exclude` drops fields from the response, so schema conformance cannot judge such a response: field_exclusion does.
  { name: 'exclude', schema: { type: 'array', items: STRING }, array: true, positive: 'omit', rejectInvalid: false, source: 'users-list docs' },
];

export function queryParameters(op: OperationName): QueryParameter[] {
  switch (op) {
    case 'GET /rest/orgs/{org_id}/memberships':
      return [
        LIMIT,
        ...CURSORS,
        { name: 'sort_by', schema: { type: 'string', enum: [...ORG_SORT_BY] }, positive: 'schema', rejectInvalid: true, source: 'REST spec sort_by (org enum)' },
        // org memberships: sort_order default ASC (REST spec)
        { name: 'sort_order', schema: SORT_ORDER, positive: 'schema', rejectInvalid: true, source: 'REST spec sort_order' },
        ...MEMBERSHIP_FILTERS,
      ];
    case 'GET /rest/groups/{group_id}/memberships':
      return [
        LIMIT,
        ...CURSORS,
        { name: 'sort_by', schema: { type: 'string', enum: [...GROUP_SORT_BY] }, positive: 'schema', rejectInvalid: true, source: 'REST spec SortBy (group enum)' },
        { name: 'sort_order', schema: SORT_ORDER, positive: 'schema', rejectInvalid: true, source: 'REST spec SortOrder' },
        ...MEMBERSHIP_FILTERS,
        { name: 'include_group_membership_count', schema: BOOL, positive: 'schema', rejectInvalid: false, source: 'REST spec' },
      ];
    case 'GET /rest/groups/{group_id}/audit_logs/search':
    case 'GET /rest/orgs/{org_id}/audit_logs/search':
      return AUDIT;
    case 'GET /users/':
      return APIWEB;
    case 'DELETE /v1/org/{orgId}/provision':
      // provision docs: "Query parameters: email (string) - The email of the user." (the v1 spec omits it)
      return [{ name: 'email', schema: { type: 'string', format: 'email' }, positive: 'omit', rejectInvalid: true, source: 'provision docs' }];
    default:
      return [];
  }
}

/** The wire form of a query value: what the client sends (arrays repeat the key). */
export function toWire(value: unknown): string | string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  return String(value);
}

/**
 * What an OpenAPI server makes of a wire value before validating it against the parameter schema
 * (integers and booleans are parsed from their text), so that "invalid" is judged as the server judges it
 * (Schemathesis #2312: `"false"` is a valid string).
 */
export function coerceWire(schema: SchemaObject, wire: string | string[]): unknown {
  const type = schema.type;
  if (type === 'array') {
    const items = (schema.items ?? {}) as SchemaObject;
    return (Array.isArray(wire) ? wire : [wire]).map((w) => coerceWire(items, w));
  }
  const text = Array.isArray(wire) ? (wire[0] ?? '') : wire;
  if (type === 'integer' || type === 'number') {
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  if (type === 'boolean') {
    if (text === 'true') return true;
    if (text === 'false') return false;
    return text;
  }
  return text;
}
