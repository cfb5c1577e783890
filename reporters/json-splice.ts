/**
 * A JSON document with some of its arrays written lazily: the document is stringified with a placeholder
 * string where each such array goes, and the arrays' items are produced one at a time when the output reaches
 * them. Used for the exports whose one large array sits deep inside a document (OSCAL's
 * `assessment-results.results[0].observations`), which json-chunks.ts's pointers cannot reach through an array.
 * Joined, the chunks equal `JSON.stringify` of the document with the arrays in place (same `indent`).
 */

const MARK = '\u0000splice:';

/** The placeholder to put in the document where the array named `key` goes. */
export function splicePlaceholder(key: string): string {
  return `${MARK}${key}`;
}

export function* jsonWithSplicedArrays(doc: unknown, arrays: Readonly<Record<string, Iterable<unknown>>>, indent = ''): Generator<string> {
  const text = JSON.stringify(doc, null, indent);
  // JSON.stringify writes U+0000 as the escape \u0000, which no other string of the document can produce
  // unescaped, so the quoted placeholder occurs only where a placeholder value was.
  const pattern = /"\\u0000splice:([^"]*)"/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const key = match[1] as string;
    const at = match.index;
    yield text.slice(last, at);
    last = at + match[0].length;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const depth = indent === '' ? 0 : Math.round((text.slice(lineStart, at).match(/^ */)?.[0].length ?? 0) / indent.length);
    yield* arrayChunks(arrays[key] ?? [], indent, depth);
  }
  yield text.slice(last);
}

function* arrayChunks(items: Iterable<unknown>, indent: string, depth: number): Generator<string> {
  const pad = indent === '' ? '' : `\n${indent.repeat(depth + 1)}`;
  const end = indent === '' ? '' : `\n${indent.repeat(depth)}`;
  let first = true;
  for (const item of items) {
    let json = JSON.stringify(item, null, indent) ?? 'null';
    if (indent !== '' && json.includes('\n')) json = json.replaceAll('\n', `\n${indent.repeat(depth + 1)}`);
    yield `${first ? '[' : ','}${pad}${json}`;
    first = false;
  }
  yield first ? '[]' : `${end}]`;
}
