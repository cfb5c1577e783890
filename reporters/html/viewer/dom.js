/* DOM helpers. Every tenant string reaches the page through textContent, a text node or an attribute value set
   with setAttribute on a fixed attribute name: never parsed as HTML. */
const SVG_NS = 'http://www.w3.org/2000/svg';
const NUM = new Intl.NumberFormat('en-US');

function applyProps(el, props) {
  if (!props) return;
  if (props.cls) el.setAttribute('class', props.cls);
  if (props.text !== undefined && props.text !== null) el.textContent = String(props.text);
  if (props.title !== undefined && props.title !== null) el.setAttribute('title', String(props.title));
  if (props.attrs) for (const name of Object.keys(props.attrs)) el.setAttribute(name, String(props.attrs[name]));
  if (props.on) for (const type of Object.keys(props.on)) el.addEventListener(type, props.on[type]);
}

function appendAll(el, children) {
  if (children === undefined || children === null) return;
  const list = Array.isArray(children) ? children : [children];
  for (const c of list) {
    if (c === undefined || c === null || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** An HTML element: h('td', { cls, text, title, attrs, on }, children). */
function h(tag, props, children) {
  const el = document.createElement(tag);
  applyProps(el, props);
  appendAll(el, children);
  return el;
}

/** An SVG element; attrs are numeric/geometry attributes and classes. */
function svg(tag, attrs, children) {
  const el = document.createElementNS(SVG_NS, tag);
  if (attrs) for (const name of Object.keys(attrs)) el.setAttribute(name, String(attrs[name]));
  appendAll(el, children);
  return el;
}

function fmtInt(n) {
  return typeof n === 'number' && Number.isFinite(n) ? NUM.format(n) : '–';
}

function fmtPct(part, total) {
  if (!total) return '–';
  const p = (100 * part) / total;
  return (p > 0 && p < 1 ? '<1' : p > 99 && p < 100 ? '>99' : String(Math.round(p))) + '%';
}

function fmtDate(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

function fmtDuration(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return Math.round(ms) + ' ms';
  const s = ms / 1000;
  if (s < 120) return s.toFixed(1) + ' s';
  const m = Math.floor(s / 60);
  return m + ' min ' + Math.round(s - m * 60) + ' s';
}

/** A value from evidence or a counterexample, as text. */
function valueText(v) {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v, null, 2);
  } catch (e) {
    return String(v);
  }
}

function badge(kind, label, title) {
  return h('span', { cls: 'badge k-' + kind, text: label, title: title });
}

/** A definition list from [label, value] pairs; values that are nodes are appended, others become text. */
function defList(pairs, cls, grouped) {
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

function pre(text, cls) {
  return h('pre', { cls: cls || 'code', text: text });
}

function copyButton(getText) {
  const b = h('button', { cls: 'btn small', text: 'Copy', attrs: { type: 'button' } });
  b.addEventListener('click', () => {
    const done = (ok) => {
      b.textContent = ok ? 'Copied' : 'Copy failed';
      setTimeout(() => (b.textContent = 'Copy'), 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(getText()).then(() => done(true), () => done(false));
    else done(false);
  });
  return b;
}

function section(id, title, subtitle) {
  const s = h('section', { cls: 'section', attrs: { id: id, 'aria-labelledby': id + '-title' } });
  s.appendChild(h('h2', { text: title, attrs: { id: id + '-title' } }));
  if (subtitle) s.appendChild(h('p', { cls: 'muted', text: subtitle }));
  return s;
}
