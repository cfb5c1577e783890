/**
 * The audit engine: receives inventory records one at a time (it is the collector's sink), routes each to the
 * enabled rules that read its source, turns fail/unknown verdicts into findings (severity, evidence,
 * fingerprint, exemption) and, at the end, gives each rule its outcome. Memory grows with the findings, not
 * with the tenant: a clean record leaves nothing behind but counters, and a finding holds copies of the judged
 * values, never the raw API object. A finding does not repeat its rule's title and controls: the RuleResult
 * carries them once (a finding names controls only when they differ from its rule's).
 *
 * Rule outcome: `skipped` when disabled or not configured; `fail` when a finding fails; `unknown` when a
 * finding is unknown or a source the rule reads could not be read completely (never `pass` on missing
 * data); otherwise `pass`.
 */
import type { Control, Finding, RuleResult, Warning } from '../model/results.ts';
import type { ActivityIndex } from './activity.ts';
import { RULES } from './catalog.ts';
import { ExemptionBook, NO_MATCH } from './exemptions.ts';
import { sortByFingerprint } from './finding-order.ts';
import { fingerprint } from './fingerprint.ts';
import { SOURCE_NAMES, SOURCE_OPERATIONS, type InventoryRecord, type SourceName } from './inventory.ts';
import type { ResolvedPolicy, ResolvedRuleSettings } from './policy.ts';
import type { Judgement, RuleContext, RuleDefinition, RuleEvaluator, SourceStatus, Verdict } from './rule.ts';
import { StatsCollector } from './stats.ts';

/** Where the collector delivers the inventory. */
export interface InventorySink {
  record(record: InventoryRecord): void;
  /** The final status of a source (every source gets one before `finish`). */
  sourceStatus(source: SourceName, status: SourceStatus, reason?: string): void;
  warning(warning: Warning): void;
}

export interface EngineOptions {
  policy: ResolvedPolicy;
  now: number;
  activity: ActivityIndex;
  rules?: readonly RuleDefinition[];
  /** Keep API & Web last logins for the last-seen state (only when a state file is kept). */
  trackApiwebLogins?: boolean;
}

interface RuleSlot {
  def: RuleDefinition;
  settings: ResolvedRuleSettings;
  skipped?: string;
  /** A rule that threw is stopped and reported unknown (a crashing rule never crashes the audit). */
  error?: string;
  evaluator?: RuleEvaluator;
  counts: RuleResult['counts'];
  findings: Finding[];
  fingerprints: Set<string>;
}

export interface AuditOutcome {
  rules: RuleResult[];
  /** Findings per rule id, in catalog order; each list sorted by fingerprint (deterministic reports). */
  findingsByRule: Map<string, Finding[]>;
  warnings: Warning[];
  stats: ReturnType<StatsCollector['stats']>;
}

export class AuditEngine implements InventorySink {
  readonly #slots: RuleSlot[];
  readonly #bySource = new Map<SourceName, RuleSlot[]>();
  readonly #status = new Map<SourceName, { status: SourceStatus; reason?: string }>();
  readonly #warnings: Warning[] = [];
  readonly #exemptions: ExemptionBook;
  readonly #stats: StatsCollector;
  readonly #activity: ActivityIndex;
  readonly #trackLogins: boolean;
  #finished = false;

  constructor(options: EngineOptions) {
    const { policy, now, activity } = options;
    this.#activity = activity;
    this.#trackLogins = options.trackApiwebLogins ?? false;
    this.#exemptions = new ExemptionBook(policy.exemptions, now);
    this.#stats = new StatsCollector(now);
    for (const s of SOURCE_NAMES) this.#status.set(s, { status: 'pending' });
    this.#slots = (options.rules ?? RULES).map((def) => {
      const settings = policy.rules.get(def.id) ?? { enabled: true, severity: def.severity, params: {} };
      const slot: RuleSlot = { def, settings, counts: { evaluated: 0, fail: 0, exempt: 0, unknown: 0 }, findings: [], fingerprints: new Set() };
      if (!settings.enabled) slot.skipped = 'disabled by the policy';
      else {
        const reason = def.notConfigured?.(policy);
        if (reason) slot.skipped = reason;
      }
      if (slot.skipped === undefined) {
        const ctx: RuleContext = {
          now,
          params: settings.params,
          policy,
          activity,
          sourceStatus: (s) => this.#status.get(s)?.status ?? 'pending',
        };
        slot.evaluator = def.evaluate(ctx);
        for (const s of def.sources) {
          const list = this.#bySource.get(s) ?? [];
          list.push(slot);
          this.#bySource.set(s, list);
        }
      }
      return slot;
    });
  }

  /** The sources some enabled rule reads (the collector skips the others). */
  neededSources(): Set<SourceName> {
    return new Set(this.#bySource.keys());
  }

  record(record: InventoryRecord): void {
    if (this.#finished) throw new Error('AuditEngine: record after finish');
    this.#stats.observe(record);
    if (record.kind === 'activity') this.#activity.add(record);
    else if (record.kind === 'activity-lookup') this.#activity.addLookup(record);
    else if (this.#trackLogins && record.kind === 'apiweb-user' && record.id && typeof record.lastLogin === 'number') {
      this.#activity.addApiwebLogin(record.id, record.lastLogin);
    }
    const slots = this.#bySource.get(record.from);
    if (!slots) return;
    for (const slot of slots) {
      if (slot.error !== undefined) continue;
      try {
        this.#take(slot, slot.evaluator?.observe(record));
      } catch (err) {
        slot.error = (err as Error).message ?? String(err);
      }
    }
  }

  sourceStatus(source: SourceName, status: SourceStatus, reason?: string): void {
    const entry: { status: SourceStatus; reason?: string } = { status };
    if (reason !== undefined) entry.reason = reason;
    this.#status.set(source, entry);
  }

  warning(warning: Warning): void {
    this.#warnings.push(warning);
  }

  #take(slot: RuleSlot, verdict: Verdict): void {
    if (verdict === undefined) return;
    slot.counts.evaluated++;
    if (verdict === 'pass') return;
    this.#addFinding(slot, verdict);
  }

  #addFinding(slot: RuleSlot, j: Judgement): void {
    const fp = fingerprint(slot.def.id, j.subject);
    // One finding per subject per rule: a member seen in several orgs is judged once (one hash lookup).
    const known = slot.fingerprints.size;
    if (slot.fingerprints.add(fp).size === known) {
      slot.counts.evaluated--;
      return;
    }
    // The rule's title and controls travel once, in its RuleResult; a finding names its own controls only
    // when they differ from the rule's (the reporters resolve the rest from the rule).
    const finding: Finding = {
      ruleId: slot.def.id,
      outcome: j.outcome,
      severity: slot.settings.severity,
      subject: j.subject,
      message: j.message,
      evidence: j.evidence,
      fingerprint: fp,
    };
    if (j.controls !== undefined && !sameControls(j.controls, slot.def.controls)) finding.controls = [...j.controls];
    const match = this.#exemptions.match(slot.def.id, j.subject);
    if (match === NO_MATCH) {
      if (j.outcome === 'fail') slot.counts.fail++;
      else slot.counts.unknown++;
      slot.findings.push(finding);
      return;
    }
    const applied = match.valid ?? match.expired;
    if (applied) {
      finding.exemption = { reason: applied.reason, kind: applied.kind };
      if (applied.owner !== undefined) finding.exemption.owner = applied.owner;
      if (applied.ticket !== undefined) finding.exemption.ticket = applied.ticket;
      if (applied.expires !== undefined) finding.exemption.expires = applied.expires;
    }
    if (match.valid) {
      finding.message = `${j.message} (exempt: ${match.valid.kind} ${match.valid.path}${j.outcome === 'unknown' ? '; outcome would be unknown' : ''})`;
      finding.outcome = 'exempt';
      slot.counts.exempt++;
    } else {
      if (match.expired) finding.message = `${j.message} (exemption ${match.expired.path} expired on ${match.expired.expires})`;
      if (finding.outcome === 'fail') slot.counts.fail++;
      else slot.counts.unknown++;
    }
    slot.findings.push(finding);
  }

  finish(): AuditOutcome {
    if (this.#finished) throw new Error('AuditEngine: finish called twice');
    for (const slot of this.#slots) {
      if (slot.error !== undefined) continue;
      try {
        for (const v of slot.evaluator?.finish?.() ?? []) this.#take(slot, v);
      } catch (err) {
        slot.error = (err as Error).message ?? String(err);
      }
    }
    this.#finished = true;
    this.#stats.set('auditLogActiveUsers', this.#activity.users);
    const warnings = [...this.#warnings];
    const rules: RuleResult[] = [];
    const findingsByRule = new Map<string, Finding[]>();
    for (const slot of this.#slots) {
      const { def } = slot;
      const result: RuleResult = {
        id: def.id,
        title: def.title,
        severity: slot.settings.severity,
        rationale: def.rationale,
        remediation: def.remediation,
        controls: [...def.controls],
        outcome: 'pass',
        counts: slot.counts,
      };
      const limits = def.limits?.(slot.settings.params) ?? [];
      if (slot.skipped !== undefined) {
        result.outcome = 'skipped';
        // The reason travels in limits (and the skipped test's note); a warning on every default run is noise.
        limits.unshift(slot.skipped);
      } else {
        const statuses = def.sources.map((s) => ({ source: s, ...(this.#status.get(s) ?? { status: 'pending' as const }) }));
        const incomplete = statuses.filter((s) => s.status === 'unavailable' || s.status === 'partial' || s.status === 'pending');
        const allSkipped = statuses.every((s) => s.status === 'skipped');
        for (const s of statuses) {
          if (s.status === 'ok') continue;
          limits.push(`${SOURCE_OPERATIONS[s.source]}: ${describeStatus(s.status)}${s.reason ? ` (${s.reason})` : ''}`);
        }
        if (slot.error !== undefined) {
          limits.push(`the rule failed while judging: ${slot.error}`);
          warnings.push({ code: 'RULE_ERROR', message: `${def.id} stopped with an error: ${slot.error}`, ruleId: def.id });
        }
        if (slot.counts.fail > 0) result.outcome = 'fail';
        else if (incomplete.length > 0 || allSkipped || slot.counts.unknown > 0 || slot.error !== undefined) result.outcome = 'unknown';
        if ((incomplete.length > 0 || allSkipped) && result.outcome !== 'fail') {
          const what = (allSkipped ? statuses : incomplete).map((s) => `${SOURCE_OPERATIONS[s.source]} ${describeStatus(s.status)}`);
          warnings.push({ code: 'RULE_UNKNOWN', message: `${def.id} cannot pass: ${what.join('; ')}`, ruleId: def.id });
        }
      }
      if (limits.length > 0) result.limits = limits;
      rules.push(result);
      // Code-unit order of the hex fingerprints: the order localeCompare gave, at a fraction of the cost.
      findingsByRule.set(def.id, sortByFingerprint(slot.findings));
      slot.findings = [];
      slot.fingerprints.clear();
    }
    warnings.push(...this.#exemptions.warnings());
    return { rules, findingsByRule, warnings, stats: this.#stats.stats() };
  }
}

/** Same framework, id and relation in the same order (a rule's own list is compared by reference first). */
export function sameControls(a: readonly Control[], b: readonly Control[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.framework !== y.framework || x.id !== y.id || x.relation !== y.relation || x.title !== y.title) return false;
  }
  return true;
}

function describeStatus(status: SourceStatus): string {
  switch (status) {
    case 'unavailable':
      return 'could not be read';
    case 'partial':
      return 'read only in part';
    case 'skipped':
      return 'not configured';
    case 'pending':
      return 'not collected';
    default:
      return status;
  }
}
