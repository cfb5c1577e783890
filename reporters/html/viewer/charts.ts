/* Inline SVG charts built with DOM APIs. Colours come from CSS classes (k-<kind>), labels are text nodes. */
import { fmtInt, fmtPct, h, svg } from './dom.ts';

const CHART_W = 360;

/** A bar, segment or legend entry; `kind` picks the colour class. */
export interface ChartItem {
  label: string;
  value: number;
  kind: string;
}

/** A histogram column. */
export interface ColumnItem {
  label: string | number;
  count: number;
}

function emptyChart(text?: string): HTMLParagraphElement {
  return h('p', { cls: 'muted chart-empty', text: text || 'No data in this run.' });
}

function chartSvg(width: number, height: number, label: string): SVGSVGElement {
  const el = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': label, preserveAspectRatio: 'xMinYMin meet' });
  el.appendChild(svg('title', null, label));
  return el;
}

function svgText(x: number, y: number, text: string, cls?: string, anchor?: string): SVGTextElement {
  const t = svg('text', { x: x, y: y, class: cls || 'lbl', 'text-anchor': anchor || 'start' });
  t.textContent = text;
  return t;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Horizontal bars. */
export function hbarChart(items: readonly ChartItem[], label: string): SVGSVGElement {
  const max = Math.max(1, ...items.map((i) => i.value));
  const rowH = 24;
  const labelW = 92;
  const valueW = 58;
  const barW = CHART_W - labelW - valueW;
  const el = chartSvg(CHART_W, items.length * rowH + 4, label);
  items.forEach((it, k) => {
    const y = k * rowH + 4;
    const w = it.value > 0 ? Math.max(2, (barW * it.value) / max) : 0;
    const g = svg('g', null);
    g.appendChild(svg('title', null, `${it.label}: ${fmtInt(it.value)}`));
    g.appendChild(svgText(0, y + 13, shorten(it.label, 14)));
    g.appendChild(svg('rect', { x: labelW, y: y, width: CHART_W - labelW - valueW, height: 16, rx: 3, class: 'track' }));
    if (w > 0) g.appendChild(svg('rect', { x: labelW, y: y, width: w.toFixed(1), height: 16, rx: 3, class: `k-${it.kind}` }));
    g.appendChild(svgText(CHART_W - 2, y + 13, fmtInt(it.value), 'val', 'end'));
    el.appendChild(g);
  });
  return el;
}

/** Vertical histogram. */
export function columnChart(items: readonly ColumnItem[] | undefined, kind: string, label: string): Element {
  if (!items || items.length === 0) return emptyChart();
  const max = Math.max(1, ...items.map((i) => i.count));
  const height = 170;
  const top = 16;
  const bottom = 30;
  const plotH = height - top - bottom;
  const slot = CHART_W / items.length;
  const barW = Math.max(4, Math.min(48, slot * 0.7));
  const el = chartSvg(CHART_W, height, label);
  el.appendChild(svg('line', { x1: 0, x2: CHART_W, y1: top + plotH + 0.5, y2: top + plotH + 0.5, class: 'axis' }));
  items.forEach((it, k) => {
    const x = k * slot + (slot - barW) / 2;
    const hgt = it.count > 0 ? Math.max(2, (plotH * it.count) / max) : 0;
    const g = svg('g', null);
    g.appendChild(svg('title', null, `${it.label}: ${fmtInt(it.count)}`));
    if (hgt > 0) g.appendChild(svg('rect', { x: x.toFixed(1), y: (top + plotH - hgt).toFixed(1), width: barW.toFixed(1), height: hgt.toFixed(1), rx: 2, class: `k-${kind}` }));
    g.appendChild(svgText(x + barW / 2, top + plotH - hgt - 4, fmtInt(it.count), 'val small', 'middle'));
    g.appendChild(svgText(x + barW / 2, height - 12, shorten(String(it.label), Math.max(3, Math.floor(slot / 6.5))), 'lbl small', 'middle'));
    el.appendChild(g);
  });
  return el;
}

/** One stacked bar with a legend. */
export function stackedBar(items: readonly ChartItem[], label: string): HTMLDivElement {
  const total = items.reduce((a, i) => a + i.value, 0);
  const wrap = h('div', { cls: 'stack' });
  const el = chartSvg(CHART_W, 20, label);
  let x = 0;
  if (total === 0) el.appendChild(svg('rect', { x: 0, y: 0, width: CHART_W, height: 20, rx: 4, class: 'track' }));
  for (const it of items) {
    if (it.value <= 0) continue;
    const w = (CHART_W * it.value) / total;
    const r = svg('rect', { x: x.toFixed(2), y: 0, width: Math.max(1, w).toFixed(2), height: 20, class: `k-${it.kind}` });
    r.appendChild(svg('title', null, `${it.label}: ${fmtInt(it.value)}`));
    el.appendChild(r);
    x += w;
  }
  wrap.appendChild(el);
  wrap.appendChild(legend(items, total));
  return wrap;
}

function legend(items: readonly ChartItem[], total: number): HTMLUListElement {
  const ul = h('ul', { cls: 'legend' });
  for (const it of items) {
    ul.appendChild(
      h('li', null, [
        h('span', { cls: `swatch k-${it.kind}`, attrs: { 'aria-hidden': 'true' } }),
        h('span', { text: it.label }),
        h('strong', { text: fmtInt(it.value) }),
        total ? h('span', { cls: 'muted', text: fmtPct(it.value, total) }) : null,
      ]),
    );
  }
  return ul;
}

/** A donut with a centre figure. */
export function donut(items: readonly ChartItem[], centre: string, caption: string, label: string): HTMLDivElement {
  const total = items.reduce((a, i) => a + i.value, 0);
  const wrap = h('div', { cls: 'donut' });
  const size = 140;
  const r = 52;
  const c = 2 * Math.PI * r;
  const el = chartSvg(size, size, label);
  el.classList.add('donut-svg');
  el.appendChild(svg('circle', { cx: 70, cy: 70, r: r, class: 'ring' }));
  let offset = 0;
  for (const it of items) {
    if (it.value <= 0 || total === 0) continue;
    const len = (c * it.value) / total;
    const seg = svg('circle', { cx: 70, cy: 70, r: r, class: `seg k-${it.kind}`, 'stroke-dasharray': `${len.toFixed(2)} ${(c - len).toFixed(2)}`, 'stroke-dashoffset': (-offset).toFixed(2), transform: 'rotate(-90 70 70)' });
    seg.appendChild(svg('title', null, `${it.label}: ${fmtInt(it.value)}`));
    el.appendChild(seg);
    offset += len;
  }
  el.appendChild(svgText(70, 72, centre, 'centre', 'middle'));
  el.appendChild(svgText(70, 90, caption, 'lbl small', 'middle'));
  wrap.appendChild(el);
  wrap.appendChild(legend(items, total));
  return wrap;
}
