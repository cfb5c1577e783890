/**
 * filter_semantics for API & Web `GET /users/` (users-list docs): each relation is a query and the predicate its
 * results must satisfy, judged on every result, on the count (exact when the whole tenant was read, bounds
 * otherwise), on complementary pairs (true + false = all) and on label or/and (inclusion–exclusion).
 */
import type { ApiResponse, QueryValue } from '../../client/types.ts';
import type { CheckContext } from '../check-context.ts';
import type { Verdict } from '../check-types.ts';
import { apiwebSample } from '../discovery.ts';
import { buildRequest, describeRequest } from '../requests.ts';
import { apiwebPageInfo, apiwebResults, apiwebUserView, type ApiwebUserView } from '../tenant-data.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { FILTER_SEMANTICS, mostFrequent } from './filter-failure.ts';

interface Filtered {
  users: ApiwebUserView[];
  count: number | undefined;
  complete: boolean;
  first: ApiResponse;
  request: ReturnType<typeof buildRequest>;
}

async function apiwebFiltered(ctx: CheckContext, query: Record<string, QueryValue>, maxPages = 10): Promise<Filtered> {
  const request = buildRequest(ctx, 'GET /users/', { query: { ...query, page: 1, length: 100 } });
  const first = await ctx.send(request);
  const users = first.status === 200 ? apiwebResults(first.json).map(apiwebUserView) : [];
  const info = apiwebPageInfo(first.json);
  const total = info.pageTotal ?? 1;
  let complete = first.status === 200 && total <= 1;
  for (let p = 2; first.status === 200 && p <= Math.min(total, maxPages); p++) {
    const res = await ctx.send(buildRequest(ctx, 'GET /users/', { query: { ...query, page: p, length: 100 } }));
    if (res.status !== 200) break;
    users.push(...apiwebResults(res.json).map(apiwebUserView));
    if (p === total) complete = true;
  }
  return { users, count: info.count, complete, first, request };
}

interface Relation {
  label: string;
  query: Record<string, QueryValue>;
  /** Every result must satisfy this (precision). */
  holds: (u: ApiwebUserView) => boolean;
  /** Every user satisfying this must be a result (recall); defaults to `holds`. */
  required?: (u: ApiwebUserView) => boolean;
  /** Fields shown for a violating user. */
  show: (u: ApiwebUserView) => unknown;
}

const anyUser = (): boolean => true;
const noUser = (): boolean => false;

export async function apiwebFilters(ctx: CheckContext): Promise<Verdict[]> {
  const sample = await apiwebSample(ctx, 20);
  if (sample.first.status !== 200 || sample.users.length === 0) return [notApplicable('no API & Web users to filter')];
  const all = sample.users;
  const exact = sample.complete;
  const verdicts: Verdict[] = [];
  const roles = (u: ApiwebUserView): unknown => u.raw.user_roles;
  const relations: Relation[] = [];
  for (const value of [true, false]) {
    relations.push({ label: `active=${value}`, query: { active: value }, holds: (u) => u.active === value, show: (u) => ({ active: u.raw.active }) });
    relations.push({ label: `mfa_enabled=${value}`, query: { mfa_enabled: value }, holds: (u) => u.mfaEnabled === value, show: (u) => ({ mfa_enabled: u.mfaEnabled }) });
    // users-list docs names `account` and `no_access` but not what they mean: a conforming tenant may read them
    // differently from us, so only the partition (true + false = all) is asserted for them, below.
    relations.push({ label: `account=${value}`, query: { account: value }, holds: anyUser, required: noUser, show: (u) => ({ user_roles: roles(u) }) });
    relations.push({ label: `no_access=${value}`, query: { no_access: value }, holds: anyUser, required: noUser, show: (u) => ({ user_roles: roles(u) }) });
  }
  const labels = mostFrequent(all.flatMap((u) => u.labelIds));
  const a = labels[0];
  if (a) {
    const partner = mostFrequent(all.filter((u) => u.labelIds.includes(a)).flatMap((u) => u.labelIds.filter((l) => l !== a)))[0] ?? labels[1];
    relations.push({ label: `label=${a}`, query: { label: [a] }, holds: (u) => u.labelIds.includes(a), show: (u) => ({ labels: u.labelIds }) });
    if (partner) {
      const b = partner;
      const either = (u: ApiwebUserView): boolean => u.labelIds.includes(a) || u.labelIds.includes(b);
      const both = (u: ApiwebUserView): boolean => u.labelIds.includes(a) && u.labelIds.includes(b);
      relations.push({ label: `label=${b}`, query: { label: [b] }, holds: (u) => u.labelIds.includes(b), show: (u) => ({ labels: u.labelIds }) });
      relations.push({ label: `label=${a},${b} (default or)`, query: { label: [a, b] }, holds: either, show: (u) => ({ labels: u.labelIds }) });
      relations.push({ label: `label=${a},${b}&label_logical_operator=or`, query: { label: [a, b], label_logical_operator: 'or' }, holds: either, show: (u) => ({ labels: u.labelIds }) });
      relations.push({ label: `label=${a},${b}&label_logical_operator=and`, query: { label: [a, b], label_logical_operator: 'and' }, holds: both, show: (u) => ({ labels: u.labelIds }) });
    }
  }
  const role = mostFrequent(all.flatMap((u) => u.roleIds))[0];
  if (role) relations.push({ label: `role=${role}`, query: { role: [role] }, holds: (u) => u.roleIds.includes(role), show: (u) => ({ user_roles: roles(u) }) });
  const team = mostFrequent(all.flatMap((u) => u.teamIds))[0];
  if (team) {
    // A user with an account-tier role reaches every team: whether `team=` lists them is not documented, so
    // they may appear in either result, but a user with a role on the team must be found.
    const onTeam = (u: ApiwebUserView): boolean => u.teamIds.includes(team);
    const accountWide = (u: ApiwebUserView): boolean => u.tiers.includes('account');
    relations.push({ label: `team=${team}`, query: { team: [team] }, holds: (u) => onTeam(u) || accountWide(u), required: onTeam, show: (u) => ({ user_roles: roles(u) }) });
    relations.push({ label: `exclude_team=${team}`, query: { exclude_team: [team] }, holds: (u) => !onTeam(u), required: (u) => !onTeam(u) && !accountWide(u), show: (u) => ({ user_roles: roles(u) }) });
  }
  const target = mostFrequent(all.flatMap((u) => u.targetIds))[0];
  if (target) {
    // Likewise for targets: account-wide users may or may not be listed.
    const onTarget = (u: ApiwebUserView): boolean => u.targetIds.includes(target);
    const wide = (u: ApiwebUserView): boolean => u.tiers.includes('account');
    relations.push({ label: `target=${target}`, query: { target: [target] }, holds: (u) => onTarget(u) || wide(u), required: onTarget, show: (u) => ({ user_roles: roles(u) }) });
    relations.push({ label: `exclude_target=${target}`, query: { exclude_target: [target] }, holds: (u) => !onTarget(u), required: (u) => !onTarget(u) && !wide(u), show: (u) => ({ user_roles: roles(u) }) });
  }

  const counts = new Map<string, number | undefined>();
  for (const rel of relations) {
    const res = await apiwebFiltered(ctx, rel.query);
    const lines = (extra: [string, unknown][]): [string, unknown][] => [['Filter', rel.label], ...extra, ['Request', describeRequest(res.request)]];
    if (res.first.status !== 200) {
      verdicts.push(fail(FILTER_SEMANTICS, lines([['Received', res.first.status], ['Expected', 200]]), { response: res.first, operation: 'GET /users/' }));
      continue;
    }
    counts.set(rel.label, res.count);
    const violator = res.users.find((u) => !rel.holds(u));
    if (violator) {
      verdicts.push(
        fail(FILTER_SEMANTICS, lines([['Violating user', violator.id], ['Its values', rel.show(violator)], ['Results', res.count]]), {
          response: res.first,
          operation: 'GET /users/',
        }),
      );
      continue;
    }
    // Bounds: at least every user that must be found, at most every user that may be found.
    const required = all.filter(rel.required ?? rel.holds).length;
    const allowed = all.filter(rel.holds).length;
    const count = res.count ?? res.users.length;
    const upper = exact ? allowed : sample.count !== undefined ? sample.count - (all.length - allowed) : Infinity;
    if (count < required || count > upper) {
      verdicts.push(
        fail(FILTER_SEMANTICS, lines([['Results (count)', count], ['Users that must be found', exact ? required : `at least ${required}`], ['Users that may be found', exact ? allowed : `at most ${upper}`], ['Users in the tenant', sample.count]]), {
          response: res.first,
          operation: 'GET /users/',
        }),
      );
    }
  }
  // Complementary filters partition the collection.
  for (const field of ['active', 'mfa_enabled', 'account', 'no_access']) {
    const t = counts.get(`${field}=true`);
    const f = counts.get(`${field}=false`);
    if (t !== undefined && f !== undefined && sample.count !== undefined && t + f !== sample.count) {
      // account / no_access have no documented meaning (users-list docs): their partition is our reading.
      const assertion = field === 'account' || field === 'no_access' ? { assertion: 'account-no-access' } : {};
      verdicts.push(fail(FILTER_SEMANTICS, [['Filter', `${field}=true and ${field}=false`], ['Counts', `${t} + ${f} = ${t + f}`], ['Users in the tenant', sample.count]], { operation: 'GET /users/', ...assertion }));
    }
  }
  if (a) {
    const keys = [...counts.keys()];
    const or = keys.find((k) => k.endsWith('label_logical_operator=or'));
    const and = keys.find((k) => k.endsWith('label_logical_operator=and'));
    const def = keys.find((k) => k.endsWith('(default or)'));
    const singles = keys.filter((k) => /^label=[^,&]+$/.test(k));
    if (or && and && def && singles.length === 2) {
      const [ca, cb] = singles.map((k) => counts.get(k) ?? 0) as [number, number];
      const cOr = counts.get(or) ?? 0;
      const cAnd = counts.get(and) ?? 0;
      if (cOr !== ca + cb - cAnd) {
        verdicts.push(fail(FILTER_SEMANTICS, [['Relation', '|A or B| = |A| + |B| - |A and B|'], ['Counts', `${cOr} != ${ca} + ${cb} - ${cAnd}`]], { operation: 'GET /users/' }));
      }
      if (counts.get(def) !== cOr) {
        verdicts.push(fail(FILTER_SEMANTICS, [['Relation', 'label_logical_operator defaults to or'], ['Without operator', counts.get(def)], ['With or', cOr]], { operation: 'GET /users/' }));
      }
    }
  }
  return verdicts.length > 0 ? verdicts : [pass()];
}

