/**
 * How the mock's REST operations appear in its served OpenAPI document: operation ids, resources, tags and
 * parameters as the Snyk REST OpenAPI spec declares them (`paths.*` and `components.parameters`:
 * StartingAfter, EndingBefore, Limit, SortBy, SortOrder, EmailFilter, UserIdFilter, UsernameFilter, RoleFilter,
 * IncludeGroupMembershipCount, Cursor, From, To, Size, UserId, ProjectId, Events, ExcludeEvents, Version).
 * The routes' parameter lists (router.ts) and these declarations name the same parameters.
 */
import type { RestOperationName } from './releases.ts';

type Json = Record<string, unknown>;

export interface OpenapiParameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  description?: string;
  schema: Json;
  style?: 'form';
  explode?: boolean;
}

export interface OpenapiOperation {
  operationId: string;
  summary: string;
  resource: string;
  tags: readonly string[];
  parameters: readonly OpenapiParameter[];
}

const uuidPath = (name: string): OpenapiParameter => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
});

const str = (name: string, description: string): OpenapiParameter => ({ name, in: 'query', description, schema: { type: 'string' } });

const MEMBERSHIP_PAGING: readonly OpenapiParameter[] = [
  str('starting_after', 'Return the page of results immediately after this cursor'),
  str('ending_before', 'Return the page of results immediately before this cursor'),
  {
    name: 'limit',
    in: 'query',
    description: 'Number of results to return per page',
    schema: { type: 'integer', format: 'int32', default: 10, minimum: 10, maximum: 100, multipleOf: 10 },
  },
];

const MEMBERSHIP_FILTERS: readonly OpenapiParameter[] = [
  str('email', 'Filter the response by email'),
  str('user_id', 'Filter the response by user_id'),
  str('username', 'Filter the response by username'),
  str('role_name', 'Filter the response by role name'),
];

const AUDIT_PARAMETERS: readonly OpenapiParameter[] = [
  str('cursor', 'Cursor of the page to return'),
  { name: 'from', in: 'query', description: 'The start date (inclusive) of the audit logs search', schema: { type: 'string', format: 'date-time' } },
  { name: 'to', in: 'query', description: 'The end date (exclusive) of the audit logs search', schema: { type: 'string', format: 'date-time' } },
  {
    name: 'size',
    in: 'query',
    description: 'The number of results to return per page',
    schema: { type: 'integer', format: 'int32', default: 100, minimum: 1, maximum: 100, multipleOf: 1 },
  },
  { name: 'sort_order', in: 'query', description: 'The order of the results', schema: { type: 'string', enum: ['ASC', 'DESC'], default: 'DESC' } },
  { name: 'user_id', in: 'query', description: 'Filter logs by user ID', schema: { type: 'string', format: 'uuid' } },
  { name: 'project_id', in: 'query', description: 'Filter logs by project ID', schema: { type: 'string', format: 'uuid' } },
  {
    name: 'events',
    in: 'query',
    description: 'Filter logs by event types',
    style: 'form',
    explode: true,
    schema: { type: 'array', items: { type: 'string' } },
  },
  {
    name: 'exclude_events',
    in: 'query',
    description: 'Exclude event types from the results',
    style: 'form',
    explode: true,
    schema: { type: 'array', items: { type: 'string' } },
  },
];

export const OPENAPI_OPERATIONS: Readonly<Record<RestOperationName, OpenapiOperation>> = {
  'GET /rest/self': { operationId: 'getSelf', summary: 'My User Details', resource: 'self', tags: ['Users'], parameters: [] },
  'GET /rest/orgs/{org_id}/users/{id}': {
    operationId: 'getUser',
    summary: 'Get user by ID (Early Access)',
    resource: 'users',
    tags: ['Users'],
    parameters: [uuidPath('org_id'), uuidPath('id')],
  },
  'PATCH /rest/groups/{group_id}/users/{id}': {
    operationId: 'updateUser',
    summary: "Update a user's role in a group (Early Access)",
    resource: 'users',
    tags: ['Users'],
    parameters: [uuidPath('group_id'), uuidPath('id')],
  },
  'GET /rest/orgs/{org_id}/memberships': {
    operationId: 'listOrgMemberships',
    summary: 'Get all memberships of the org',
    resource: 'orgs',
    tags: ['Orgs'],
    parameters: [
      uuidPath('org_id'),
      ...MEMBERSHIP_PAGING,
      { name: 'sort_by', in: 'query', description: 'Which column to sort by', schema: { type: 'string', enum: ['username', 'user_display_name', 'email', 'login_method', 'role'] } },
      { name: 'sort_order', in: 'query', description: 'Order in which results are returned', schema: { type: 'string', enum: ['ASC', 'DESC'], default: 'ASC' } },
      ...MEMBERSHIP_FILTERS,
    ],
  },
  'GET /rest/groups/{group_id}/memberships': {
    operationId: 'listGroupMemberships',
    summary: 'Get all memberships of the group',
    resource: 'groups',
    tags: ['Groups'],
    parameters: [
      uuidPath('group_id'),
      ...MEMBERSHIP_PAGING,
      { name: 'sort_by', in: 'query', description: 'Which column to sort by', schema: { type: 'string', enum: ['username', 'user_display_name', 'email', 'login_method', 'role_name'] } },
      { name: 'sort_order', in: 'query', description: 'Order in which results are returned', schema: { type: 'string', enum: ['ASC', 'DESC'], default: 'DESC' } },
      ...MEMBERSHIP_FILTERS,
      { name: 'include_group_membership_count', in: 'query', description: 'Include the total count of group memberships', schema: { type: 'boolean' } },
    ],
  },
  'GET /rest/groups/{group_id}/audit_logs/search': {
    operationId: 'listGroupAuditLogs',
    summary: 'Search Group audit logs.',
    resource: 'audit-logs',
    tags: ['Audit Logs'],
    parameters: [uuidPath('group_id'), ...AUDIT_PARAMETERS],
  },
  'GET /rest/orgs/{org_id}/audit_logs/search': {
    operationId: 'listOrgAuditLogs',
    summary: 'Search Organization audit logs.',
    resource: 'audit-logs',
    tags: ['Audit Logs'],
    parameters: [uuidPath('org_id'), ...AUDIT_PARAMETERS],
  },
};
