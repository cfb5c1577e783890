/**
 * field_exclusion: API & Web `exclude` ("Fields to exclude from the response", users-list docs) removes exactly
 * the named fields from every result and leaves the other fields of the same users unchanged.
 */
import type { ApiResponse } from '../../client/types.ts';
import type { CheckContext } from '../check-context.ts';
import type { ScenarioCheck, Verdict } from '../check-types.ts';
import { buildRequest, describeRequest } from '../requests.ts';
import { apiwebResults } from '../tenant-data.ts';
import { canonical } from './cursor-pagination.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { fieldExclusionAssertions } from '../assertions/field-exclusion.ts';

const OP = 'GET /users/' as const;
/** Documented user fields (users-list docs), never `id` (it identifies the user for the comparison). */
const EXCLUDABLE = [['email'], ['labels'], ['last_login'], ['mfa_enabled', 'is_billing_admin']] as const;

type User = Record<string, unknown>;

async function page(ctx: CheckContext, exclude?: readonly string[]): Promise<{ users: User[]; response: ApiResponse; request: ReturnType<typeof buildRequest> }> {
  const request = buildRequest(ctx, OP, { query: { page: 1, length: 20, ...(exclude ? { exclude: [...exclude] } : {}) } });
  const response = await ctx.send(request);
  return { users: response.status === 200 ? (apiwebResults(response.json) as User[]) : [], response, request };
}

export const fieldExclusion: ScenarioCheck = {
  id: 'field_exclusion',
  kind: 'scenario',
  title: 'exclude does not remove exactly the named fields',
  family: 'filters',
  severity: 'low',
  description: 'With exclude=f the results lack f and keep every other field unchanged.',
  assertions: fieldExclusionAssertions,
  operations: [OP],
  async run(ctx) {
    const verdicts: Verdict[] = [];
    // Users are matched by id, so the (default) order of the two pages does not matter.
    const base = await page(ctx);
    if (base.response.status !== 200 || base.users.length === 0) return { verdicts: [notApplicable('no users to compare')] };
    const byId = new Map(base.users.map((u) => [String(u.id), u]));
    for (const fields of EXCLUDABLE) {
      const got = await page(ctx, fields);
      const lines = (extra: [string, unknown][]): [string, unknown][] => [['exclude', [...fields]], ...extra, ['Request', describeRequest(got.request)]];
      if (got.response.status !== 200) {
        verdicts.push(fail(fieldExclusion, lines([['Received', got.response.status], ['Expected', 200]]), { response: got.response, operation: OP }));
        continue;
      }
      for (const user of got.users) {
        const still = fields.filter((f) => f in user);
        if (still.length > 0) {
          verdicts.push(fail(fieldExclusion, lines([['User', user.id], ['Fields still present', still]]), { response: got.response, operation: OP }));
          break;
        }
        const full = byId.get(String(user.id));
        if (!full) continue;
        const changed = Object.keys(full).filter((k) => !(fields as readonly string[]).includes(k) && canonical(full[k]) !== canonical(user[k]));
        if (changed.length > 0) {
          verdicts.push(fail(fieldExclusion, lines([['User', user.id], ['Other fields changed or missing', changed]]), { response: got.response, operation: OP }));
          break;
        }
      }
    }
    return { verdicts: verdicts.length > 0 ? verdicts : [pass()] };
  },
};
