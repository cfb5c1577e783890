/**
 * libxml2, the library behind the `xmllint` command, compiled to WebAssembly (the libxml2-wasm npm package):
 * XSD validation and XPath 1.0 queries on a file, with a real XML parser independent of our writer. It comes
 * with `npm ci`, so no test needs a system binary.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XmlDocument, XmlLibError, XsdValidator } from 'libxml2-wasm';

/** The Jenkins/Surefire JUnit schema our junit.xml is checked against. */
const JUNIT_XSD = fileURLToPath(new URL('../reporters/junit.xsd', import.meta.url));

/** libxml2's verdict: `errors` holds its messages, one per problem, each prefixed with the line it found it on. */
interface XmlVerdict {
  ok: boolean;
  errors: string[];
}

function parse(file: string): XmlDocument {
  return XmlDocument.fromBuffer(readFileSync(file), { url: pathToFileURL(file).href });
}

/** libxml2's own messages from a parse or validation error (anything else is not a verdict and is rethrown). */
function messages(error: unknown): string[] {
  if (!(error instanceof XmlLibError)) throw error;
  return error.details.map((d) => `line ${d.line}: ${d.message.trim()}`);
}

/** Parses `file` and validates it against `schema`; a file that is not well-formed is a failed verdict too. */
export function validateXml(file: string, schema: string = JUNIT_XSD): XmlVerdict {
  const xsd = parse(schema);
  let validator: XsdValidator | undefined;
  let doc: XmlDocument | undefined;
  try {
    validator = XsdValidator.fromDoc(xsd);
    doc = parse(file);
    validator.validate(doc);
    return { ok: true, errors: [] };
  } catch (error) {
    return { ok: false, errors: messages(error) };
  } finally {
    doc?.dispose();
    validator?.dispose();
    xsd.dispose();
  }
}

/** Parses `file` only: the verdict of `xmllint --noout FILE`. */
export function wellFormed(file: string): XmlVerdict {
  try {
    parse(file).dispose();
    return { ok: true, errors: [] };
  } catch (error) {
    return { ok: false, errors: messages(error) };
  }
}

/** Evaluates an XPath 1.0 expression that yields a string, number or boolean, as `xmllint --xpath` prints it. */
export function xpath(file: string, expr: string): string {
  const doc = parse(file);
  try {
    const value = doc.eval(expr);
    if (typeof value === 'object') throw new Error(`xpath: ${expr} selects nodes; wrap it in string() or count()`);
    return String(value);
  } finally {
    doc.dispose();
  }
}
