/**
 * cursor_pagination: REST cursor paging as documented (about-the-rest-api, pagination; REST spec `Limit`; pysnyk #212):
 * memberships take `limit` 10..100 in tens (others 4xx), audit-log search `size` 1..100; a page never holds
 * more than asked; `links.next` is a URL string or `{href}`, with or without the `/rest` prefix, for the same
 * collection, never `self` and never a page already read; no empty page carries `next`; the last page has no
 * `next`; walking small pages yields each item once and exactly the items of large pages; `links.prev` leads
 * back to the previous page, and walking back from the last page (`ending_before`) gives every page again.
 */
import type { ApiResponse } from '../../client/types.ts';
import { fillPath, type Operation, type OperationName } from '../../model/operations.ts';
import type { CheckContext } from '../check-context.ts';
import type { ScenarioCheck, Verdict } from '../check-types.ts';
import { auditWindow, readMemberships, type MembershipOperation } from '../discovery.ts';
import { buildRequest, describeRequest, pathParams } from '../requests.ts';
import { auditItems, linkHref, links, listData, membershipView } from '../tenant-data.ts';
import { fail, pass } from '../verdict.ts';
import { cursorPaginationAssertions } from '../assertions/cursor-pagination.ts';

const OPS = [
  'GET /rest/orgs/{org_id}/memberships',
  'GET /rest/groups/{group_id}/memberships',
  'GET /rest/groups/{group_id}/audit_logs/search',
  'GET /rest/orgs/{org_id}/audit_logs/search',
] as const satisfies readonly OperationName[];

/** Stable JSON (sorted keys): the identity of an audit item, which has no id. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The collection path of a link, without origin and `/rest` prefix, lower-cased. */
export function linkCollection(href: string): string | undefined {
  try {
    const url = new URL(href, 'http://relative.invalid');
    return url.pathname.replace(/^\/rest(?=\/)/, '').replace(/\/+$/, '').toLowerCase();
  } catch {
    return undefined;
  }
}

interface Walk {
  pages: ApiResponse[];
  ids: string[];
  ended: boolean;
}

export const cursorPagination: ScenarioCheck = {
  id: 'cursor_pagination',
  kind: 'scenario',
  title: 'Cursor pagination does not follow the documentation',
  family: 'pagination',
  severity: 'high',
  description:
    'limit/size bounds, pages within the asked size, well-formed links.next without loops or empty pages, a last page without next, small pages = large pages, links.prev back, and a walk back from the last page by links.prev (ending_before) that gives every page again.',
  assertions: cursorPaginationAssertions,
  operations: OPS,
  async run(ctx, op) {
    return { verdicts: await run(ctx, op) };
  },
};

const isAudit = (op: Operation): boolean => op.pagination === 'rest-audit-cursor';

async function run(ctx: CheckContext, op: Operation): Promise<Verdict[]> {
  const name = op.name as OperationName;
  const audit = isAudit(op);
  const sizeParam = audit ? 'size' : 'limit';
  const window = audit ? auditWindow(ctx) : {};
  const verdicts: Verdict[] = [];
  const f = (lines: [string, unknown][], response?: ApiResponse, request?: ReturnType<typeof buildRequest>, assertion?: string): Verdict =>
    fail(cursorPagination, request ? [...lines, ['Request', describeRequest(request)]] : lines, { response, operation: name, ...(assertion ? { assertion } : {}) });

  // 1. Documented bounds.
  const good = audit ? [1, 100] : [10, 100];
  const bad = audit ? [0, 101] : [5, 15, 110, 0];
  for (const size of good) {
    const req = buildRequest(ctx, name, { query: { ...window, [sizeParam]: size } });
    const res = await ctx.send(req);
    if (res.status !== 200) verdicts.push(f([[sizeParam, size], ['Received', res.status], ['Expected', 200]], res, req));
    else {
      const n = audit ? auditItems(res.json).length : listData(res.json).length;
      if (n > size) verdicts.push(f([[sizeParam, size], ['Items on the page', n], ['Expected', `at most ${size}`]], res, req));
    }
  }
  // spec Limit default 10, Size default 100.
  const defaultSize = audit ? 100 : 10;
  {
    const req = buildRequest(ctx, name, { query: { ...window } });
    const res = await ctx.send(req);
    const n = res.status === 200 ? (audit ? auditItems(res.json).length : listData(res.json).length) : 0;
    if (n > defaultSize) verdicts.push(f([[sizeParam, `(default ${defaultSize})`], ['Items on the page', n]], res, req));
  }
  for (const size of bad) {
    const req = buildRequest(ctx, name, { query: { ...window, [sizeParam]: size } });
    const res = await ctx.send(req);
    if (res.status >= 200 && res.status < 400) {
      verdicts.push(f([[sizeParam, size], ['Received', res.status], ['Expected', `4xx (${sizeParam} must be ${audit ? '1..100' : '10..100 in tens'})`]], res, req));
    }
  }

  // 2. A large-page reference and a small-page walk.
  const idsOf = (res: ApiResponse): string[] =>
    audit
      ? auditItems(res.json).map(canonical)
      : listData(res.json)
          .map(membershipView)
          .filter((m) => m.userId === undefined || m.userId !== ctx.testUserId)
          .map((m) => m.id ?? canonical(m.raw));
  let big: Walk;
  if (audit) {
    const first = await ctx.send(buildRequest(ctx, name, { query: { ...window, size: 100 } }));
    big = await follow(ctx, name, first, 5, idsOf);
  } else {
    const w = await readMemberships(ctx, name as MembershipOperation, 10);
    big = { pages: w.pages, ids: w.pages.filter((p) => p.status === 200).flatMap(idsOf), ended: w.complete };
  }
  if (big.pages[0]?.status !== 200) {
    verdicts.push(f([['Received', big.pages[0]?.status], ['Expected', 200], ['Case', `the first page with ${sizeParam}=100`]], big.pages[0]));
    return verdicts;
  }
  const total = big.ids.length;
  const small = audit ? Math.max(1, Math.min(20, Math.floor(total / 4))) : 10;
  const bound = big.ended ? Math.ceil(total / small) + 3 : 30;
  const firstReq = buildRequest(ctx, name, { query: { ...window, [sizeParam]: small } });
  const first = await ctx.send(firstReq);
  const collection = fillPath(op.path, pathParams(ctx)).replace(/^\/rest(?=\/)/, '').toLowerCase();
  const pages: ApiResponse[] = [first];
  const seenLinks = new Set<string>();
  const ids: string[] = [];
  const idSet = new Set<string>();
  let current = first;
  let ended = false;
  const warnings: string[] = [];
  for (let n = 1; n <= bound; n++) {
    if (current.status !== 200) {
      verdicts.push(f([['Page', n], ['Received', current.status], ['Expected', 200]], current));
      break;
    }
    const pageIds = idsOf(current);
    const count = audit ? auditItems(current.json).length : listData(current.json).length;
    if (count > small) verdicts.push(f([['Page', n], [sizeParam, small], ['Items on the page', count]], current));
    for (const id of pageIds) {
      if (idSet.has(id) && !audit) verdicts.push(f([['Page', n], ['Repeated item', id], ['Problem', 'an item appears on two pages']], current));
      idSet.add(id);
      ids.push(id);
    }
    const l = links(current.json);
    const next = l.next === undefined || l.next === null ? undefined : linkHref(l.next);
    if (l.next !== undefined && l.next !== null && next === undefined) {
      verdicts.push(f([['Page', n], ['links.next', JSON.stringify(l.next)], ['Problem', 'neither a URL string nor an {href} object']], current));
      break;
    }
    if (next === undefined) {
      ended = true;
      break;
    }
    // Loops first: they break the documented cursor contract; an empty page with next alone is assumed.
    if (next === linkHref(l.self)) {
      verdicts.push(f([['Page', n], ['Problem', 'links.next equals links.self'], ['links.next', next]], current));
      break;
    }
    if (seenLinks.has(next)) {
      verdicts.push(f([['Page', n], ['Problem', 'links.next leads to a page already read (a loop)'], ['links.next', next]], current));
      break;
    }
    if (count === 0) {
      verdicts.push(f([['Page', n], ['Problem', 'an empty page carries links.next (a client would loop, pysnyk #212)'], ['links.next', next]], current, undefined, 'no-empty-page-with-next'));
      break;
    }
    seenLinks.add(next);
    const target = linkCollection(next);
    if (target !== collection) {
      verdicts.push(f([['Page', n], ['links.next', next], ['Expected', `a link to ${collection} (with or without /rest)`]], current));
      break;
    }
    if (!/[?&]version=/.test(next)) warnings.push(`links.next carries no version parameter (${next})`);
    current = await ctx.send(buildRequest(ctx, name, { path: next, version: null }));
    pages.push(current);
  }
  if (!ended && verdicts.length === 0 && big.ended) {
    verdicts.push(f([['Pages read', pages.length], ['Items in the collection', total], [sizeParam, small], ['Problem', 'the walk does not end']], current));
  }

  // 3. Small pages = large pages.
  if (verdicts.length === 0) {
    const comparable = ended && big.ended;
    const k = comparable ? Math.max(ids.length, total) : Math.min(ids.length, total);
    const a = ids.slice(0, k);
    const b = big.ids.slice(0, k);
    const count = (xs: string[]): Map<string, number> => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
    const ca = count(a);
    const cb = count(b);
    const missing = [...cb].filter(([x, n]) => (ca.get(x) ?? 0) < n).map(([x]) => x);
    const extra = [...ca].filter(([x, n]) => (cb.get(x) ?? 0) < n).map(([x]) => x);
    // Without a complete walk only a prefix compares, and equal sort keys may straddle its end: tolerate one.
    const tolerance = comparable ? 0 : 1;
    if (missing.length > tolerance || extra.length > tolerance) {
      verdicts.push(
        f([
          [`Items with ${sizeParam}=${small}`, ids.length],
          [`Items with ${sizeParam}=100`, total],
          ['Missing from the small pages', missing.slice(0, 5)],
          ['Only in the small pages', extra.slice(0, 5)],
        ], pages[pages.length - 1]),
      );
    }
  }

  // 4. links.prev of the second page leads back to the first.
  if (!audit && verdicts.length === 0 && pages.length >= 2 && pages[1]!.status === 200) {
    const prev = linkHref(links(pages[1]!.json).prev);
    if (prev) {
      const back = await ctx.send(buildRequest(ctx, name, { path: prev, version: null }));
      const want = new Set(idsOf(first));
      const got = back.status === 200 ? idsOf(back) : [];
      if (back.status !== 200 || got.length !== want.size || got.some((id) => !want.has(id))) {
        verdicts.push(f([['links.prev', prev], ['Received', back.status], ['Problem', 'links.prev of page 2 does not lead back to page 1']], back));
      }
    }
  }
  // 5. ending_before, walking back from the last page by links.prev.
  if (!audit && verdicts.length === 0 && ended && pages.length >= 3) {
    verdicts.push(...(await backwardWalk(ctx, name, pages, idsOf, warnings, f)));
  }
  if (verdicts.length === 0) verdicts.push(pass([...new Set(warnings)]));
  return verdicts;
}

/**
 * REST spec, EndingBefore: "Return the page of results immediately before this cursor" (StartingAfter: "…
 * immediately after this cursor"). The cursors are opaque, so the ones the server wrote into `links.prev` are
 * used: from the last page of a complete forward walk, each `prev` must give the forward walk's previous page,
 * item for item, back to the first. A page without `prev` ends the walk (the Links schema makes `prev`
 * optional) with a warning.
 */
async function backwardWalk(
  ctx: CheckContext,
  name: OperationName,
  forward: readonly ApiResponse[],
  idsOf: (r: ApiResponse) => string[],
  warnings: string[],
  f: (lines: [string, unknown][], response?: ApiResponse) => Verdict,
): Promise<Verdict[]> {
  // The forward walk's last page may be empty (a last page that links to an empty page): start before it.
  let index = forward.length - 1;
  while (index > 0 && idsOf(forward[index]!).length === 0) index--;
  let current = forward[index]!;
  for (let n = index - 1; n >= 0; n--) {
    const prev = linkHref(links(current.json).prev);
    if (!prev) {
      warnings.push(`page ${n + 2} of ${forward.length} carries no links.prev: ending_before was exercised back to page ${n + 2} only`);
      return [];
    }
    const back = await ctx.send(buildRequest(ctx, name, { path: prev, version: null }));
    const want = idsOf(forward[n]!);
    const got = back.status === 200 ? idsOf(back) : [];
    if (back.status !== 200 || got.length !== want.length || got.some((id, i) => id !== want[i])) {
      return [
        f([
          ['links.prev', prev],
          ['Received', back.status === 200 ? `${got.length} item(s): ${got.slice(0, 3).join(', ')}${got.length > 3 ? ', …' : ''}` : back.status],
          ['Expected', `page ${n + 1} of the forward walk (${want.length} item(s): ${want.slice(0, 3).join(', ')}${want.length > 3 ? ', …' : ''})`],
          ['Problem', 'walking back by links.prev does not give the previous page (spec EndingBefore: "Return the page of results immediately before this cursor")'],
        ], back),
      ];
    }
    current = back;
  }
  return [];
}

async function follow(
  ctx: CheckContext,
  name: OperationName,
  first: ApiResponse,
  maxPages: number,
  idsOf: (r: ApiResponse) => string[],
): Promise<Walk> {
  const pages = [first];
  const seen = new Set<string>();
  let current = first;
  while (current.status === 200 && pages.length < maxPages) {
    const next = linkHref(links(current.json).next);
    if (!next || seen.has(next)) return { pages, ids: pages.flatMap((p) => (p.status === 200 ? idsOf(p) : [])), ended: !next };
    seen.add(next);
    current = await ctx.send(buildRequest(ctx, name, { path: next, version: null }));
    pages.push(current);
  }
  const last = pages[pages.length - 1]!;
  const ended = last.status === 200 && !linkHref(links(last.json).next);
  return { pages, ids: pages.flatMap((p) => (p.status === 200 ? idsOf(p) : [])), ended };
}
