/**
 * XML 1.0 escaping for junit.xml. Tenant strings (names, emails, labels) can hold anything, including
 * characters an XML 1.0 document may not contain at all, even escaped (XML 1.0 §2.2 `Char`):
 * #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Those are stripped (C0 controls other
 * than tab/LF/CR, lone UTF-16 surrogates, U+FFFE, U+FFFF); everything else is escaped.
 */

// With the `u` flag a lone surrogate is one code point outside every allowed range, so it is matched too.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// A cheap pre-check without the `u` flag: any UTF-16 unit that could be part of a forbidden character (surrogates
// included, paired or not). Almost no tenant string has one, so the code-point scan above runs rarely; junit.xml
// of a 100k-user tenant escapes ~57k bodies.
const MAYBE_XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// The same pre-check plus the characters each escape function replaces: one scan tells most strings are done.
const TEXT_SPECIAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>\r]/;
const ATTR_SPECIAL = /[\u0000-\u000D\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>"']/;

/** Removes every character XML 1.0 forbids. */
export function stripXmlInvalid(value: string): string {
  return MAYBE_XML_INVALID.test(value) ? value.replace(XML_INVALID, '') : value;
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Attribute-value normalisation (XML 1.0 §3.3.3) turns literal tab/LF/CR into spaces; references survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes element text. `>` is escaped too so `]]>` can never appear; CR is kept as a reference. */
export function escapeXmlText(value: string): string {
  if (!TEXT_SPECIAL.test(value)) return value;
  return stripXmlInvalid(value).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Escapes a double- or single-quoted attribute value, keeping tabs and line breaks. */
export function escapeXmlAttr(value: string): string {
  if (!ATTR_SPECIAL.test(value)) return value;
  return stripXmlInvalid(value).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}
