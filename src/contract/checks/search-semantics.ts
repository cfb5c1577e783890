/**
 * search_semantics: API & Web `search` ("A search term", users-list docs; DRF SearchFilter) narrows the results to
 * users that contain the term (case-insensitively, in a text field), finds a user by their full email, and
 * finds nobody for a term no user contains. Terms come from the tenant's users (fast-check picks them;
 * a failure shrinks to the shortest term that shows it).
 */
import fc from 'fast-check';
import type { CheckContext } from '../check-context.ts';
import type { ScenarioCheck, Verdict } from '../check-types.ts';
import { apiwebSample } from '../discovery.ts';
import { checkProperty } from '../property.ts';
import { buildRequest, describeRequest } from '../requests.ts';
import { apiwebPageInfo, apiwebResults, apiwebUserView } from '../tenant-data.ts';
import { settleVerdict } from '../settle-verdict.ts';
import { combine, fail, notApplicable, pass } from '../verdict.ts';
import { searchSemanticsAssertions } from '../assertions/search-semantics.ts';

const OP = 'GET /users/' as const;

/** Whether any string anywhere in `value` contains `term` (case-insensitive). */
export function containsText(value: unknown, term: string): boolean {
  const t = term.toLowerCase();
  if (typeof value === 'string') return value.toLowerCase().includes(t);
  if (Array.isArray(value)) return value.some((v) => containsText(v, term));
  if (value && typeof value === 'object') return Object.values(value).some((v) => containsText(v, term));
  return false;
}

async function judge(ctx: CheckContext, term: string, mustFind: string | undefined): Promise<Verdict> {
  const request = buildRequest(ctx, OP, { query: { search: term, page: 1, length: 100 } });
  const response = await ctx.send(request);
  const lines = (extra: [string, unknown][]): [string, unknown][] => [['search', term], ...extra, ['Request', describeRequest(request)]];
  if (response.status !== 200) return fail(searchSemantics, lines([['Received', response.status], ['Expected', 200]]), { response, operation: OP });
  const users = apiwebResults(response.json);
  const stranger = users.find((u) => !containsText(u, term));
  if (stranger) {
    return fail(searchSemantics, lines([['User without the term', apiwebUserView(stranger).id], ['Results', apiwebPageInfo(response.json).count]]), { response, operation: OP });
  }
  const count = apiwebPageInfo(response.json).count ?? users.length;
  if (mustFind && count <= users.length && !users.some((u) => apiwebUserView(u).id === mustFind)) {
    return fail(searchSemantics, lines([['Missing', `user ${mustFind}, whose email is the term`], ['Results', count]]), { response, operation: OP, assertion: 'full-email-case-insensitive' });
  }
  return pass();
}

/** DRF SearchFilter matches case-insensitively (icontains): the upper-cased term finds the same users. */
async function sameCount(ctx: CheckContext, term: string): Promise<Verdict> {
  const upper = term.toUpperCase();
  if (upper === term) return pass();
  const a = await ctx.send(buildRequest(ctx, OP, { query: { search: term, page: 1, length: 1 } }));
  const reqB = buildRequest(ctx, OP, { query: { search: upper, page: 1, length: 1 } });
  const b = await ctx.send(reqB);
  const ca = apiwebPageInfo(a.json).count;
  const cb = apiwebPageInfo(b.json).count;
  if (a.status === 200 && b.status === 200 && ca !== cb) {
    return fail(searchSemantics, [['search', `${term} vs ${upper}`], ['Counts', `${ca} vs ${cb}`], ['Expected', 'the same users (case-insensitive search)'], ['Request', describeRequest(reqB)]], { response: b, operation: OP, assertion: 'full-email-case-insensitive' });
  }
  return pass();
}

export const searchSemantics: ScenarioCheck = {
  id: 'search_semantics',
  kind: 'scenario',
  title: 'search does not narrow the results to matching users',
  family: 'filters',
  severity: 'medium',
  description: 'Every result contains the term; a user is found by their email; a term nobody contains finds nobody.',
  assertions: searchSemanticsAssertions,
  operations: [OP],
  async run(ctx) {
    const sample = await apiwebSample(ctx, 3);
    const people = sample.users.filter((u) => u.email?.includes('@') && u.id);
    if (people.length === 0) return { verdicts: [notApplicable('no users with an email to search for')] };
    const nobody = await judge(ctx, `zq${ctx.seed.toString(36)}xj-nobody`, undefined);
    if (nobody.status === 'fail') return { verdicts: [nobody] };
    const arb = fc
      .record({ user: fc.constantFrom(...people.slice(0, 50)), start: fc.nat(), len: fc.integer({ min: 3, max: 8 }) })
      .map(({ user, start, len }) => {
        const email = user.email!;
        const s = start % Math.max(1, email.length - 2);
        return { term: email.slice(s, s + len), email, id: user.id! };
      });
    const result = await checkProperty(
      ctx,
      arb,
      async ({ term, email, id }) => {
        // Settled here, so that an assumed assertion's warning does not end the property (settle-verdict.ts).
        const settle = (v: Verdict): Verdict => settleVerdict(searchSemantics, v, ctx.strict);
        const full = settle(await judge(ctx, email, id));
        if (full.status === 'fail') return full;
        const partial = settle(await judge(ctx, term, undefined));
        if (partial.status === 'fail') return partial;
        const same = settle(await sameCount(ctx, term));
        return same.status === 'fail' ? same : combine([full, partial, same]);
      },
      { numRuns: Math.min(ctx.numRuns, 8), key: (v) => `${v.id}|${v.term}` },
    );
    return result;
  },
};
