/**
 * A JSON document with some of its arrays written lazily: the document is stringified (compact) with a
 * placeholder string where each such array goes, and the arrays' items, already JSON text, are produced one at a
 * time when the output reaches them. Used for the export whose one large array sits deep inside a document
 * (OSCAL's `assessment-results.results[0].observations`), which json-chunks.ts's pointers cannot reach through an
 * array. Joined, the chunks are the compact JSON of the document with the arrays in place.
 */

/** The placeholder to put in the document where the array named `key` goes. */
export function splicePlaceholder(key: string): string {
  return `\u0000splice:${key}`;
}

/** `arrays`: for each placeholder key, the items as JSON text. */
export function* jsonWithSplicedArrays(doc: unknown, arrays: Readonly<Record<string, Iterable<string>>>): Generator<string> {
  const text = JSON.stringify(doc);
  // JSON.stringify writes U+0000 as the escape \u0000, which no other string of the document can produce
  // unescaped, so the quoted placeholder occurs only where a placeholder value was.
  let last = 0;
  for (const match of text.matchAll(/"\\u0000splice:([^"]*)"/g)) {
    yield text.slice(last, match.index);
    last = match.index + match[0].length;
    let first = true;
    for (const item of arrays[match[1] as string] ?? []) {
      yield first ? `[${item}` : `,${item}`;
      first = false;
    }
    yield first ? '[]' : ']';
  }
  yield text.slice(last);
}
