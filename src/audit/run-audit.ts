/**
 * One audit, end to end: policy → collect (streaming into the engine) → rule outcomes → exemptions → diff
 * against the previous run → last-seen state. The audit suite calls this once; the bench can too.
 */
import type { TenantClient } from '../client/types.ts';
import type { TenantConfig } from '../config/tenant-config.ts';
import type { DiffSummary, Finding, RuleResult, Stats, Warning } from '../model/results.ts';
import { ActivityIndex } from './activity.ts';
import { DAY_MS } from './api-date.ts';
import { collectInventory, type CollectOptions } from './collect.ts';
import { diffFindings, readPreviousResults, type PreviousResults } from './diff.ts';
import { AuditEngine } from './engine.ts';
import type { ResolvedPolicy } from './policy.ts';
import type { RuleDefinition } from './rule.ts';
import { AUDIT_LOG_RETENTION_DAYS } from './rules/snyk-member-inactive.ts';
import { mergeState, readState, writeState } from './state.ts';
import { RULES } from './catalog.ts';

export interface RunAuditOptions {
  client: TenantClient;
  tenant: Pick<TenantConfig, 'orgIds' | 'groupId' | 'snykToken' | 'apiwebToken'>;
  policy: ResolvedPolicy;
  /** The instant every rule judges time against (the run plan's `now`). */
  now: Date;
  /** A previous results.json path, or its findings already read. */
  previous?: string | PreviousResults;
  /** The last-seen state file: read before, rewritten after the run. */
  statePath?: string;
  rules?: readonly RuleDefinition[];
  concurrency?: number;
  /** Called as pages are read (the run's progress display). */
  onProgress?: CollectOptions['onProgress'];
}

export interface AuditRunResult {
  rules: RuleResult[];
  findingsByRule: Map<string, Finding[]>;
  /** Every finding, in rule order. */
  findings: Finding[];
  warnings: Warning[];
  stats: Stats;
  diff?: DiffSummary;
  /** What RunInfo.policy should say. */
  policyLabel: string;
}

/** The audit-log window the activity rule needs: its threshold, capped at the logs' retention. */
export function activityWindowDays(policy: ResolvedPolicy): number {
  const days = policy.rules.get('snyk-member-inactive')?.params.maxInactiveDays ?? AUDIT_LOG_RETENTION_DAYS;
  return Math.min(days, AUDIT_LOG_RETENTION_DAYS);
}

export async function runAudit(options: RunAuditOptions): Promise<AuditRunResult> {
  const { client, tenant, policy } = options;
  const now = options.now.getTime();
  const nowIso = options.now.toISOString();
  const previous = typeof options.previous === 'string' ? await readPreviousResults(options.previous) : options.previous;
  const orgIds = [...tenant.orgIds];
  let state = options.statePath ? await readState(options.statePath) : undefined;
  const stateWarnings: Warning[] = [];
  if (state?.auditLog?.orgIds && !sameOrgs(state.auditLog.orgIds, orgIds)) {
    // Activity windows of other orgs say nothing about these: keep identities, drop the window.
    stateWarnings.push({ code: 'STATE_WINDOW_RESET', message: 'the last-seen state covered other orgs; its audit-log window restarts with this run' });
    state = { ...state };
    delete state.auditLog;
  }
  const activityFrom = now - activityWindowDays(policy) * DAY_MS;
  const activity = new ActivityIndex({ ...(state ? { state } : {}), windowFrom: activityFrom });
  const engine = new AuditEngine({
    policy,
    now,
    activity,
    rules: options.rules ?? RULES,
    trackApiwebLogins: options.statePath !== undefined,
  });
  for (const w of stateWarnings) engine.warning(w);
  const clientWarningsBefore = client.warnings().length;
  let auditComplete = false;
  const sink = {
    record: engine.record.bind(engine),
    warning: engine.warning.bind(engine),
    sourceStatus: (...args: Parameters<AuditEngine['sourceStatus']>) => {
      if (args[0] === 'audit-activity') auditComplete = args[1] === 'ok';
      engine.sourceStatus(...args);
    },
  };
  await collectInventory(
    {
      client,
      orgIds,
      ...(tenant.groupId ? { groupId: tenant.groupId } : {}),
      credentials: { snyk: Boolean(tenant.snykToken), apiweb: Boolean(tenant.apiwebToken) },
      activityFrom,
      now,
      sources: engine.neededSources(),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
    sink,
  );
  // What the client worked around (a pagination loop guard, a learned rate limit) can mean missing pages.
  for (const message of client.warnings().slice(clientWarningsBefore)) engine.warning({ code: 'CLIENT_WARNING', message });
  const outcome = engine.finish();
  const findings = [...outcome.findingsByRule.values()].flat();
  const result: AuditRunResult = {
    rules: outcome.rules,
    findingsByRule: outcome.findingsByRule,
    findings,
    warnings: outcome.warnings,
    stats: { ...outcome.stats, requests: requestStats(client) },
    policyLabel: policy.label,
  };
  // Without --previous the baseline is empty: every finding is new (INTERFACE.md `--fail-on new`), no summary.
  const diff = diffFindings(findings, previous ?? { findings: [] }, nowIso);
  if (previous) result.diff = diff;
  if (options.statePath) {
    const merged = mergeState(state, {
      now,
      seen: activity.observations(),
      ...(auditComplete ? { auditLog: { from: activityFrom, orgIds } } : {}),
    });
    await writeState(options.statePath, merged);
  }
  return result;
}

function sameOrgs(a: readonly string[], b: readonly string[]): boolean {
  const s = new Set(a);
  return a.length === b.length && b.every((x) => s.has(x));
}

function requestStats(client: TenantClient): Record<string, number> {
  const s = client.stats();
  const out: Record<string, number> = { requests: s.requests, retries: s.retries, rateLimited: s.rateLimited };
  for (const [api, n] of Object.entries(s.byApi)) out[`requests.${api}`] = n;
  if (s.pacedMs !== undefined) out.pacedMs = s.pacedMs;
  return out;
}
