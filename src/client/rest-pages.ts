/**
 * REST cursor pagination as an async iterator: one page in memory at a time, following `links.next`.
 *
 * about-the-rest-api, pagination; seen by pysnyk #212: `next` is host-relative, with or without the `/rest` prefix (or absolute), a string
 * or `{href, meta}`, and already carries `version`, `limit` and the cursor — it is used as is, never with our
 * parameters appended again (only `version` is added if it is missing). pysnyk #212/#213: some endpoints
 * return an empty page that still has `next`, or `next` equal to `self`; both would loop forever. Guards stop
 * the walk and leave a warning: an empty page with `next`, `next` equal to `self`, `next` already visited,
 * `next` on another origin (credentials never follow a link elsewhere), `next` that is not a link.
 */
import { httpErrorFor } from './http-error-for.ts';
import type { ApiResponse, RequestSpec } from './types.ts';

export interface PageWalkDeps {
  send: (spec: RequestSpec) => Promise<ApiResponse>;
  warn: (message: string) => void;
  /** The Snyk API origin (with any base path) the links are relative to. */
  baseUrl: string;
}

export async function* restPages(spec: RequestSpec, deps: PageWalkDeps): AsyncGenerator<ApiResponse, void, undefined> {
  const base = new URL(deps.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const visited = new Set<string>();
  // A version the caller put in the query must follow the walk when a link lacks one.
  const queryVersion = spec.query?.version;
  const carried: Pick<RequestSpec, 'version'> =
    typeof queryVersion === 'string'
      ? { version: queryVersion }
      : spec.version !== undefined
        ? { version: spec.version }
        : {};

  let current = spec;
  for (let page = 1; ; page++) {
    const res = await deps.send(current);
    if (res.status < 200 || res.status >= 300) throw httpErrorFor(res, `page ${page} of ${spec.operation}`);
    const here = canonical(res.url, base, basePath);
    if (here) visited.add(here);
    yield res;

    const links = (res.json as { links?: Record<string, unknown> } | undefined)?.links;
    const nextRaw = links?.next;
    if (nextRaw === undefined || nextRaw === null) return;
    const next = href(nextRaw);
    const where = `${spec.operation} page ${page}`;
    if (next === undefined || next.trim() === '') {
      deps.warn(`${where}: links.next is not a link (${JSON.stringify(nextRaw).slice(0, 80)}); stopped`);
      return;
    }
    let target: URL;
    try {
      target = new URL(next, base);
    } catch {
      deps.warn(`${where}: links.next is not a URL; stopped`);
      return;
    }
    if (target.origin !== base.origin) {
      deps.warn(
        `${where}: links.next points to another origin (${target.origin}); stopped, credentials stay with ${base.origin}`,
      );
      return;
    }
    const nextKey = canonical(target.href, base, basePath)!;
    if (isEmptyPage(res.json)) {
      deps.warn(`${where}: the page is empty but links.next is present (pysnyk #212); stopped`);
      return;
    }
    const selfRaw = links?.self;
    const self = selfRaw === undefined ? undefined : href(selfRaw);
    if (self !== undefined && canonical(self, base, basePath) === nextKey) {
      deps.warn(`${where}: links.next equals links.self (pysnyk #212); stopped`);
      return;
    }
    if (visited.has(nextKey)) {
      deps.warn(`${where}: links.next leads back to a page already read; stopped`);
      return;
    }
    current = { ...spec, ...carried, path: `${target.pathname}${target.search}`, query: undefined };
  }
}

/** `links.*` members are a string URL or `{href, meta}` (spec `Links`). */
export function href(link: unknown): string | undefined {
  if (typeof link === 'string') return link;
  if (link && typeof link === 'object' && typeof (link as { href?: unknown }).href === 'string') {
    return (link as { href: string }).href;
  }
  return undefined;
}

/** A page's items: JSON:API `data[]`, or the audit-log search's `data.items[]`. */
function isEmptyPage(json: unknown): boolean {
  const data = (json as { data?: unknown } | undefined)?.data;
  if (Array.isArray(data)) return data.length === 0;
  const items = (data as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) && items.length === 0;
}

/** The identity of a page link: path below the API with the `/rest` prefix, parameters sorted. */
function canonical(link: string, base: URL, basePath: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link, base);
  } catch {
    return undefined;
  }
  let path = url.pathname;
  if (basePath && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
  if (path !== '/rest' && !path.startsWith('/rest/')) path = `/rest${path}`;
  const params = [...url.searchParams.entries()].sort(([a, x], [b, y]) =>
    a === b ? x.localeCompare(y) : a.localeCompare(b),
  );
  return `${path}?${new URLSearchParams(params).toString()}`;
}
