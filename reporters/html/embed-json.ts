/**
 * Embeds data in an inert `<script type="application/json">` element. The browser never executes it, and the
 * HTML parser ends a script element only at `</script`, so escaping `<` is what keeps a tenant string like
 * `</script><script>alert(1)</script>` inside the JSON; `>` and `&` are escaped as well (no `-->`/`<!--`
 * script-data states, no entity surprises), and U+2028/U+2029 so the text is also a valid JS string literal.
 * All five escapes are valid JSON string escapes, and these characters only ever occur inside JSON strings.
 */
const SCRIPT_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Escapes JSON text (the output of JSON.stringify) for a script element. */
export function escapeJsonForScript(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c] ?? c);
}

export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('value is not serialisable as JSON');
  return escapeJsonForScript(json);
}
