/* DOM helpers. Every tenant string reaches the page through textContent, a text node or an attribute value set
   with setAttribute on a fixed attribute name: never parsed as HTML. */
const SVG_NS = 'http://www.w3.org/2000/svg';
const NUM = new Intl.NumberFormat('en-US');

/** A child accepted by h() and svg(): a node, or a value shown as text; null/undefined/false are skipped. */
export type Child = Node | string | number | null | undefined | false;
export type Children = Child | readonly Child[];

export interface Props {
  cls?: string;
  text?: string | number | null;
  title?: string | null;
  attrs?: Record<string, string | number>;
  on?: Partial<Record<keyof HTMLElementEventMap, EventListener>>;
}

function applyProps(el: Element, props: Props | null | undefined): void {
  if (!props) return;
  if (props.cls) el.setAttribute('class', props.cls);
  if (props.text !== undefined && props.text !== null) el.textContent = String(props.text);
  if (props.title !== undefined && props.title !== null) el.setAttribute('title', String(props.title));
  if (props.attrs) for (const name of Object.keys(props.attrs)) el.setAttribute(name, String(props.attrs[name]));
  if (props.on) for (const [type, listener] of Object.entries(props.on)) if (listener) el.addEventListener(type, listener);
}

function appendAll(el: Element, children: Children): void {
  if (children === undefined || children === null) return;
  const list: readonly Child[] = Array.isArray(children) ? children : [children as Child];
  for (const c of list) {
    if (c === undefined || c === null || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** An HTML element: h('td', { cls, text, title, attrs, on }, children). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, children?: Children): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyProps(el, props);
  appendAll(el, children);
  return el;
}

/** An SVG element; attrs are numeric/geometry attributes and classes. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> | null, children?: Children): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  if (attrs) for (const name of Object.keys(attrs)) el.setAttribute(name, String(attrs[name]));
  appendAll(el, children);
  return el;
}

export function fmtInt(n: unknown): string {
  return typeof n === 'number' && Number.isFinite(n) ? NUM.format(n) : '–';
}

export function fmtPct(part: number, total: number): string {
  if (!total) return '–';
  const p = (100 * part) / total;
  return `${p > 0 && p < 1 ? '<1' : p > 99 && p < 100 ? '>99' : String(Math.round(p))}%`;
}

export function fmtDate(iso: string | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

export function fmtDuration(ms: unknown): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 120) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/** A value from evidence or a counterexample, as text. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v, null, 2);
  } catch {
    return String(v);
  }
}

export function badge(kind: string, label: string, title?: string): HTMLSpanElement {
  return h('span', { cls: `badge k-${kind}`, text: label, title: title ?? null });
}

/** A [label, value] pair of defList; absent or empty values are left out. */
export type DefPair = readonly [string, Node | string | number | null | undefined];

/** A definition list from [label, value] pairs; values that are nodes are appended, others become text. */
export function defList(pairs: readonly DefPair[], cls?: string, grouped?: boolean): HTMLDListElement {
  const dl = h('dl', { cls: cls || 'kv' });
  for (const [k, v] of pairs) {
    if (v === undefined || v === null || v === '') continue;
    const dt = h('dt', { text: k });
    const dd = h('dd', null, typeof v === 'object' ? v : String(v));
    // grouped: each pair in a <div> (allowed in <dl>) so a grid lays out pairs, not cells.
    if (grouped) dl.appendChild(h('div', null, [dt, dd]));
    else dl.append(dt, dd);
  }
  return dl;
}

export function pre(text: string, cls?: string): HTMLPreElement {
  return h('pre', { cls: cls || 'code', text: text });
}

export function copyButton(getText: () => string): HTMLButtonElement {
  const b = h('button', { cls: 'btn small', text: 'Copy', attrs: { type: 'button' } });
  b.addEventListener('click', () => {
    const done = (ok: boolean): void => {
      b.textContent = ok ? 'Copied' : 'Copy failed';
      setTimeout(() => {
        b.textContent = 'Copy';
      }, 1500);
    };
    // The Clipboard API is missing on pages opened from disk in some browsers (not a secure context).
    if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(getText()).then(
        () => done(true),
        () => done(false),
      );
    } else done(false);
  });
  return b;
}

export function section(id: string, title: string, subtitle?: string): HTMLElement {
  const s = h('section', { cls: 'section', attrs: { id: id, 'aria-labelledby': `${id}-title` } });
  s.appendChild(h('h2', { text: title, attrs: { id: `${id}-title` } }));
  if (subtitle) s.appendChild(h('p', { cls: 'muted', text: subtitle }));
  return s;
}
