import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/model/results.ts';
import { renderJunit } from '../../reporters/junit.ts';
import { renderResultsJson } from '../../reporters/json.ts';
import { subjectLabel } from '../../reporters/subject-label.ts';
import { stripXmlInvalid } from '../../reporters/xml-escape.ts';
import { HOSTILE, OWN_TITLE, emptyResults, hostileResults, inheritanceResults, largeResults, normalResults, withRuleCopies, withoutRuleCopies } from './results-builder.ts';
import { validateXml, xpath } from '../support/libxml2.ts';

let dir: string;
function write(name: string, results: RunResults): string {
  renderResultsJson(results); // every fixture must itself be valid results (throws loudly if not)
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, renderJunit(results));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stc-junit-'));
});

describe('renderJunit', () => {
  it('should be valid against the Jenkins/Surefire JUnit schema for normal, empty, hostile and large runs', () => {
    const seed = 7;
    console.log(`large fixture seed: ${seed}`);
    for (const [name, results] of [
      ['normal', normalResults()],
      ['empty', emptyResults()],
      ['hostile', hostileResults()],
      ['large', largeResults({ seed, findings: 20_000 })],
      ['large-inheriting', withoutRuleCopies(largeResults({ seed, findings: 5_000 }))],
      ['inheritance', inheritanceResults()],
    ] as const) {
      const file = write(name, results);
      const verdict = validateXml(file);
      expect(verdict.errors, name).toEqual([]);
      expect(verdict.ok, name).toBe(true);
    }
  });

  it('should give each check family and each rule a suite with counts that match its testcases', () => {
    const results = normalResults();
    const file = write('counts', results);
    const suites = xpath(file, 'count(//testsuite)');
    // run + 4 check families + 6 rules
    expect(Number(suites)).toBe(1 + 4 + 6);
    for (const name of ['contract.conformance', 'audit.mfa-disabled', 'audit.inactive-account', 'audit.deactivated-with-roles', 'run']) {
      const s = `//testsuite[@name="${name}"]`;
      expect(xpath(file, `string(${s}/@tests)`), name).toBe(xpath(file, `count(${s}/testcase)`));
      expect(xpath(file, `string(${s}/@failures)`), name).toBe(xpath(file, `count(${s}/testcase/failure)`));
      expect(xpath(file, `string(${s}/@errors)`), name).toBe(xpath(file, `count(${s}/testcase/error)`));
      expect(xpath(file, `string(${s}/@skipped)`), name).toBe(xpath(file, `count(${s}/testcase/skipped)`));
    }
    expect(xpath(file, 'string(/testsuites/@tests)')).toBe(xpath(file, 'count(//testcase)'));
    expect(xpath(file, 'string(/testsuites/@failures)')).toBe(xpath(file, 'count(//failure)'));
    expect(xpath(file, 'string(/testsuites/@errors)')).toBe(xpath(file, 'count(//error)'));
    expect(xpath(file, 'string(/testsuites/@time)')).toBe('72.500');
  });

  it('should map fail to failure with evidence, exempt to skipped with the reason, unknown to error', () => {
    const file = write('outcomes', normalResults());
    const s = '//testsuite[@name="audit.mfa-disabled"]';
    expect(xpath(file, `count(${s}/testcase)`)).toBe('7');
    expect(xpath(file, `count(${s}/testcase/failure)`)).toBe('5');
    const failure = xpath(file, `string(${s}/testcase[@name="apiweb-user user2@example.com (id u1002)"]/failure)`);
    expect(failure).toContain('Evidence source: GET /users/');
    expect(failure).toContain('Evidence field mfa_enabled: false');
    expect(xpath(file, `string(${s}/testcase[@name="apiweb-user user2@example.com (id u1002)"]/failure/@type)`)).toBe('high');
    expect(xpath(file, `string(${s}/testcase/skipped/@message)`)).toBe('break-glass: Break-glass account kept in the safe (expires 2025-12-31)');
    expect(xpath(file, `string(${s}/testcase/error/@message)`)).toBe('unknown: mfa_enabled missing from the response');
    // A passing rule has no findings but is still one passing test.
    expect(xpath(file, 'count(//testsuite[@name="audit.deactivated-with-roles"]/testcase[not(*)])')).toBe('1');
    // Contract outcomes: failed, error, skipped.
    expect(xpath(file, 'string(//testsuite[@name="contract.conformance"]/testcase/failure)')).toContain("Reproduction: curl -sS");
    expect(xpath(file, 'count(//testsuite[@name="contract.negative"]/testcase/error)')).toBe('1');
    expect(xpath(file, 'string(//testsuite[@name="contract.stateful"]/testcase/skipped/@message)')).toBe('SNYK_TEST_USER_ID is not set');
  });

  it('should carry seed, operation, severity and control ids as suite properties', () => {
    const file = write('props', normalResults());
    const p = (suite: string, name: string): string =>
      xpath(file, `concat(${Array.from({ length: 6 }, (_, i) => `string(//testsuite[@name="${suite}"]/properties/property[@name="${name}"][${i + 1}]/@value), "|"`).join(',')})`);
    expect(p('audit.mfa-disabled', 'seed')).toMatch(/^424242\|/);
    expect(p('audit.mfa-disabled', 'severity')).toMatch(/^high\|/);
    expect(p('audit.mfa-disabled', 'control')).toBe('CIS Controls v8 6.3 (direct)|NIST SP 800-53 r5 IA-2(2) (direct)|PCI DSS v4.0.1 8.4.2 (direct)|SOC 2 CC6.1 (supporting)|||');
    expect(p('audit.mfa-disabled', 'operation')).toMatch(/^GET \/users\/\|/);
    expect(p('contract.conformance', 'operation')).toBe('GET /rest/self|GET /v1/org/{orgId}/provision|GET /users/||||');
  });

  it('should strip XML-invalid characters and escape markup so a parser reads the hostile strings back as text', () => {
    const results = hostileResults();
    const file = write('hostile-text', results);
    const xml = renderJunit(results);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\uFFFE\uFFFF\uD800]/);
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('<script');
    const first = results.findings[0];
    if (!first) throw new Error('fixture has findings');
    expect(xpath(file, 'string(//testsuite[@name="audit.mfa-disabled"]/testcase[1]/@name)')).toBe(subjectLabel(first.subject));
    const second = results.findings[1];
    if (!second) throw new Error('fixture has findings');
    expect(xpath(file, 'string(//testsuite[@name="audit.mfa-disabled"]/testcase[2]/@name)')).toBe(stripXmlInvalid(subjectLabel(second.subject)));
    expect(xpath(file, `string(//testsuite[starts-with(@name, 'audit.<img src=x')]/@name)`)).toBe(`audit.${HOSTILE.img}`);
  });

  it('should mark a partial run with an erroring run testcase and a partial suite name', () => {
    const results = normalResults();
    results.run.partial = true;
    results.run.partialReason = 'interrupted by SIGINT';
    const file = write('partial', results);
    expect(xpath(file, 'string(/testsuites/@name)')).toBe('snyk-tenant-check (partial run)');
    expect(xpath(file, 'string(//testsuite[@name="run"]/testcase/error/@message)')).toBe('partial run: interrupted by SIGINT');
    expect(xpath(file, 'string(//testsuite[@name="run"]/properties/property[@name="partial"]/@value)')).toBe('true');
  });

  it('should take a finding\'s controls and title from its rule when it has none, and show its own when it has them', () => {
    const results = inheritanceResults();
    const file = write('inheritance', results);
    const mfa = '//testsuite[@name="audit.mfa-disabled"]';
    const controls = (suite: string): string => xpath(file, `concat(${Array.from({ length: 6 }, (_, i) => `string(${suite}/properties/property[@name="control"][${i + 1}]/@value), "|"`).join(',')})`);
    // The rule's controls, then the one control a finding carries of its own.
    expect(controls(mfa)).toBe('CIS Controls v8 6.3 (direct)|NIST SP 800-53 r5 IA-2(2) (direct)|PCI DSS v4.0.1 8.4.2 (direct)|SOC 2 CC6.1 (supporting)|Internal policy SEC-7 (supporting)||');
    // u1: no message, no title of its own: the rule's title is the message; no Controls line (they are the suite's).
    const u1 = `${mfa}/testcase[@name="apiweb-user u1@example.com (id u1)"]/failure`;
    expect(xpath(file, `string(${u1}/@message)`)).toBe('MFA disabled');
    expect(xpath(file, `string(${u1})`)).toContain('Rule: mfa-disabled (MFA disabled)');
    expect(xpath(file, `string(${u1})`)).not.toMatch(/Controls:|Title:/);
    // u2: its own title and controls are in its body.
    const u2 = xpath(file, `string(${mfa}/testcase[@name="apiweb-user u2@example.com (id u2)"]/failure)`);
    expect(u2).toContain(`Title: ${OWN_TITLE}`);
    expect(u2).toContain('Controls: Internal policy SEC-7 (supporting)');
    // u4's rule is not in rules[]: the suite takes the controls its findings carry.
    expect(controls('//testsuite[@name="audit.orphan-rule"]')).toBe('Internal policy SEC-7 (supporting)||||||');
    expect(xpath(file, 'string(//testsuite[@name="audit.orphan-rule"]/testcase/failure)')).toContain('Rule: orphan-rule (Rule outside the catalogue)');
  });

  it('should write the same junit.xml whether findings carry copies of their rule\'s controls and title or not', () => {
    for (const results of [normalResults(), inheritanceResults(), largeResults({ seed: 3, findings: 1_000 })]) {
      expect(renderJunit(withoutRuleCopies(results))).toBe(renderJunit(withRuleCopies(results)));
    }
  });
});

