/**
 * The audit policy: read from YAML or JSON (`--policy FILE`), validated against
 * schemas/policy.schema.json through the one ajv registry, then resolved into effective rule settings.
 *
 * Parameter precedence: a rule's built-in default < the strictest enabled profile < `thresholds` <
 * `rules.<id>.parameters`. Errors are PolicyError (POLICY_UNREADABLE when the file cannot be read,
 * POLICY_INVALID otherwise) naming the file, the JSONPath and the line of every problem.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Severity } from '../model/results.ts';
import { schemaId } from '../model/operations.ts';
import type { AuditPolicy, Exemption as ExemptionEntry, NamedAccount as NamedAccountEntry } from '../schema/generated/policy.ts';
import { schemas, type SchemaError } from '../schema/registry.ts';
import { RULES } from './catalog.ts';
import { PolicyError, type PolicyIssue } from './policy-error.ts';
import { jsonPath, lineOf, locateNode, pointerSegments } from './policy-locate.ts';
import { PROFILES, strictestInactiveDays, type ProfileId } from './profiles.ts';
import { defaultParams, type PolicyView, type RuleDefinition } from './rule.ts';

export const POLICY_SCHEMA_ID = schemaId('policy');

/** The policy document as written: the type generated from schemas/policy.schema.json. */
export type PolicyDocument = AuditPolicy;

export interface RuleSettingsEntry {
  enabled?: boolean;
  severity?: Severity;
  parameters?: Record<string, number>;
}

export type ExemptionKind = 'exemption' | 'break-glass' | 'service-account';

/** An exemption, break-glass or service-account entry, ready to match findings. */
export interface PolicyExemption {
  kind: ExemptionKind;
  /** Position in the policy (`$.exemptions[2]`) and its line, for warnings. */
  path: string;
  line?: number;
  rules: readonly string[];
  subject?: string;
  pattern?: RegExp;
  reason: string;
  owner?: string;
  ticket?: string;
  /** As written (YYYY-MM-DD). */
  expires?: string;
  /** End of the expiry day, UTC (exclusive), epoch ms. */
  expiresAt?: number;
}

export interface ResolvedRuleSettings {
  enabled: boolean;
  severity: Severity;
  params: Readonly<Record<string, number>>;
}

export interface ResolvedPolicy extends PolicyView {
  /** The policy file; undefined for the built-in defaults. */
  file?: string;
  /** What RunInfo.policy shows: the file (and profiles) or "built-in defaults". */
  label: string;
  profiles: readonly ProfileId[];
  rules: ReadonlyMap<string, ResolvedRuleSettings>;
  exemptions: readonly PolicyExemption[];
}

/** Rules a named account is exempt from when its entry lists none. */
export const DEFAULT_NAMED_ACCOUNT_RULES: Readonly<Record<'break-glass' | 'service-account', readonly string[]>> = {
  // Break-glass accounts are dormant by design (Maester #863); their MFA is still required.
  'break-glass': ['inactive-account', 'snyk-member-inactive'],
  'service-account': ['mfa-disabled', 'inactive-account', 'snyk-member-inactive'],
};

/** Reads and resolves a policy file; without a path, the built-in defaults. */
export async function loadPolicy(file?: string, rules: readonly RuleDefinition[] = RULES): Promise<ResolvedPolicy> {
  if (file === undefined) return defaultPolicy(rules);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new PolicyError('POLICY_UNREADABLE', file, [{ path: '$', pointer: '', message: `cannot read the file (${reason})` }], {
      cause: err,
    });
  }
  return parsePolicy(text, file, rules);
}

export function defaultPolicy(rules: readonly RuleDefinition[] = RULES): ResolvedPolicy {
  return resolvePolicy({}, undefined, undefined, rules);
}

/** Parses policy text (YAML or JSON); `file` is only used in messages. */
export function parsePolicy(text: string, file: string, rules: readonly RuleDefinition[] = RULES): ResolvedPolicy {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues: PolicyIssue[] = doc.errors.map((e) => {
      const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      const issue: PolicyIssue = { path: '$', pointer: '', message: `not valid YAML or JSON: ${first}` };
      const pos = e.linePos?.[0];
      if (pos) {
        issue.line = pos.line;
        issue.column = pos.col;
      }
      return issue;
    });
    throw new PolicyError('POLICY_INVALID', file, issues);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  const result = schemas().validate(POLICY_SCHEMA_ID, value ?? null);
  if (!result.valid) throw new PolicyError('POLICY_INVALID', file, schemaIssues(result.errors, doc, lines));
  const policy = value as PolicyDocument;
  const issues: PolicyIssue[] = [];
  const located = (pointer: string, message: string): PolicyIssue => issueAt(doc, lines, pointer, message);
  for (const [list, entries] of [
    ['exemptions', policy.exemptions],
    ['breakGlass', policy.breakGlass],
    ['serviceAccounts', policy.serviceAccounts],
  ] as const) {
    (entries ?? []).forEach((entry, i) => {
      if (entry.subjectPattern === undefined) return;
      try {
        new RegExp(entry.subjectPattern, 'iu');
      } catch (err) {
        issues.push(located(`/${list}/${i}/subjectPattern`, `not a valid regular expression: ${(err as Error).message}`));
      }
    });
  }
  if (issues.length > 0) throw new PolicyError('POLICY_INVALID', file, issues);
  return resolvePolicy(policy, file, { doc, lines }, rules);
}

function issueAt(doc: Document, lines: LineCounter, pointer: string, message: string, key?: string): PolicyIssue {
  const segments = pointerSegments(pointer);
  const found = locateNode(doc, segments, key);
  const pathSegments = key === undefined ? segments : [...segments, key];
  const arrayIndexes = key === undefined ? found.arrayIndexes : [...found.arrayIndexes, false];
  const issue: PolicyIssue = {
    path: jsonPath(pathSegments, arrayIndexes),
    pointer: key === undefined ? pointer : `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    message,
  };
  const pos = lineOf(found.keyNode ?? found.node, lines);
  if (pos) {
    issue.line = pos.line;
    issue.column = pos.column;
  }
  return issue;
}

/** ajv errors → issues; `oneOf` branch noise is folded into the `oneOf` error and its `x-message`. */
function schemaIssues(errors: readonly SchemaError[], doc: Document, lines: LineCounter): PolicyIssue[] {
  const oneOfAt = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => `${e.instancePath}|${e.schemaPath}`));
  const issues: PolicyIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const branch = /^(.*\/oneOf)\/\d+\//.exec(e.schemaPath);
    if (branch && oneOfAt.has(`${e.instancePath}|${branch[1]}`)) continue;
    let message = e.message;
    let key: string | undefined;
    switch (e.keyword) {
      case 'additionalProperties':
        key = String(e.params.additionalProperty);
        message = `unknown property "${key}"`;
        break;
      case 'required':
        message = `missing required property "${String(e.params.missingProperty)}"`;
        break;
      case 'enum':
        message = `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'const':
        message = `must be ${JSON.stringify(e.params.allowedValue)}`;
        break;
      case 'oneOf':
        message = schemaMessage(pointerSegments(e.instancePath)) ?? message;
        break;
      default:
        break;
    }
    const issue = issueAt(doc, lines, e.instancePath, message, key);
    const dedupe = `${issue.pointer}|${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    issues.push(issue);
  }
  return issues;
}

/**
 * The `x-message` keyword of the policy-schema node that describes an instance location (ajv reports
 * `schemaPath` relative to a `$ref` target, so the node is found by walking the instance path instead).
 */
function schemaMessage(segments: readonly string[]): string | undefined {
  const root = schemas().schema(POLICY_SCHEMA_ID);
  const deref = (node: unknown): Record<string, unknown> | undefined => {
    let n = node as Record<string, unknown> | undefined;
    for (let i = 0; i < 10 && typeof n?.$ref === 'string' && n.$ref.startsWith('#/'); i++) {
      let target: unknown = root;
      for (const seg of pointerSegments(n.$ref.slice(1))) target = (target as Record<string, unknown> | undefined)?.[seg];
      n = target as Record<string, unknown> | undefined;
    }
    return n;
  };
  let node = deref(root);
  for (const seg of segments) {
    if (!node) return undefined;
    const props = node.properties as Record<string, unknown> | undefined;
    node = deref(/^\d+$/.test(seg) && node.items !== undefined ? node.items : (props?.[seg] ?? node.additionalProperties));
  }
  const msg = node?.['x-message'];
  return typeof msg === 'string' ? msg : undefined;
}

/** End of an expiry day (UTC, exclusive): an exemption `expires: 2025-01-31` holds through 31 January. */
export function expiryInstant(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1);
}

function resolvePolicy(
  policy: PolicyDocument,
  file: string | undefined,
  source: { doc: Document; lines: LineCounter } | undefined,
  rules: readonly RuleDefinition[],
): ResolvedPolicy {
  const profiles = [...new Set([...(policy.profile ? [policy.profile] : []), ...(policy.profiles ?? [])])];
  const profileDays = strictestInactiveDays(profiles);
  const t = policy.thresholds ?? {};
  // What the profile and the thresholds say, by rule and parameter.
  const overrides: Record<string, Record<string, number | undefined>> = {
    'inactive-account': { maxInactiveDays: t.inactiveDays ?? profileDays },
    'snyk-member-inactive': { maxInactiveDays: t.memberInactiveDays ?? t.inactiveDays ?? profileDays },
    'stale-provision': { maxAgeDays: t.staleProvisionDays },
    'too-many-billing-admins': { maxBillingAdmins: t.maxBillingAdmins },
  };
  const resolved = new Map<string, ResolvedRuleSettings>();
  for (const rule of rules) {
    const settings = (policy.rules as Readonly<Record<string, RuleSettingsEntry>> | undefined)?.[rule.id] ?? {};
    const params = defaultParams(rule);
    for (const [name, value] of Object.entries(overrides[rule.id] ?? {})) {
      if (value !== undefined && name in params) params[name] = value;
    }
    for (const [name, value] of Object.entries(settings.parameters ?? {})) {
      if (name in params) params[name] = value;
    }
    resolved.set(rule.id, { enabled: settings.enabled ?? true, severity: settings.severity ?? rule.severity, params });
  }
  const line = (pointer: string): number | undefined => {
    if (!source) return undefined;
    return lineOf(locateNode(source.doc, pointerSegments(pointer)).node, source.lines)?.line;
  };
  const exemptions: PolicyExemption[] = [];
  const compile = (
    kind: ExemptionKind,
    list: string,
    i: number,
    entry: NamedAccountEntry | ExemptionEntry,
    ruleIds: readonly string[],
  ): void => {
    const e: PolicyExemption = { kind, path: `$.${list}[${i}]`, rules: ruleIds, reason: entry.reason, owner: entry.owner };
    const l = line(`/${list}/${i}`);
    if (l !== undefined) e.line = l;
    if (entry.subject !== undefined) e.subject = entry.subject;
    if (entry.subjectPattern !== undefined) e.pattern = new RegExp(`^(?:${entry.subjectPattern})$`, 'iu');
    if (entry.ticket !== undefined) e.ticket = entry.ticket;
    if (entry.expires !== undefined) {
      e.expires = entry.expires;
      const at = expiryInstant(entry.expires);
      if (at !== undefined) e.expiresAt = at;
    }
    exemptions.push(e);
  };
  (policy.breakGlass ?? []).forEach((a, i) => compile('break-glass', 'breakGlass', i, a, a.rules ?? DEFAULT_NAMED_ACCOUNT_RULES['break-glass']));
  (policy.serviceAccounts ?? []).forEach((a, i) =>
    compile('service-account', 'serviceAccounts', i, a, a.rules ?? DEFAULT_NAMED_ACCOUNT_RULES['service-account']),
  );
  (policy.exemptions ?? []).forEach((x, i) => compile('exemption', 'exemptions', i, x, [x.rule]));
  const label =
    file === undefined
      ? 'built-in defaults'
      : profiles.length > 0
        ? `${file} (profile ${profiles.map((p) => PROFILES[p].id).join(', ')})`
        : file;
  const out: ResolvedPolicy = {
    label,
    profiles,
    rules: resolved,
    allowedDomains: policy.allowedDomains ?? [],
    adminRolePublicIds: policy.adminRolePublicIds ?? [],
    exemptions,
  };
  if (file !== undefined) out.file = file;
  return out;
}
