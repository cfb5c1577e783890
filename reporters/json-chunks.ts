/**
 * JSON.stringify in chunks: the same text, produced piece by piece so a large document (results.json of a
 * 100k-user tenant) never exists as one string. The arrays named by `stream` (JSON Pointers) are written one
 * element per chunk; the objects on the way to them are written key by key; every other value is one
 * JSON.stringify call. Joined, the chunks equal `JSON.stringify(value, null, indent)` for JSON data (plain
 * objects, arrays, strings, finite numbers, booleans, null; undefined members left out as JSON.stringify does).
 */

export interface JsonChunksOptions {
  /** Indentation as JSON.stringify's `space` (a string of at most 10 characters); '' = compact. */
  indent?: string;
  /** JSON Pointers of the arrays written element by element, e.g. `/findings`, `/diff/resolvedFindings`. */
  stream?: readonly string[];
  /** Called with each element of a streamed array just before it is written; may throw to stop the output. */
  onItem?: (pointer: string, index: number, item: unknown) => void;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

export function* jsonChunks(value: unknown, options: JsonChunksOptions = {}): Generator<string> {
  const indent = options.indent ?? '';
  const streamed = new Set(options.stream ?? []);
  // Every object on the way to a streamed array is expanded: '/diff/resolvedFindings' expands '' and '/diff'.
  const expanded = new Set<string>();
  for (const pointer of streamed) {
    const parts = pointer.split('/');
    for (let i = 1; i < parts.length; i++) expanded.add(parts.slice(0, i).join('/'));
  }
  const colon = indent === '' ? ':' : ': ';

  function leaf(v: unknown, depth: number): string {
    const text = JSON.stringify(v, null, indent) ?? 'null';
    // Pretty output of a nested value: JSON.stringify indents from depth 0; a raw line break only ever appears
    // between tokens (inside strings it is the escape \n), so re-indenting every line is exact.
    return indent === '' || depth === 0 || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent.repeat(depth)}`);
  }

  function* write(v: unknown, pointer: string, depth: number): Generator<string> {
    if (!isPlainContainer(v) || (!expanded.has(pointer) && !streamed.has(pointer))) {
      yield leaf(v, depth);
      return;
    }
    const pad = indent === '' ? '' : `\n${indent.repeat(depth + 1)}`;
    const end = indent === '' ? '' : `\n${indent.repeat(depth)}`;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        yield '[]';
        return;
      }
      const each = streamed.has(pointer) ? options.onItem : undefined;
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        each?.(pointer, i, item);
        const text = omitted(item) ? 'null' : leaf(item, depth + 1);
        yield i === 0 ? `[${pad}${text}` : `,${pad}${text}`;
      }
      yield `${end}]`;
      return;
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const member = v[key];
      if (omitted(member)) continue;
      yield `${first ? '{' : ','}${pad}${JSON.stringify(key)}${colon}`;
      first = false;
      yield* write(member, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth + 1);
    }
    yield first ? '{}' : `${end}}`;
  }

  yield* write(value, '', 0);
}
