/**
 * filter_semantics for REST audit-log search (spec §6.8): `user_id`, `events`, `exclude_events`, a `from`
 * (inclusive) / `to` (exclusive) window that keeps exactly its items, `api.access` hidden unless asked for,
 * and the documented 90-day retention.
 *
 * The spec's item schema (AuditLogSearch.items) has no `user_id`: the `user_id` filter is judged by a
 * relation between searches for members' ids, never by a field of the items (userFilterVerdicts). The
 * `project_id` filter is judged by the items' documented `project_id` (projectRelation).
 */
import type { ApiResponse, QueryValue } from '../../client/types.ts';
import type { CheckContext } from '../check-context.ts';
import type { Verdict } from '../check-types.ts';
import { auditSample, auditUserIds, auditWindow, type AuditOperation } from '../discovery.ts';
import { buildRequest, describeRequest } from '../requests.ts';
import { auditItems, linkHref, links } from '../tenant-data.ts';
import { canonical } from '../checks/cursor-pagination.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { FILTER_SEMANTICS, mostFrequent } from './filter-failure.ts';

async function auditFiltered(ctx: CheckContext, op: AuditOperation, query: Record<string, QueryValue>): Promise<{ items: Record<string, unknown>[]; first: ApiResponse; request: ReturnType<typeof buildRequest>; complete: boolean }> {
  const request = buildRequest(ctx, op, { query: { size: 100, ...query } });
  const first = await ctx.send(request);
  const items = first.status === 200 ? auditItems(first.json) : [];
  let current = first;
  let pages = 1;
  const seen = new Set<string>();
  while (current.status === 200 && pages < 5) {
    const next = linkHref(links(current.json).next);
    if (!next || seen.has(next)) break;
    seen.add(next);
    current = await ctx.send(buildRequest(ctx, op, { path: next, version: null }));
    pages++;
    if (current.status === 200) items.push(...auditItems(current.json));
  }
  const complete = current.status === 200 && !linkHref(links(current.json).next);
  return { items, first, request, complete };
}

export async function auditFilters(ctx: CheckContext, op: AuditOperation): Promise<Verdict[]> {
  const { items: sample, response } = await auditSample(ctx, op);
  if (response.status !== 200 || sample.length === 0) return [notApplicable('no audit-log events in the window to filter')];
  const window = auditWindow(ctx);
  const verdicts: Verdict[] = [];
  const warnings: string[] = [];
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

  // The oldest items too: the newest page may all come from one busy principal (this run's own writes).
  const oldest = await ctx.send(buildRequest(ctx, op, { query: { size: 100, sort_order: 'ASC', ...window } }));
  const pool = [...sample, ...(oldest.status === 200 ? auditItems(oldest.json) : [])];
  // The rarest values: an ignored filter then shows many items that do not match.
  const event = mostFrequent(pool.map((i) => str(i.event) ?? '').filter((e) => e !== '')).at(-1);
  const relations: { label: string; query: Record<string, QueryValue>; holds: (i: Record<string, unknown>) => boolean; nonEmpty: boolean }[] = [];
  if (event) {
    relations.push({ label: `events=${event}`, query: { ...window, events: [event] }, holds: (i) => i.event === event, nonEmpty: true });
    relations.push({ label: `exclude_events=${event}`, query: { ...window, exclude_events: [event] }, holds: (i) => i.event !== event, nonEmpty: false });
  }
  relations.push(...projectRelation(pool, window));
  const times = sample.map((i) => Date.parse(str(i.created) ?? '')).filter((t) => !Number.isNaN(t)).sort((x, y) => x - y);
  let windowExpected: Map<string, number> | undefined;
  if (times.length >= 4) {
    const from = new Date(times[Math.floor(times.length / 4)]!).toISOString();
    const to = new Date(times[Math.floor((times.length * 3) / 4)]!).toISOString();
    if (from < to) {
      const f = Date.parse(from);
      const t = Date.parse(to);
      // The sample is the newest items of the window without a gap, so it holds every item of this sub-window.
      windowExpected = new Map();
      for (const i of sample) {
        const c = Date.parse(str(i.created) ?? '');
        if (c >= f && c < t) windowExpected.set(canonical(i), (windowExpected.get(canonical(i)) ?? 0) + 1);
      }
      relations.push({
        label: `from=${from}&to=${to}`,
        query: { from, to },
        holds: (i) => {
          const c = Date.parse(str(i.created) ?? '');
          return !Number.isNaN(c) && c >= f && c < t;
        },
        nonEmpty: true,
      });
    }
  }
  for (const rel of relations) {
    const res = await auditFiltered(ctx, op, rel.query);
    const lines = (extra: [string, unknown][]): [string, unknown][] => [['Filter', rel.label], ...extra, ['Request', describeRequest(res.request)]];
    if (res.first.status !== 200) {
      verdicts.push(fail(FILTER_SEMANTICS, lines([['Received', res.first.status], ['Expected', 200]]), { response: res.first, operation: op }));
      continue;
    }
    const violator = res.items.find((i) => !rel.holds(i));
    if (violator) {
      verdicts.push(fail(FILTER_SEMANTICS, lines([['Violating item', violator]]), { response: res.first, operation: op }));
      continue;
    }
    if (rel.nonEmpty && res.items.length === 0) {
      verdicts.push(fail(FILTER_SEMANTICS, lines([['Results', 0], ['Expected', 'at least the matching events seen without the filter']]), { response: res.first, operation: op }));
      continue;
    }
    if (rel.label.startsWith('from=') && windowExpected && res.complete) {
      const got = new Map<string, number>();
      for (const i of res.items) got.set(canonical(i), (got.get(canonical(i)) ?? 0) + 1);
      const missing = [...windowExpected].filter(([k, n]) => (got.get(k) ?? 0) < n).map(([k]) => k);
      if (missing.length > 0) {
        verdicts.push(fail(FILTER_SEMANTICS, lines([['Problem', 'items inside the window are missing (from is inclusive, to exclusive)'], ['Missing', missing.slice(0, 3)]]), { response: res.first, operation: op }));
      }
    }
  }

  verdicts.push(...(await userFilterVerdicts(ctx, op, window, warnings)));

  // spec: "api.access events are omitted unless requested via events".
  const hidden = sample.find((i) => i.event === 'api.access');
  if (hidden) verdicts.push(fail(FILTER_SEMANTICS, [['Filter', '(none)'], ['Problem', 'api.access events are listed without being asked for'], ['Item', hidden]], { response, operation: op }));

  // docs: "you can retrieve audit logs for the past 90 days": that older events are gone is our reading
  // (assumed, a warning unless --strict); one day of slack for clocks.
  const old = new Date(Date.parse(window.to) - 120 * 86_400_000).toISOString();
  const retention = await auditFiltered(ctx, op, { from: old, to: window.to, sort_order: 'ASC' });
  const limit = Date.parse(window.to) - 91 * 86_400_000;
  const ancient = retention.items.find((i) => Date.parse(str(i.created) ?? '') < limit);
  if (retention.first.status === 200 && ancient) {
    verdicts.push(fail(FILTER_SEMANTICS, [['Filter', `from=${old}`], ['Problem', 'an event older than the documented 90-day retention'], ['Item', ancient], ['Request', describeRequest(retention.request)]], { response: retention.first, operation: op, assertion: 'audit-90-day-ceiling' }));
  }
  return verdicts.length > 0 ? verdicts : [pass(warnings)];
}


/**
 * REST spec, `project_id` query parameter of both audit-log searches: "Filter logs by project ID.", and the
 * item schema's `project_id`. The rarest project seen in the window is asked for: every item returned that
 * names a project names that one, and the events seen for it without the filter come back.
 */
function projectRelation(
  pool: readonly Record<string, unknown>[],
  window: { from: string; to: string },
): { label: string; query: Record<string, QueryValue>; holds: (i: Record<string, unknown>) => boolean; nonEmpty: boolean }[] {
  const project = mostFrequent(pool.map((i) => (typeof i.project_id === 'string' ? i.project_id : '')).filter((p) => p !== '')).at(-1);
  if (!project) return [];
  // Oldest first: the newest events of a busy tenant (this run's own provision writes) name no project.
  return [{ label: `project_id=${project}`, query: { ...window, sort_order: 'ASC', project_id: project }, holds: (i) => i.project_id === undefined || i.project_id === project, nonEmpty: true }];
}

/** Members whose filtered search is tried before giving up on finding two with events in the window. */
const USER_FILTER_CANDIDATES = 8;

/**
 * REST spec, `user_id` query parameter of both audit-log searches: "Filter logs by user ID." An event is one
 * user's, so the searches filtered by two different members share no event: a filter that is ignored returns
 * the same events for both. The ids come from the memberships (documented), not from the items (the spec's
 * items have no `user_id`); an item that does carry one (real responses do) must carry the id asked for.
 */
async function userFilterVerdicts(ctx: CheckContext, op: AuditOperation, window: { from: string; to: string }, warnings: string[]): Promise<Verdict[]> {
  const found: { user: string; items: Map<string, Record<string, unknown>> }[] = [];
  for (const user of (await auditUserIds(ctx, op)).slice(0, USER_FILTER_CANDIDATES)) {
    const res = await auditFiltered(ctx, op, { ...window, user_id: user });
    const lines = (extra: [string, unknown][]): [string, unknown][] => [['Filter', `user_id=${user}`], ...extra, ['Request', describeRequest(res.request)]];
    if (res.first.status !== 200) return [fail(FILTER_SEMANTICS, lines([['Received', res.first.status], ['Expected', 200]]), { response: res.first, operation: op })];
    const other = res.items.find((i) => typeof i.user_id === 'string' && i.user_id !== user);
    if (other) return [fail(FILTER_SEMANTICS, lines([['Problem', 'an item names another user ("Filter logs by user ID.")'], ['Violating item', other]]), { response: res.first, operation: op })];
    if (res.items.length === 0) continue;
    found.push({ user, items: new Map(res.items.map((i) => [canonical(i), i])) });
    if (found.length === 2) break;
  }
  const [a, b] = found;
  if (!a || !b) {
    warnings.push(`user_id: fewer than two members have events in ${window.from}..${window.to}, so the filter could not be compared between users`);
    return [];
  }
  const shared = [...a.items.keys()].find((k) => b.items.has(k));
  if (shared === undefined) return [];
  return [
    fail(
      FILTER_SEMANTICS,
      [
        ['Filter', `user_id=${a.user} and user_id=${b.user}`],
        ['Problem', 'the same event is returned for two different users: the spec says user_id filters logs by user ID ("Filter logs by user ID.")'],
        ['Shared item', a.items.get(shared)],
      ],
      { operation: op },
    ),
  ];
}
