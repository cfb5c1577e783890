/** Runs Debian's xmllint (libxml2-utils; .ci/run installs it) on a file: schema validation and XPath queries. */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const JUNIT_XSD = fileURLToPath(new URL('./junit.xsd', import.meta.url));

/** Validates a file; resolves with xmllint's verdict and messages (errors are data, the test asserts them). */
export function xmllintValidate(file: string, schema: string = JUNIT_XSD): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`xmllint could not run (install libxml2-utils): ${r.error.message}`, { cause: r.error });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Evaluates an XPath 1.0 expression with xmllint (a real XML parser, independent of the writer). */
export function xpath(file: string, expr: string): string {
  return execFileSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();
}
