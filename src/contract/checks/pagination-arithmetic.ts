/**
 * pagination_arithmetic: API & Web page-number pagination (users-list docs; DRF): every page carries `count`,
 * `page_total`, `page` and `length`; `page_total` = ceil(count / length); the first page holds
 * min(length, count) users, the last count − (page_total − 1)·length; `count` is the same on every page;
 * the page after the last is 404; all pages together hold `count` distinct users. Lengths are generated
 * (fast-check) and a failure shrinks to the smallest length that shows it.
 */
import fc from 'fast-check';
import type { ApiResponse } from '../../client/types.ts';
import type { CheckContext } from '../check-context.ts';
import type { ScenarioCheck, Verdict } from '../check-types.ts';
import { makeCase } from '../case-space.ts';
import { checkProperty } from '../property.ts';
import { describeRequest } from '../requests.ts';
import { apiwebPageInfo, apiwebResults, apiwebUserView } from '../tenant-data.ts';
import { fail, pass } from '../verdict.ts';
import { paginationArithmeticAssertions } from '../assertions/pagination-arithmetic.ts';

const OP = 'GET /users/' as const;
/** Pages the union walk reads at most (of 100): beyond, only distinctness is judged. */
const MAX_UNION_PAGES = 40;

async function page(ctx: CheckContext, n: number, length: number): Promise<{ response: ApiResponse; c: ReturnType<typeof makeCase> }> {
  const c = makeCase(ctx, OP, 'stateful', `page ${n} with length ${length}`, { query: { page: n, length } });
  return { response: await ctx.send(c.request), c };
}

async function arithmetic(ctx: CheckContext, length: number): Promise<Verdict> {
  const { response: r1, c: c1 } = await page(ctx, 1, length);
  const f = (lines: [string, unknown][], response: ApiResponse, c: ReturnType<typeof makeCase>): Verdict =>
    fail(paginationArithmetic, [...lines, ['Request', describeRequest(c.request)]], { response, case: c, counterexample: { length } });
  if (r1.status !== 200) return f([['Received', r1.status], ['Expected', 200]], r1, c1);
  const info = apiwebPageInfo(r1.json);
  const missing = (['count', 'pageTotal', 'page', 'length'] as const).filter((k) => info[k] === undefined);
  if (missing.length > 0) {
    return f([['Missing', missing.map((k) => (k === 'pageTotal' ? 'page_total' : k))], ['Documented', 'count, page_total, page, length']], r1, c1);
  }
  const count = info.count!;
  const total = info.pageTotal!;
  const eff = info.length!;
  if (eff > length || eff < 1) return f([['Requested length', length], ['Received length', eff]], r1, c1);
  if (info.page !== 1) return f([['Requested page', 1], ['Received page', info.page]], r1, c1);
  const expectedTotal = count === 0 ? [0, 1] : [Math.ceil(count / eff)];
  if (!expectedTotal.includes(total)) {
    return f([['count', count], ['length', eff], ['page_total', total], ['Expected page_total', `ceil(${count}/${eff}) = ${expectedTotal.join(' or ')}`]], r1, c1);
  }
  const firstSize = apiwebResults(r1.json).length;
  if (firstSize !== Math.min(eff, count)) {
    return f([['count', count], ['length', eff], ['Results on page 1', firstSize], ['Expected', Math.min(eff, count)]], r1, c1);
  }
  if (total >= 2) {
    const { response: rl, c: cl } = await page(ctx, total, length);
    if (rl.status !== 200) return f([['Page', `${total} (the last)`], ['Received', rl.status], ['Expected', 200]], rl, cl);
    const last = apiwebPageInfo(rl.json);
    const lastSize = apiwebResults(rl.json).length;
    const expected = count - (total - 1) * eff;
    if (last.count !== count) return f([['count on page 1', count], [`count on page ${total}`, last.count]], rl, cl);
    if (last.page !== total) return f([['Requested page', total], ['Received page', last.page]], rl, cl);
    if (lastSize !== expected) {
      return f([['count', count], ['length', eff], ['page_total', total], ['Results on the last page', lastSize], ['Expected', `${count} - ${total - 1}*${eff} = ${expected}`]], rl, cl);
    }
  }
  const past = Math.max(total, 1) + 1;
  const { response: rp, c: cp } = await page(ctx, past, length);
  if (rp.status !== 404) return f([['Page', `${past} (past the last, page_total ${total})`], ['Received', rp.status], ['Expected', 404]], rp, cp);
  return pass();
}

async function union(ctx: CheckContext): Promise<Verdict> {
  const { response: r1, c: c1 } = await page(ctx, 1, 100);
  if (r1.status !== 200) return pass();
  const info = apiwebPageInfo(r1.json);
  const total = info.pageTotal ?? 1;
  const ids: string[] = apiwebResults(r1.json).map((u) => apiwebUserView(u).id ?? '');
  const seen = new Set<string>();
  const pages = Math.min(total, MAX_UNION_PAGES);
  let lastResponse = r1;
  let lastCase = c1;
  for (let n = 2; n <= pages; n++) {
    const { response, c } = await page(ctx, n, 100);
    lastResponse = response;
    lastCase = c;
    if (response.status !== 200) {
      return fail(paginationArithmetic, [['Page', `${n} of ${total}`], ['Received', response.status], ['Expected', 200]], { response, case: c });
    }
    ids.push(...apiwebResults(response.json).map((u) => apiwebUserView(u).id ?? ''));
  }
  const duplicates = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (duplicates.length > 0) {
    return fail(paginationArithmetic, [['Problem', 'users appear on more than one page'], ['Repeated ids', duplicates.slice(0, 5)], ['Pages read', pages]], {
      response: lastResponse,
      case: lastCase,
    });
  }
  if (pages === total && info.count !== undefined && seen.size !== info.count) {
    return fail(paginationArithmetic, [['count', info.count], ['Distinct users on all pages', seen.size], ['Pages read', pages]], {
      response: lastResponse,
      case: lastCase,
    });
  }
  return pass(pages < total ? [`only ${pages} of ${total} pages were read for the union (tenant too large)`] : undefined);
}

export const paginationArithmetic: ScenarioCheck = {
  id: 'pagination_arithmetic',
  kind: 'scenario',
  title: 'Page-number pagination arithmetic is wrong',
  family: 'pagination',
  severity: 'high',
  description: 'count, page_total = ceil(count/length), first and last page sizes, 404 past the end, all pages = count distinct users.',
  assertions: paginationArithmeticAssertions,
  operations: [OP],
  async run(ctx) {
    const unionVerdict = await union(ctx);
    if (unionVerdict.status === 'fail') return { verdicts: [unionVerdict] };
    const result = await checkProperty(ctx, fc.integer({ min: 1, max: 100 }), (length) => arithmetic(ctx, length), {
      numRuns: Math.min(ctx.numRuns, 10),
      examples: [1, 3, 100],
    });
    return { ...result, verdicts: [...result.verdicts, unionVerdict] };
  },
};
