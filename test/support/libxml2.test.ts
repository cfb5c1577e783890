/**
 * The JUnit schema check runs on libxml2 compiled to WebAssembly (test/support/libxml2.ts): it must accept the
 * junit.xml we write and reject a broken one with libxml2's own message, or every junit test would pass vacuously.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderJunit } from '../../reporters/junit.ts';
import { normalResults } from '../reporters/results-builder.ts';
import { validateXml, wellFormed, xpath } from './libxml2.ts';

let dir: string;
function write(name: string, xml: string): string {
  const file = join(dir, name);
  writeFileSync(file, xml);
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stc-libxml2-'));
});

describe('libxml2 (WebAssembly) on junit.xml', () => {
  it('should accept the junit.xml we write', () => {
    const file = write('ours.xml', renderJunit(normalResults()));
    expect(validateXml(file)).toEqual({ ok: true, errors: [] });
  });

  it('should reject a junit.xml that breaks the schema with libxml2\'s message and line', () => {
    const broken = renderJunit(normalResults()).replace(/<testsuite name="[^"]*"/, '<testsuite');
    const file = write('no-suite-name.xml', broken);
    const verdict = validateXml(file);
    expect(verdict.ok).toBe(false);
    expect(verdict.errors).toEqual([expect.stringMatching(/^line \d+: Element 'testsuite': The attribute 'name' is required but missing\.$/)]);
  });

  it('should reject a document that is not well-formed with libxml2\'s parser message', () => {
    const file = write('unclosed.xml', '<testsuites>\n<testsuite name="a">\n</testsuites>\n');
    for (const verdict of [validateXml(file), wellFormed(file)]) {
      expect(verdict.ok).toBe(false);
      expect(verdict.errors[0]).toMatch(/^line 3: Opening and ending tag mismatch: testsuite line 2 and testsuites$/);
    }
    expect(wellFormed(write('fine.xml', '<a/>'))).toEqual({ ok: true, errors: [] });
  });

  it('should answer XPath counts and strings as xmllint --xpath prints them', () => {
    const file = write('xpath.xml', '<r n="x &amp; y"><a/><a/><a/></r>');
    expect(xpath(file, 'count(//a)')).toBe('3');
    expect(xpath(file, 'string(/r/@n)')).toBe('x & y');
    expect(xpath(file, 'count(//a) = 3')).toBe('true');
    expect(() => xpath(file, '//a')).toThrow(/selects nodes/);
  });
});
