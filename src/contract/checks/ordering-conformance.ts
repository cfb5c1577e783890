/**
 * ordering_conformance: documented orders hold.
 * - API & Web `ordering=field` ascending and `ordering=-field` descending (users-list docs: "Which field to use when
 *   ordering the results"; DRF). The orderable fields are undocumented, so candidates are tried and at least
 *   one must have an effect; every field that has one must order both ways.
 * - REST memberships `sort_by` with `sort_order` ASC/DESC, and the documented default direction when only
 *   `sort_by` is given: ASC for org memberships, DESC for group memberships (REST spec).
 * - REST audit-log search: `created` descending by default and with `sort_order=DESC`, ascending with ASC.
 * Orders are judged leniently (src/contract/sort-order.ts): any reasonable collation, nulls ignored.
 */
import type { ApiResponse, QueryValue } from '../../client/types.ts';
import { LIST_OPERATIONS, type OperationName } from '../../model/operations.ts';
import type { CheckContext } from '../check-context.ts';
import type { ScenarioCheck, Verdict } from '../check-types.ts';
import { APIWEB_ORDERING_CANDIDATES, auditWindow, type AuditOperation, type MembershipOperation } from '../discovery.ts';
import { buildRequest, describeRequest } from '../requests.ts';
import { allEqual, judgeOrder, type Direction } from '../sort-order.ts';
import { apiwebResults, auditItems, listData, membershipView, type MembershipView } from '../tenant-data.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { orderingConformanceAssertions } from '../assertions/ordering-conformance.ts';

// Every list operation: the catalogue's paged operations (memberships, audit-log search, GET /users/).
const OPS = LIST_OPERATIONS;

export const orderingConformance: ScenarioCheck = {
  id: 'ordering_conformance',
  kind: 'scenario',
  title: 'Results are not in the documented order',
  family: 'ordering',
  severity: 'medium',
  description: 'ordering=field / -field (API & Web), every documented sort_by (login_method included) + sort_order and their documented defaults (memberships), created order by sort_order (audit logs).',
  assertions: orderingConformanceAssertions,
  operations: OPS,
  async run(ctx, op) {
    const name = op.name as OperationName;
    if (name === 'GET /users/') return { verdicts: await apiwebOrdering(ctx) };
    if (op.pagination === 'rest-cursor') return { verdicts: await membershipOrdering(ctx, name as MembershipOperation) };
    return { verdicts: await auditOrdering(ctx, name as AuditOperation) };
  },
};

function orderFailure(op: OperationName, label: string, direction: Direction, pair: unknown, response: ApiResponse, request: ReturnType<typeof buildRequest>): Verdict {
  return fail(
    orderingConformance,
    [
      ['Order', label],
      ['Expected', direction === 'asc' ? 'ascending' : 'descending'],
      ['Out of order', pair],
      ['Request', describeRequest(request)],
    ],
    { response, operation: op },
  );
}

async function apiwebOrdering(ctx: CheckContext): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const warnings: string[] = [];
  let effective = 0;
  const baseReq = buildRequest(ctx, 'GET /users/', { query: { page: 1, length: 100 } });
  const base = await ctx.send(baseReq);
  if (base.status !== 200) return [notApplicable(`GET /users/ answered ${base.status}`)];
  const baseIds = apiwebResults(base.json).map((u) => (u as { id?: unknown }).id);
  if (baseIds.length < 3) return [notApplicable('too few users to judge an order')];
  for (const field of APIWEB_ORDERING_CANDIDATES) {
    const results: Record<Direction, { values: unknown[]; ids: unknown[]; response: ApiResponse; request: ReturnType<typeof buildRequest> } | undefined> = {
      asc: undefined,
      desc: undefined,
    };
    for (const direction of ['asc', 'desc'] as const) {
      const request = buildRequest(ctx, 'GET /users/', { query: { ordering: direction === 'asc' ? field : `-${field}`, page: 1, length: 100 } });
      const response = await ctx.send(request);
      if (response.status >= 500) {
        verdicts.push(fail(orderingConformance, [['Order', `ordering=${direction === 'asc' ? field : `-${field}`}`], ['Received', response.status], ['Expected', '200, or a 4xx if the field is not orderable'], ['Request', describeRequest(request)]], { response, operation: 'GET /users/' }));
        continue;
      }
      if (response.status !== 200) continue;
      const users = apiwebResults(response.json) as Record<string, unknown>[];
      results[direction] = { values: users.map((u) => u[field]), ids: users.map((u) => u.id), response, request };
    }
    const asc = results.asc;
    const desc = results.desc;
    if (!asc || !desc) {
      warnings.push(`ordering=${field} is not supported by this tenant`);
      continue;
    }
    const ascOk = judgeOrder(asc.values, 'asc');
    const descOk = judgeOrder(desc.values, 'desc');
    const values = asc.values.filter((v) => v !== null && v !== undefined);
    if (allEqual(values)) continue;
    // Neither direction ordered and both equal to the unordered default: the field is not orderable here.
    if (!ascOk.sorted && !descOk.sorted && JSON.stringify(asc.ids) === JSON.stringify(baseIds) && JSON.stringify(desc.ids) === JSON.stringify(baseIds)) {
      warnings.push(`ordering=${field} has no effect`);
      continue;
    }
    effective++;
    if (!ascOk.sorted) verdicts.push(orderFailure('GET /users/', `ordering=${field}`, 'asc', ascOk.pair, asc.response, asc.request));
    else if (!descOk.sorted) verdicts.push(orderFailure('GET /users/', `ordering=-${field}`, 'desc', descOk.pair, desc.response, desc.request));
  }
  if (effective === 0 && verdicts.length === 0) {
    verdicts.push(
      fail(orderingConformance, [['Problem', 'the documented ordering parameter orders by none of the user fields'], ['Fields tried', [...APIWEB_ORDERING_CANDIDATES]]], {
        operation: 'GET /users/',
        assertion: 'apiweb-orderable-fields',
      }),
    );
  }
  return verdicts.length > 0 ? verdicts : [pass(warnings)];
}

const MEMBERSHIP_SORT_KEYS: Record<string, (m: MembershipView) => unknown> = {
  email: (m) => m.email,
  username: (m) => m.username,
  user_display_name: (m) => m.name,
  // REST spec, sort_by of both membership lists: enum [username, user_display_name, email, login_method,
  // role|role_name]; the user's `login_method` attribute is optional, so members without it are not judged.
  login_method: (m) => m.loginMethod,
};

async function membershipOrdering(ctx: CheckContext, op: MembershipOperation): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  // spec: sort_order default ASC on org memberships, DESC on group memberships.
  const defaultDirection: Direction = op === 'GET /rest/orgs/{org_id}/memberships' ? 'asc' : 'desc';
  const roleKey = op === 'GET /rest/orgs/{org_id}/memberships' ? 'role' : 'role_name';
  const keys: [string, (m: MembershipView) => unknown][] = [...Object.entries(MEMBERSHIP_SORT_KEYS), [roleKey, (m) => m.roleName]];
  const read = async (query: Record<string, QueryValue>): Promise<{ items: MembershipView[]; response: ApiResponse; request: ReturnType<typeof buildRequest> }> => {
    const request = buildRequest(ctx, op, { query: { limit: 100, ...query } });
    const response = await ctx.send(request);
    return { items: response.status === 200 ? listData(response.json).map(membershipView) : [], response, request };
  };
  for (const [sortBy, key] of keys) {
    for (const [order, direction] of [['ASC', 'asc'], ['DESC', 'desc'], [undefined, defaultDirection]] as const) {
      const query: Record<string, QueryValue> = { sort_by: sortBy };
      if (order) query.sort_order = order;
      const { items, response, request } = await read(query);
      if (response.status !== 200) {
        verdicts.push(fail(orderingConformance, [['Order', `sort_by=${sortBy}${order ? `&sort_order=${order}` : ''}`], ['Received', response.status], ['Expected', 200], ['Request', describeRequest(request)]], { response, operation: op }));
        continue;
      }
      const judged = judgeOrder(items.map(key), direction, 'text');
      if (!judged.sorted) {
        const label = `sort_by=${sortBy}${order ? `&sort_order=${order}` : ` (default sort_order ${defaultDirection === 'asc' ? 'ASC' : 'DESC'})`}`;
        verdicts.push(orderFailure(op, label, direction, judged.pair, response, request));
      }
    }
  }
  return verdicts.length > 0 ? verdicts : [pass()];
}

async function auditOrdering(ctx: CheckContext, op: AuditOperation): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const window = auditWindow(ctx);
  // spec SortOrder: default DESC.
  for (const [order, direction] of [[undefined, 'desc'], ['DESC', 'desc'], ['ASC', 'asc']] as const) {
    const request = buildRequest(ctx, op, { query: { ...window, size: 100, ...(order ? { sort_order: order } : {}) } });
    const response = await ctx.send(request);
    if (response.status !== 200) {
      verdicts.push(fail(orderingConformance, [['Order', order ?? '(default)'], ['Received', response.status], ['Expected', 200], ['Request', describeRequest(request)]], { response, operation: op }));
      continue;
    }
    const created = auditItems(response.json).map((i) => i.created);
    const judged = judgeOrder(created, direction, 'date');
    if (!judged.sorted) verdicts.push(orderFailure(op, `sort_order=${order ?? '(default DESC)'}`, direction, judged.pair, response, request));
  }
  return verdicts.length > 0 ? verdicts : [pass()];
}
