/**
 * Resolves what a finding inherits from its rule. The audit engine leaves `controls` and `title` out of a finding
 * when they equal its rule's (results.rules[] carries them once, instead of 57k copies in a 100k-user tenant's
 * results.json), so every report reads them through here: the finding's own value when it has one (older
 * results, a finding whose rule maps it differently), otherwise its rule's.
 */
import type { Control, Finding, RuleResult } from '../src/model/results.ts';

const NO_CONTROLS: readonly Control[] = Object.freeze([]);

/** A finding's title: its own, else its rule's, else the rule id (a rule missing from rules[]). */
export function findingTitle(finding: Finding, rule: RuleResult | undefined): string {
  return finding.title ?? rule?.title ?? finding.ruleId;
}

/** A finding's controls: its own list when it has one, otherwise its rule's. */
export function findingControls(finding: Finding, rule: RuleResult | undefined): readonly Control[] {
  return finding.controls ?? rule?.controls ?? NO_CONTROLS;
}

/**
 * Structural equality of two control lists (same controls, same order). Field by field on purpose: this runs
 * once per finding, and comparing JSON.stringify output allocated two strings per finding (the profile of the
 * 100k audit in docs/benchmarks.md).
 */
export function sameControls(a: readonly Control[] | undefined, b: readonly Control[] | undefined): boolean {
  const x = a ?? NO_CONTROLS;
  const y = b ?? NO_CONTROLS;
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const c = x[i] as Control;
    const d = y[i] as Control;
    if (c !== d && (c.framework !== d.framework || c.id !== d.id || c.relation !== d.relation || c.title !== d.title)) return false;
  }
  return true;
}

/** True when the finding carries controls of its own that differ from its rule's. */
export function hasOwnControls(finding: Finding, rule: RuleResult | undefined): boolean {
  return finding.controls !== undefined && !sameControls(finding.controls, rule?.controls);
}

/** True when the finding carries a title of its own that differs from its rule's. */
export function hasOwnTitle(finding: Finding, rule: RuleResult | undefined): boolean {
  return finding.title !== undefined && finding.title !== rule?.title;
}

/** The rules of a run by id, with the resolution above for a finding looked up by its ruleId. */
export class RuleIndex {
  readonly #rules: ReadonlyMap<string, RuleResult>;

  constructor(rules: readonly RuleResult[]) {
    this.#rules = new Map(rules.map((r) => [r.id, r] as const));
  }

  rule(ruleId: string): RuleResult | undefined {
    return this.#rules.get(ruleId);
  }

  title(finding: Finding): string {
    return findingTitle(finding, this.#rules.get(finding.ruleId));
  }

  controls(finding: Finding): readonly Control[] {
    return findingControls(finding, this.#rules.get(finding.ruleId));
  }
}
