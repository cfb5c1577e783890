/**
 * version_negotiation: REST version resolution as documented (about-the-rest-api, versioning; sweater-comb version.md; vervet
 * versionware): the served version is on or before the requested date and at least as stable as asked
 * (a GA date is served from the GA tree), the lifecycle stage matches the served stability (or says
 * deprecated/sunset), `snyk-version-requested` echoes the request; `deprecation`/`sunset` are warnings.
 * A missing, malformed or future version is 400; a date before the first release at that stability is 404;
 * a beta-only operation answers a GA date with 404 and `~beta` with success.
 */
import type { ApiResponse } from '../../client/types.ts';
import { OPERATION_NAMES, OPERATIONS, type Operation, type OperationName } from '../../model/operations.ts';
import type { CheckContext } from '../check-context.ts';
import type { CheckCase, ScenarioCheck, Verdict } from '../check-types.ts';
import { makeCase, UNKNOWN_UUID } from '../case-space.ts';
import { orgUserId } from '../discovery.ts';
import { describeRequest, type RequestOptions } from '../requests.ts';
import { addDays, LIFECYCLE_STAGES, parseVersion, stabilityRank, todayUtc } from '../rest-version.ts';
import { patchBody } from '../write-sample.ts';
import { fail, notApplicable, pass } from '../verdict.ts';
import { versionNegotiationAssertions } from '../assertions/version-negotiation.ts';

const REST_OPERATIONS = OPERATION_NAMES.filter((n) => OPERATIONS[n].api === 'rest');

/** Judges the version headers of a successful response to `requested`. */
export function judgeServedVersion(requested: string, response: ApiResponse): { problems: [string, unknown][]; warnings: string[] } {
  const problems: [string, unknown][] = [];
  const warnings: string[] = [];
  const h = response.headers;
  const req = parseVersion(requested);
  const echoed = h['snyk-version-requested'];
  if (echoed === undefined) problems.push(['snyk-version-requested', '(absent)']);
  else {
    const e = parseVersion(echoed);
    if (echoed !== requested && !(e && req && e.date === req.date && e.stability === req.stability)) {
      problems.push(['snyk-version-requested', `${echoed} (requested ${requested})`]);
    }
  }
  const servedText = h['snyk-version-served'];
  const served = servedText === undefined ? undefined : parseVersion(servedText);
  if (servedText === undefined) problems.push(['snyk-version-served', '(absent)']);
  else if (!served) problems.push(['snyk-version-served', `${servedText} is not a version`]);
  else if (req) {
    if (served.date > req.date) problems.push(['snyk-version-served', `${servedText} is after the requested ${requested}`]);
    if (stabilityRank(served.stability) < stabilityRank(req.stability)) {
      problems.push(['snyk-version-served', `${servedText} is less stable than the requested ${requested}`]);
    }
  }
  const stage = h['snyk-version-lifecycle-stage'];
  if (stage === undefined) problems.push(['snyk-version-lifecycle-stage', '(absent)']);
  else if (!(LIFECYCLE_STAGES as readonly string[]).includes(stage)) problems.push(['snyk-version-lifecycle-stage', `${stage} is not a lifecycle stage`]);
  else if (served && stage !== served.stability && stage !== 'deprecated' && stage !== 'sunset') {
    problems.push(['snyk-version-lifecycle-stage', `${stage} for the served ${servedText}`]);
  }
  if (stage === 'deprecated' || stage === 'sunset') warnings.push(`${requested}: the served version ${servedText ?? '?'} is ${stage}`);
  if (h.deprecation !== undefined) warnings.push(`${requested}: deprecation ${h.deprecation}`);
  if (h.sunset !== undefined) warnings.push(`${requested}: sunset ${h.sunset}`);
  return { problems, warnings };
}

interface Probe {
  description: string;
  version: string | null;
  /** 'success' or exact statuses. */
  expect: 'success' | number[];
}

function probesFor(op: Operation, ctx: CheckContext): Probe[] {
  const configured = parseVersion(ctx.restVersion);
  const date = configured?.date ?? ctx.restVersion.slice(0, 10);
  const suffix = op.stability === 'beta' ? '~beta' : '';
  // The run's moment may be frozen in the past (a mock with a fixed clock): "today" is the earlier of the two,
  // "after today" the later one plus 400 days, so neither probe depends on whose clock is right.
  const runDay = ctx.now.toISOString().slice(0, 10);
  const realDay = todayUtc();
  const today = runDay < realDay ? runDay : realDay;
  const future = addDays(runDay > realDay ? runDay : realDay, 400);
  const probes: Probe[] = [
    { description: 'the configured version', version: op.stability === 'beta' ? `${date}~beta` : ctx.restVersion, expect: 'success' },
    { description: "today's date (docs: the most recent version)", version: `${today}${suffix}`, expect: 'success' },
    { description: 'an experimental-or-better request', version: `${date}~experimental`, expect: 'success' },
    { description: 'the required version parameter is missing', version: null, expect: [400] },
    { description: 'a malformed version', version: 'not-a-version', expect: [400] },
    { description: 'a version without zero padding', version: `${date.slice(0, 4)}-1-5`, expect: [400] },
    { description: 'a date after today ("requested version newer than present date")', version: `${future}${suffix}`, expect: [400] },
  ];
  if (op.firstRelease) {
    probes.push({
      description: `the day before the first ${op.stability ?? 'ga'} release (${op.firstRelease})`,
      version: `${addDays(op.firstRelease, -1)}${suffix}`,
      expect: [404],
    });
  }
  if (op.stability === 'beta') {
    probes.push({ description: 'a GA date for a beta-only operation (needs ~beta)', version: date, expect: [404] });
  }
  return probes;
}

async function run(ctx: CheckContext, op: Operation): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const warnings: string[] = [];
  const opName = op.name as OperationName;
  const options: RequestOptions = {};
  if (opName === 'GET /rest/orgs/{org_id}/users/{id}') options.params = { id: (await orgUserId(ctx)) ?? UNKNOWN_UUID };
  const isPatch = op.method === 'PATCH';
  if (isPatch) {
    if (!ctx.allowWrites) return [notApplicable('writes are not allowed (--allow-writes)')];
    // A user that does not exist: the version router answers before the handler, and nothing can change.
    options.params = { id: UNKNOWN_UUID };
    options.body = patchBody(UNKNOWN_UUID);
  }
  for (const probe of probesFor(op, ctx)) {
    // PATCH to an absent user answers 404 whatever the version: only the 400s tell the router's work apart.
    if (isPatch && probe.expect !== 'success' && !probe.expect.includes(400)) continue;
    const c: CheckCase = makeCase(ctx, opName, 'version', probe.description, { ...options, version: probe.version });
    const response = await ctx.send(c.request);
    if (response.status === 429) continue;
    const status = response.status;
    if (probe.expect === 'success') {
      if (isPatch) continue;
      if (status < 200 || status >= 300) {
        verdicts.push(fail(versionNegotiation, [
          ['Requested', probe.version],
          ['Received', status],
          ['Expected', '2xx'],
          ['Case', probe.description],
          ['Request', describeRequest(c.request)],
        ], { response, case: c }));
        continue;
      }
      const judged = judgeServedVersion(probe.version!, response);
      warnings.push(...judged.warnings);
      if (judged.problems.length > 0) {
        // Only absent headers: the spec declares them but requires none (assumed, issue 13).
        const absentOnly = judged.problems.every(([, v]) => v === '(absent)');
        verdicts.push(fail(versionNegotiation, [
          ['Requested', probe.version],
          ...judged.problems,
          ['Case', probe.description],
          ['Request', describeRequest(c.request)],
        ], { response, case: c, ...(absentOnly ? { assertion: 'version-headers-present' } : {}) }));
      }
    } else if (!probe.expect.includes(status)) {
      verdicts.push(fail(versionNegotiation, [
        ['Requested', probe.version ?? '(no version parameter)'],
        ['Received', status],
        ['Documented', probe.expect],
        ['Case', probe.description],
        ['Request', describeRequest(c.request)],
      ], { response, case: c }));
    }
  }
  if (verdicts.length === 0) verdicts.push(pass([...new Set(warnings)]));
  return verdicts;
}

export const versionNegotiation: ScenarioCheck = {
  id: 'version_negotiation',
  kind: 'scenario',
  title: 'REST version negotiation does not follow the documentation',
  family: 'versioning',
  severity: 'high',
  description:
    'Served version on or before the requested date and at least as stable; lifecycle stage consistent; deprecation/sunset as warnings; missing/malformed/future version 400; before the first release 404; beta-only operations 404 for a GA date and success for ~beta.',
  assertions: versionNegotiationAssertions,
  operations: REST_OPERATIONS,
  writes: (op) => op.writes,
  async run(ctx, op) {
    return { verdicts: await run(ctx, op) };
  },
};
