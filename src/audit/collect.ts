/**
 * The inventory collector: reads the tenant through the TenantClient only and streams every record into a
 * sink (the engine) as its page arrives, so memory holds one page per request in flight.
 *
 * Order matters for one rule: audit-log activity is read before org memberships, so that a member can be
 * judged the moment it arrives (snyk-member-inactive). API & Web users and provisions are read alongside.
 *
 * A source that cannot be read (credentials missing, 401/403, a page that is not the documented shape, a
 * network failure) gets the status `unavailable` (nothing read) or `partial` (some orgs or pages read) and a
 * warning; the engine turns that into `unknown` for the rules that read it. A source the configuration does
 * not name (no org id, no group id) is `skipped`.
 */
import { errorCode } from '../model/errors.ts';
import type { OperationName } from '../model/operations.ts';
import type { Warning } from '../model/results.ts';
import type { ApiResponse, TenantClient } from '../client/types.ts';
import type { ProgressEvent } from '../model/progress.ts';
import type { InventorySink } from './engine.ts';
import {
  isUnreadable,
  normaliseApiWebUser,
  normaliseAuditEvent,
  normaliseMembership,
  normaliseProvision,
  SOURCE_OPERATIONS,
  type InventoryRecord,
  type SourceName,
  type Unreadable,
} from './inventory.ts';
import type { SourceStatus } from './rule.ts';

export const PAGE_SIZE = 100;

export interface CollectOptions {
  client: TenantClient;
  orgIds: readonly string[];
  groupId?: string;
  /** Which tokens are configured (a missing token makes its sources unavailable without a request). */
  credentials: { snyk: boolean; apiweb: boolean };
  /** Start of the audit-log window (epoch ms); `to` is `now`. */
  activityFrom: number;
  now: number;
  /** The sources to read (the engine's neededSources()); the others are not requested. */
  sources: ReadonlySet<SourceName>;
  /** Orgs read at the same time (each request is still paced by the client). Default 4. */
  concurrency?: number;
  /** Progress of the longest read, the API & Web user pages (throttled to a few calls a second). */
  onProgress?: (event: ProgressEvent) => void;
}

const PROGRESS_INTERVAL_MS = 250;

/** What one source's reads came to. */
class SourceTally {
  readonly source: SourceName;
  units = 0;
  failed = 0;
  records = 0;
  unreadable = 0;
  readonly reasons = new Set<string>();
  readonly unreadableReasons = new Set<string>();

  constructor(source: SourceName) {
    this.source = source;
  }

  status(): SourceStatus {
    if (this.units === 0) return 'skipped';
    if (this.failed === this.units) return 'unavailable';
    if (this.failed > 0 || this.unreadable > 0) return 'partial';
    return 'ok';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A page that answered but not with the documented shape, or not 2xx. */
class PageError extends Error {
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

function describeFailure(err: unknown, operation: string): string {
  const status = (err as { status?: unknown }).status;
  if (status === 401) return `${operation} answered 401: the token was not accepted`;
  if (status === 403) return `${operation} answered 403: the token lacks the permission to read it`;
  if (typeof status === 'number') return `${operation} answered ${status}: ${(err as Error).message.split('\n')[0]}`;
  const code = errorCode(err);
  return `${operation} failed${code ? ` (${code})` : ''}: ${(err as Error).message?.split('\n')[0] ?? String(err)}`;
}

function checkStatus(page: ApiResponse): void {
  if (page.status < 200 || page.status > 299) throw new PageError(`HTTP ${page.status}`, page.status);
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

export async function collectInventory(options: CollectOptions, sink: InventorySink): Promise<void> {
  const { client, orgIds, groupId, credentials, sources } = options;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const tallies = new Map<SourceName, SourceTally>();
  const tally = (s: SourceName): SourceTally => {
    let t = tallies.get(s);
    if (!t) tallies.set(s, (t = new SourceTally(s)));
    return t;
  };
  const deliver = (t: SourceTally, item: InventoryRecord | Unreadable | undefined): void => {
    if (item === undefined) return;
    if (isUnreadable(item)) {
      t.unreadable++;
      if (t.unreadableReasons.size < 5) t.unreadableReasons.add(item.unreadable);
      return;
    }
    t.records++;
    sink.record(item);
  };
  /** Runs one read unit (an org, the group, the user list); a failure is recorded, never thrown. */
  const unit = async (t: SourceTally, operation: string, read: () => Promise<void>): Promise<void> => {
    t.units++;
    try {
      await read();
    } catch (err) {
      t.failed++;
      t.reasons.add(describeFailure(err, operation));
    }
  };
  const finishSource = (s: SourceName, unavailableBecause?: string, skippedBecause?: string): void => {
    const t = tally(s);
    const operation = SOURCE_OPERATIONS[s];
    if (unavailableBecause) {
      sink.sourceStatus(s, 'unavailable', unavailableBecause);
      sink.warning({ code: 'SOURCE_UNAVAILABLE', operation, message: `${operation} was not read: ${unavailableBecause}` });
      return;
    }
    if (skippedBecause) {
      sink.sourceStatus(s, 'skipped', skippedBecause);
      sink.warning({ code: 'SOURCE_SKIPPED', operation, message: `${operation} was not read: ${skippedBecause}` });
      return;
    }
    const status = t.status();
    const reasons = [...t.reasons];
    if (t.unreadable > 0) reasons.push(`${t.unreadable} unreadable item(s): ${[...t.unreadableReasons].join('; ')}`);
    sink.sourceStatus(s, status, reasons.length > 0 ? reasons.join('; ') : undefined);
    if (status === 'unavailable' || status === 'partial') {
      const w: Warning = {
        code: status === 'unavailable' ? 'SOURCE_UNAVAILABLE' : 'SOURCE_PARTIAL',
        operation,
        message: `${operation} ${status === 'unavailable' ? 'could not be read' : `was read only in part (${t.failed} of ${t.units} read(s) failed)`}: ${reasons.join('; ')}`,
      };
      sink.warning(w);
    }
  };
  const snykMissing = credentials.snyk ? undefined : 'SNYK_TOKEN is not set';
  const noOrgs = orgIds.length === 0 ? 'no organization is configured (SNYK_ORG_ID / SNYK_ORG_IDS)' : undefined;

  const readApiwebUsers = async (): Promise<void> => {
    if (!sources.has('apiweb-users')) return;
    if (!credentials.apiweb) return finishSource('apiweb-users', 'SNYK_APIWEB_TOKEN is not set');
    const t = tally('apiweb-users');
    let announced: number | undefined;
    let seen = 0;
    let pages = 0;
    let lastProgress = 0;
    const progress = (total: number | undefined, force = false): void => {
      const now = Date.now();
      if (!options.onProgress || (!force && now - lastProgress < PROGRESS_INTERVAL_MS)) return;
      lastProgress = now;
      options.onProgress({
        label: 'audit: GET /users/',
        done: pages,
        ...(total !== undefined ? { total } : {}),
        unit: 'pages',
        requests: client.stats().requests,
      });
    };
    await unit(t, SOURCE_OPERATIONS['apiweb-users'], async () => {
      for await (const page of client.apiwebPages(undefined, { length: PAGE_SIZE })) {
        checkStatus(page);
        const fetchedAt = new Date().toISOString();
        const body = page.json;
        if (!isObject(body) || !Array.isArray(body.results)) throw new PageError('a page has no results array');
        if (announced === undefined && typeof body.count === 'number') announced = body.count;
        seen += body.results.length;
        for (const raw of body.results) deliver(t, normaliseApiWebUser(raw, fetchedAt));
        pages++;
        progress(typeof body.page_total === 'number' ? body.page_total : undefined);
      }
    });
    progress(pages, true);
    // users-list docs: `count` is the total; fewer results than announced means pages went missing (users may
    // also have been deleted during the read: either way the list is not known to be complete).
    if (announced !== undefined && seen < announced && t.failed === 0) {
      t.unreadable += announced - seen;
      t.unreadableReasons.add(`the first page announced count ${announced}, the pages held ${seen} users`);
    }
    finishSource('apiweb-users');
  };

  const readProvisions = async (): Promise<void> => {
    if (!sources.has('provisions')) return;
    if (snykMissing) return finishSource('provisions', snykMissing);
    if (noOrgs) return finishSource('provisions', undefined, noOrgs);
    const t = tally('provisions');
    const operation: OperationName = 'GET /v1/org/{orgId}/provision';
    await mapLimit(orgIds, concurrency, (orgId) =>
      unit(t, `${operation} (org ${orgId})`, async () => {
        const page = await client.send({ operation, api: 'v1', method: 'GET', path: `/v1/org/${encodeURIComponent(orgId)}/provision` });
        checkStatus(page);
        const fetchedAt = new Date().toISOString();
        // provision docs: the list is a bare JSON array of pending provisions.
        if (!Array.isArray(page.json)) throw new PageError('the answer is not a JSON array');
        for (const raw of page.json) deliver(t, normaliseProvision(raw, orgId, fetchedAt));
      }),
    );
    finishSource('provisions');
  };

  const readActivity = async (): Promise<void> => {
    if (!sources.has('audit-activity')) return;
    if (snykMissing) return finishSource('audit-activity', snykMissing);
    if (noOrgs) return finishSource('audit-activity', undefined, noOrgs);
    const t = tally('audit-activity');
    const operation: OperationName = 'GET /rest/orgs/{org_id}/audit_logs/search';
    const query = { from: new Date(options.activityFrom).toISOString(), to: new Date(options.now).toISOString(), size: PAGE_SIZE };
    await mapLimit(orgIds, concurrency, (orgId) =>
      unit(t, `${operation} (org ${orgId})`, async () => {
        const spec = { operation, api: 'rest' as const, method: 'GET' as const, path: `/rest/orgs/${encodeURIComponent(orgId)}/audit_logs/search`, query };
        for await (const page of client.restPages(spec)) {
          checkStatus(page);
          const fetchedAt = new Date().toISOString();
          // audit-log docs: `{ data: { items: [...] }, links }`.
          const body = page.json;
          const data = isObject(body) ? body.data : undefined;
          if (!isObject(data) || !(Array.isArray(data.items) || data.items === undefined)) throw new PageError('a page has no data.items array');
          for (const raw of (data.items as unknown[] | undefined) ?? []) deliver(t, normaliseAuditEvent(raw, operation, fetchedAt));
        }
      }),
    );
    finishSource('audit-activity');
  };

  const readMemberships = async (scope: 'org' | 'group'): Promise<void> => {
    const s: SourceName = scope === 'org' ? 'org-memberships' : 'group-memberships';
    if (!sources.has(s)) return;
    if (snykMissing) return finishSource(s, snykMissing);
    const ids = scope === 'org' ? orgIds : groupId ? [groupId] : [];
    if (ids.length === 0) return finishSource(s, undefined, scope === 'org' ? noOrgs : 'no group is configured (SNYK_GROUP_ID)');
    const t = tally(s);
    const operation = SOURCE_OPERATIONS[s];
    await mapLimit(ids, concurrency, (id) =>
      unit(t, `${operation} (${scope} ${id})`, async () => {
        const path = `/rest/${scope === 'org' ? 'orgs' : 'groups'}/${encodeURIComponent(id)}/memberships`;
        for await (const page of client.restPages({ operation, api: 'rest', method: 'GET', path, query: { limit: PAGE_SIZE } })) {
          checkStatus(page);
          const fetchedAt = new Date().toISOString();
          const body = page.json;
          if (!isObject(body) || !Array.isArray(body.data)) throw new PageError('a page has no data array');
          for (const raw of body.data) deliver(t, normaliseMembership(raw, scope, id, fetchedAt));
        }
      }),
    );
    finishSource(s);
  };

  await Promise.all([
    readApiwebUsers(),
    readProvisions(),
    (async () => {
      await readActivity();
      await Promise.all([readMemberships('org'), readMemberships('group')]);
    })(),
  ]);
}
