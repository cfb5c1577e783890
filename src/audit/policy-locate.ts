/**
 * Maps a JSON Pointer into a parsed YAML/JSON document back to its line and column, so a policy error can
 * name the line to fix. The `yaml` package parses JSON too (JSON is YAML 1.2), so one path serves both.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `$.exemptions[0].expires`, `$.rules['mfa-disabled'].severity`. */
export function jsonPath(segments: readonly string[], arrayIndexes: readonly boolean[] = []): string {
  let out = '$';
  segments.forEach((seg, i) => {
    if (arrayIndexes[i] ?? /^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += `.${seg}`;
    else out += `['${seg.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  });
  return out;
}

const keyOf = (key: unknown): string | undefined => {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
};

interface Located {
  node?: Node;
  keyNode?: Node;
  /** Which segments walked through a sequence (for the JSONPath). */
  arrayIndexes: boolean[];
}

/** Walks the document along the segments; `key` asks for the key node of that property instead. */
export function locateNode(doc: Document, segments: readonly string[], key?: string): Located {
  let node: unknown = doc.contents;
  const arrayIndexes: boolean[] = [];
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyOf(p.key) === seg);
      arrayIndexes.push(false);
      node = pair?.value;
    } else if (isSeq(node)) {
      arrayIndexes.push(true);
      node = node.items[Number(seg)];
    } else {
      return { arrayIndexes };
    }
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => keyOf(p.key) === key);
    if (pair?.key && typeof pair.key === 'object') return { node: node as Node, keyNode: pair.key as Node, arrayIndexes };
  }
  return { node: (node ?? undefined) as Node | undefined, arrayIndexes };
}

/** 1-based line and column of a node's start. */
export function lineOf(node: Node | undefined, lines: LineCounter): { line: number; column: number } | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
