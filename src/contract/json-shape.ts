/**
 * The shape of a JSON value (property names and value types, not values) and the difference between two
 * shapes: properties added or removed and type changes, by JSON pointer with `*` for array elements. Used by
 * `compare` to show how a response changes between two API versions independently of the data.
 */
export interface Shape {
  /** 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' */
  types: Set<string>;
  props?: Map<string, Shape>;
  items?: Shape;
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v);

export function shapeOf(value: unknown): Shape {
  const t = typeOf(value);
  const shape: Shape = { types: new Set([t]) };
  if (t === 'object') {
    shape.props = new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shapeOf(v)]));
  } else if (t === 'array') {
    const items = (value as unknown[]).map(shapeOf);
    if (items.length > 0) shape.items = items.reduce(mergeShapes);
  }
  return shape;
}

export function mergeShapes(a: Shape, b: Shape): Shape {
  const out: Shape = { types: new Set([...a.types, ...b.types]) };
  if (a.props || b.props) {
    const props = new Map(a.props ?? []);
    for (const [k, v] of b.props ?? []) props.set(k, props.has(k) ? mergeShapes(props.get(k)!, v) : v);
    out.props = props;
  }
  if (a.items && b.items) out.items = mergeShapes(a.items, b.items);
  else if (a.items ?? b.items) out.items = a.items ?? b.items;
  return out;
}

export interface ShapeDifference {
  path: string;
  kind: 'added' | 'removed' | 'type';
  from?: string[];
  to?: string[];
}

/** A JSON Pointer reference token (RFC 6901 §3: `~` → `~0`, `/` → `~1`). */
const pointerToken = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
const sorted = (s: Set<string>): string[] => [...s].sort();

/** Differences from `a` to `b`. Arrays that are empty on one side say nothing about their elements. */
export function diffShapes(a: Shape, b: Shape, path = ''): ShapeDifference[] {
  const out: ShapeDifference[] = [];
  const ta = sorted(a.types);
  const tb = sorted(b.types);
  if (ta.join() !== tb.join()) out.push({ path: path || '/', kind: 'type', from: ta, to: tb });
  if (a.props && b.props) {
    for (const [k, v] of a.props) {
      const p = `${path}/${pointerToken(k)}`;
      const w = b.props.get(k);
      if (!w) out.push({ path: p, kind: 'removed', from: sorted(v.types) });
      else out.push(...diffShapes(v, w, p));
    }
    for (const [k, w] of b.props) if (!a.props.has(k)) out.push({ path: `${path}/${pointerToken(k)}`, kind: 'added', to: sorted(w.types) });
  }
  if (a.items && b.items) out.push(...diffShapes(a.items, b.items, `${path}/*`));
  return out;
}
