/**
 * API & Web `GET /users/` pagination (users-list docs: `page`, `length`; the answer carries `count`, `page_total`,
 * `page`, `length`). Page 1 tells how many pages there are; the rest are fetched with up to `concurrency`
 * requests in flight — each still waits for its pacing token — and yielded in page order, so at most
 * `concurrency` pages are held in memory. `page_total` is re-read from every page: when the tenant shrinks
 * while we read, a 404 past the new end (DRF pagination) ends the walk quietly; when it grows, we read on.
 */
import type { ApiResponse, QueryValue, RequestSpec } from './types.ts';
import { httpErrorFor } from './http-error-for.ts';

export interface ApiwebPageDeps {
  send: (spec: RequestSpec) => Promise<ApiResponse>;
  warn: (message: string) => void;
  concurrency: number;
}

/** The page length when the caller does not choose one (API & Web does not document a maximum). */
export const DEFAULT_APIWEB_PAGE_LENGTH = 100;
const OPERATION = 'GET /users/';

export async function* apiwebPages(
  query: Readonly<Record<string, QueryValue>> | undefined,
  options: { length?: number } | undefined,
  deps: ApiwebPageDeps,
): AsyncGenerator<ApiResponse, void, undefined> {
  const length = options?.length ?? (query?.length as number | undefined) ?? DEFAULT_APIWEB_PAGE_LENGTH;
  const specFor = (page: number): RequestSpec => ({
    operation: OPERATION,
    api: 'apiweb',
    method: 'GET',
    path: '/users/',
    query: { ...query, page, length },
  });

  const first = await deps.send(specFor(1));
  if (first.status < 200 || first.status >= 300) throw httpErrorFor(first, `page 1 of ${OPERATION}`);
  yield first;
  let total = pageTotal(first);
  if (total === undefined) {
    deps.warn(`${OPERATION} page 1: no usable page_total in the answer; read one page only`);
    return;
  }

  const inFlight = new Map<number, Promise<ApiResponse>>();
  let nextToLaunch = 2;
  const launch = (): void => {
    while (nextToLaunch <= total! && inFlight.size < Math.max(1, deps.concurrency)) {
      const promise = deps.send(specFor(nextToLaunch));
      // Rejections are observed when the page's turn comes; a consumer that stops early must not leave an
      // unhandled rejection behind.
      promise.catch(() => {});
      inFlight.set(nextToLaunch, promise);
      nextToLaunch++;
    }
  };

  try {
    for (let page = 2; page <= total; page++) {
      launch();
      const pending = inFlight.get(page);
      if (!pending) return;
      const res = await pending;
      inFlight.delete(page);
      if (res.status === 404) return; // past the last page (the tenant shrank while we read)
      if (res.status < 200 || res.status >= 300) throw httpErrorFor(res, `page ${page} of ${OPERATION}`);
      const seen = pageTotal(res);
      if (seen !== undefined && seen !== total) total = seen;
      yield res;
    }
  } finally {
    // Pages launched beyond where the consumer stopped are left to finish on their own (already caught).
    inFlight.clear();
  }
}

function pageTotal(res: ApiResponse): number | undefined {
  const value = (res.json as { page_total?: unknown } | undefined)?.page_total;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
