import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttr, escapeXmlText, stripXmlInvalid } from '../../reporters/xml-escape.ts';
import { validateXml } from '../support/libxml2.ts';

const SEED = Number(process.env.FC_SEED ?? 20250301);

/** Decodes what the escapers produce: the five entities and numeric character references. */
function decode(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e] ?? '',
  );
}

describe('xml escaping', () => {
  it('should strip every character XML 1.0 forbids and keep everything else', () => {
    const forbidden = '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u001F\uDFFF\uD800\uFFFE\uFFFF';
    expect(stripXmlInvalid(`a${forbidden}b`)).toBe('ab');
    // Tab, LF, CR, a surrogate pair (astral emoji), U+FFFD and U+E000 are all allowed.
    const allowed = 'x\t\n\r😀\uFFFD\uE000\u007F\u0085é';
    expect(stripXmlInvalid(allowed)).toBe(allowed);
  });

  it('should escape markup in text and attributes and keep line breaks in attributes as references', () => {
    expect(escapeXmlText('<a href="x">&</a> ]]>')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt; ]]&gt;');
    expect(escapeXmlAttr(`"'<>&\t\n\r`)).toBe('&quot;&apos;&lt;&gt;&amp;&#9;&#10;&#13;');
  });

  it('should turn any string into text that a real XML parser accepts and decodes back', () => {
    console.log(`xml escaping property seed: ${SEED}`);
    const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { seed: SEED, numRuns: 400 });
    for (const s of samples) {
      expect(decode(escapeXmlText(s))).toBe(stripXmlInvalid(s));
      expect(decode(escapeXmlAttr(s))).toBe(stripXmlInvalid(s));
    }
    // One document with every sample, checked by libxml2 against a schema that accepts it.
    const dir = mkdtempSync(join(tmpdir(), 'stc-xml-'));
    const xsd = join(dir, 'r.xsd');
    writeFileSync(xsd, `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a" maxOccurs="unbounded"><xs:complexType mixed="true"><xs:attribute name="x" type="xs:string"/></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:schema>`);
    const doc = join(dir, 'r.xml');
    writeFileSync(doc, `<?xml version="1.0" encoding="UTF-8"?><r>${samples.map((s) => `<a x="${escapeXmlAttr(s)}">${escapeXmlText(s)}</a>`).join('')}</r>`);
    const result = validateXml(doc, xsd);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
