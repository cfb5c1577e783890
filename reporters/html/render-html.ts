/**
 * report.html: one self-contained file that works opened from disk or attached to a ticket.
 * - No network: the viewer's JS and CSS are inlined, the data is embedded once as JSON in an inert
 *   `<script type="application/json">`, charts are inline SVG drawn by the viewer.
 * - A strict Content-Security-Policy (meta): default-src 'none', the one script and the one style allowed by
 *   their SHA-256 hashes, no inline event handlers (no 'unsafe-inline'/'unsafe-hashes'), no base/form targets.
 * - Tenant data is data: no tenant string is ever written into the HTML markup; the viewer renders it with
 *   textContent / DOM APIs only.
 * - Scale: the payload is compacted (html-payload.ts) and, above COMPRESS_THRESHOLD, gzip-compressed and base64
 *   encoded inside the same JSON envelope; the viewer inflates it with the browser's DecompressionStream
 *   (Chromium 80+, Firefox 113+, Safari 16.4+). Finding rows are virtualised.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import type { RunResults } from '../../src/model/results.ts';
import { escapeJsonForScript, jsonForScript } from './embed-json.ts';
import { toHtmlPayload } from './html-payload.ts';

const gzipAsync = promisify(gzip);

/** Raw JSON payloads above this size are embedded gzip+base64 (about 6–10× smaller for large tenants). */
export const COMPRESS_THRESHOLD = 512 * 1024;
/**
 * zlib's default level. For a 100k-user tenant's 8 MB payload: 1.50 MB in ~130 ms (level 4: 1.61 MB in ~70 ms);
 * writeReports runs it on the thread pool (renderHtmlAsync), beside the other reports, so the smaller file is free.
 */
const GZIP_LEVEL = 6;


export interface RenderHtmlOptions {
  /** 'auto' (default): compress above COMPRESS_THRESHOLD; 'always'/'never' force it (tests use both paths). */
  compress?: 'auto' | 'always' | 'never';
}

let assets: { script: string; style: string } | undefined;
function viewerAssets(): { script: string; style: string } {
  if (!assets) {
    const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
    // The viewer is TypeScript (viewer/*.ts), bundled into one checked-in script by `npm run gen:viewer`.
    assets = { script: `\n${read('./generated/viewer.js')}\n`, style: `\n${read('./viewer/report.css')}\n` };
  }
  return assets;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

interface Prepared {
  json: string;
  compress: boolean;
  /** The document around an envelope (the escaped JSON text of the data script). */
  document: (envelope: string) => string;
}

function prepare(results: RunResults, options: RenderHtmlOptions): Prepared {
  const json = JSON.stringify(toHtmlPayload(results));
  const mode = options.compress ?? 'auto';
  const compress = mode === 'always' || (mode === 'auto' && json.length > COMPRESS_THRESHOLD);
  return { json, compress, document: (envelope) => htmlDocument(results, envelope) };
}

function gzipEnvelope(gzipped: Buffer): string {
  return jsonForScript({ enc: 'gzip-base64', data: gzipped.toString('base64') });
}

function plainEnvelope(json: string): string {
  return escapeJsonForScript(`{"enc":"json","data":${json}}`);
}

export function renderHtml(results: RunResults, options: RenderHtmlOptions = {}): string {
  const p = prepare(results, options);
  return p.document(p.compress ? gzipEnvelope(gzipSync(p.json, { level: GZIP_LEVEL })) : plainEnvelope(p.json));
}

/**
 * The same document as renderHtml, with the gzip step on libuv's thread pool: writeReports renders the other
 * reports on the main thread meanwhile (two cores here and in CI).
 */
export async function renderHtmlAsync(results: RunResults, options: RenderHtmlOptions = {}): Promise<string> {
  const p = prepare(results, options);
  return p.document(p.compress ? gzipEnvelope(await gzipAsync(p.json, { level: GZIP_LEVEL })) : plainEnvelope(p.json));
}

function htmlDocument(results: RunResults, envelope: string): string {
  const { script, style } = viewerAssets();
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    "img-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = results.run.partial ? 'snyk-tenant-check report (partial run)' : 'snyk-tenant-check report';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="snyk-tenant-check">',
    `<title>${title}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<div id="app" class="app"><p class="boot">Loading report…</p></div>',
    '<noscript><p class="boot">This report needs JavaScript to display its data. The same results are in results.json, findings.csv and junit.xml.</p></noscript>',
    `<script type="application/json" id="stc-data">${envelope}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
