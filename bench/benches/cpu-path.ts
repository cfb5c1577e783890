/**
 * Figure 3 (issue 9): the audit's CPU path in-process — ajv validation of each API & Web `GET /users/` page with
 * the registry, then normalisation and every rule's per-record evaluation in the audit engine — in records per
 * second, against a bare loop of the same compiled ajv validator over the same pages (the limit: the audit
 * cannot judge a record it has not validated). Goal ≥ 0.8×. The pages are real mock pages (seeded tenant),
 * fetched once from a mock process before any timing. Rounds alternate bare / audit so that machine noise
 * hits both; the best round of each counts.
 */
import { Pool } from 'undici';
import type { Bench, BenchContext, BenchResult } from '../harness/bench.ts';
import { figure, round } from '../harness/figure.ts';
import { startMockProcess } from '../harness/mock-process.ts';
import { schemas } from '../../src/schema/registry.ts';
import { schemaId } from '../../src/model/operations.ts';
import { AuditEngine } from '../../src/audit/engine.ts';
import { ActivityIndex } from '../../src/audit/activity.ts';
import { defaultPolicy } from '../../src/audit/policy.ts';
import { isUnreadable, normaliseApiWebUser } from '../../src/audit/inventory.ts';

export const USER_LIST = schemaId('apiweb/user-list');
const PAGE_LENGTH = 100;
const DAY_MS = 86_400_000;

interface Page {
  results: unknown[];
}

export async function fetchPages(users: number): Promise<Page[]> {
  const mock = await startMockProcess({ users });
  const pool = new Pool(mock.coords.url, { connections: 4 });
  try {
    const pages: Page[] = [];
    const total = Math.ceil(users / PAGE_LENGTH);
    for (let page = 1; page <= total; page++) {
      const res = await pool.request({
        method: 'GET',
        path: `/users/?page=${page}&length=${PAGE_LENGTH}`,
        headers: { authorization: `JWT ${mock.coords.apiwebToken}` },
      });
      const body = (await res.body.json()) as Page;
      if (res.statusCode !== 200 || !Array.isArray(body.results)) throw new Error(`GET /users/ page ${page} answered ${res.statusCode}`);
      pages.push(body);
    }
    return pages;
  } finally {
    await pool.destroy();
    await mock.stop();
  }
}

function recordsIn(pages: readonly Page[]): number {
  return pages.reduce((s, p) => s + p.results.length, 0);
}

/** The bare limit: the registry's compiled validator called on every page, nothing else. */
export function bareValidate(pages: readonly Page[]): number {
  const validate = schemas().validator(USER_LIST);
  let invalid = 0;
  for (const page of pages) if (!validate(page)) invalid++;
  return invalid;
}

/** What the audit does per page: validate (errors as data), normalise every user, route it through the rules. */
export function auditPath(pages: readonly Page[], now: number, validateToo = true): { invalid: number; findings: number } {
  const registry = schemas();
  const engine = new AuditEngine({ policy: defaultPolicy(), now, activity: new ActivityIndex({ windowFrom: now - 90 * DAY_MS }) });
  const fetchedAt = new Date(now).toISOString();
  let invalid = 0;
  for (const page of pages) {
    if (validateToo && !registry.validate(USER_LIST, page).valid) invalid++;
    for (const raw of page.results) {
      const record = normaliseApiWebUser(raw, fetchedAt);
      if (!isUnreadable(record)) engine.record(record);
    }
  }
  const outcome = engine.finish();
  let findings = 0;
  for (const list of outcome.findingsByRule.values()) findings += list.length;
  return { invalid, findings };
}

function timeIt(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export const cpuPath: Bench = {
  name: 'cpu-path',
  title: 'validate + audit records/s vs a bare ajv validate loop',
  timeoutMs: (quick) => (quick ? 120_000 : 300_000),
  async run(ctx: BenchContext): Promise<BenchResult> {
    const users = ctx.quick ? 2_000 : 20_000;
    const rounds = ctx.quick ? 3 : 7;
    ctx.log(`cpu-path: fetching ${users} users from a mock process`);
    const pages = await fetchPages(users);
    const records = recordsIn(pages);
    const now = Date.now();
    // Compile once and warm the JIT on both paths before timing (ajv compiles lazily on first use).
    bareValidate(pages);
    const warm = auditPath(pages, now);

    let bestBare = Infinity;
    let bestAudit = Infinity;
    let bestRegistry = Infinity;
    let bestRules = Infinity;
    let invalid = 0;
    for (let i = 0; i < rounds; i++) {
      bestBare = Math.min(bestBare, timeIt(() => (invalid = bareValidate(pages))));
      bestAudit = Math.min(bestAudit, timeIt(() => auditPath(pages, now)));
      bestRegistry = Math.min(bestRegistry, timeIt(() => pages.forEach((p) => schemas().validate(USER_LIST, p))));
      bestRules = Math.min(bestRules, timeIt(() => auditPath(pages, now, false)));
    }
    const rate = (ms: number) => (records / ms) * 1000;
    return {
      figures: [
        figure('cpu-path.auditRecordsPerS', round(rate(bestAudit), 0), 'rec/s', {
          note: `registry validate + normalise + ${warm.findings} findings over ${records} records`,
        }),
        figure('cpu-path.bareValidateRecordsPerS', round(rate(bestBare), 0), 'rec/s', {
          note: `compiled validator only${invalid ? `; ${invalid} of ${pages.length} pages INVALID` : `; all ${pages.length} pages valid`}`,
        }),
        figure('cpu-path.ratio', round(bestBare / bestAudit, 3), '×', { goal: { op: '>=', target: 0.8 }, note: 'audit rate / bare validate rate' }),
        figure('cpu-path.registryValidateRecordsPerS', round(rate(bestRegistry), 0), 'rec/s', { note: 'registry.validate alone (diagnosis)' }),
        figure('cpu-path.rulesOnlyRecordsPerS', round(rate(bestRules), 0), 'rec/s', { note: 'normalise + rules without validation (diagnosis)' }),
      ],
      params: { users: records, pages: pages.length, rounds, bestMs: { bare: bestBare, audit: bestAudit, registry: bestRegistry, rules: bestRules } },
    };
  },
};
