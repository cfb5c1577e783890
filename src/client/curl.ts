/**
 * A runnable curl command for an exchange record. The record is already redacted: each `[redacted:VAR]`
 * marker becomes a reference to that environment variable (`"$SNYK_TOKEN"`), so the command works for
 * whoever holds the token and shows it to nobody. Everything else is single-quoted for a POSIX shell.
 */
import type { Exchange } from '../model/results.ts';

const MARKER = /\[redacted:([A-Z][A-Z0-9_]*)\]/g;
/** Headers curl sets itself or that would be wrong when replayed. */
const SKIPPED = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/** Single-quotes literal text; markers become double-quoted variable references. */
export function shellWord(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const literal = text.slice(last, m.index);
    if (literal) out += singleQuote(literal);
    out += `"$${m[1]}"`;
    last = m.index + m[0].length;
  }
  const tail = text.slice(last);
  if (tail || !out) out += singleQuote(tail);
  return out;
}

function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(exchange: Exchange): string {
  const parts = [
    'curl',
    '--silent',
    '--show-error',
    '--include',
    '--request',
    exchange.method,
    shellWord(exchange.url),
  ];
  for (const [name, value] of Object.entries(exchange.requestHeaders ?? {})) {
    if (SKIPPED.has(name.toLowerCase())) continue;
    parts.push('--header', shellWord(`${name}: ${value}`));
  }
  if (exchange.requestBody !== undefined) {
    // An excerpt cut at 2 KB says so at its end; the command then sends the excerpt, marked as such.
    parts.push('--data-binary', shellWord(exchange.requestBody));
  }
  return parts.join(' ');
}
