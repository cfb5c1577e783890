/**
 * The inventory collector: reads the tenant through the TenantClient only and streams every record into a
 * sink (the engine) as its page arrives, so memory holds one page per request in flight.
 *
 * Order matters for one rule: a member's audit-log activity is searched before its org membership is
 * delivered, so that the member can be judged the moment it arrives (snyk-member-inactive). The REST spec's
 * audit-log items name no user, so activity is read per user with the documented `user_id` filter, not by
 * reading the whole log. API & Web users and provisions are read alongside.
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

  /**
   * snyk-member-inactive's evidence: one user's audit-log events over the window, by the documented `user_id`
   * filter ("Filter logs by user ID."), newest first (`sort_order` DESC), one item is enough. First the default
   * search, then `events=api.access` (the spec: "api.access events are omitted from results unless explicitly
   * requested using the events parameter"), in the member's org first, then the other configured orgs. Once
   * per user id however many orgs it belongs to; a 401/403 stops the searches (the token cannot read logs).
   */
  const activityOperation: OperationName = 'GET /rest/orgs/{org_id}/audit_logs/search';
  const searchesActivity = sources.has('audit-activity') && !snykMissing && !noOrgs;
  const activityWindow = { from: new Date(options.activityFrom).toISOString(), to: new Date(options.now).toISOString() };
  let activityDenied: string | undefined;
  const activitySearches = new Map<string, Promise<void>>();
  const searchActivity = async (userId: string, homeOrg: string): Promise<void> => {
    const t = tally('audit-activity');
    t.units++;
    const lookup = (outcome: 'found' | 'none' | 'failed', reason?: string): void =>
      sink.record({ kind: 'activity-lookup', from: 'audit-activity', source: activityOperation, fetchedAt: new Date().toISOString(), userId, outcome, ...(reason !== undefined ? { reason } : {}) });
    if (activityDenied !== undefined) {
      t.failed++;
      return lookup('failed', activityDenied);
    }
    const orgs = [homeOrg, ...orgIds.filter((o) => o !== homeOrg)];
    try {
      for (const orgId of orgs) {
        for (const events of [undefined, 'api.access']) {
          const query = { ...activityWindow, size: 1, sort_order: 'DESC', user_id: userId, ...(events ? { events } : {}) };
          const page = await client.send({ operation: activityOperation, api: 'rest', method: 'GET', path: `/rest/orgs/${encodeURIComponent(orgId)}/audit_logs/search`, query });
          checkStatus(page);
          const fetchedAt = new Date().toISOString();
          // REST spec: `{ data: { items: [...] }, jsonapi, links }`.
          const data = isObject(page.json) ? page.json.data : undefined;
          if (!isObject(data) || !(Array.isArray(data.items) || data.items === undefined)) throw new PageError('a page has no data.items array');
          const raw = (data.items as unknown[] | undefined)?.[0];
          if (raw === undefined) continue;
          const record = normaliseAuditEvent(raw, activityOperation, fetchedAt, userId);
          if (isUnreadable(record)) throw new PageError(record.unreadable);
          deliver(t, record);
          return lookup('found');
        }
      }
      lookup('none');
    } catch (err) {
      t.failed++;
      const reason = describeFailure(err, `${activityOperation} (user_id ${userId})`);
      if (t.reasons.size < 5) t.reasons.add(reason);
      const status = (err as { status?: unknown }).status;
      if (status === 401 || status === 403) {
        activityDenied = reason;
        // Every other member would be unknown for the same reason: the rule is unknown as a whole.
        sink.sourceStatus('audit-activity', 'unavailable', reason);
      }
      lookup('failed', reason);
    }
  };
  const searchActivityOnce = (userId: string, homeOrg: string): Promise<void> => {
    let search = activitySearches.get(userId);
    if (!search) activitySearches.set(userId, (search = searchActivity(userId, homeOrg)));
    return search;
  };
  const finishActivity = (): void => {
    if (!sources.has('audit-activity')) return;
    if (snykMissing) finishSource('audit-activity', snykMissing);
    else if (noOrgs) finishSource('audit-activity', undefined, noOrgs);
    // No member to search for is not "not configured": there was nothing to read.
    else if (tally('audit-activity').units === 0) sink.sourceStatus('audit-activity', 'ok');
    else finishSource('audit-activity');
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
          const items = body.data.map((raw) => normaliseMembership(raw, scope, id, fetchedAt));
          if (scope === 'org' && searchesActivity) {
            const users = [...new Set(items.flatMap((r) => (isUnreadable(r) || r.userId === undefined ? [] : [r.userId])))];
            await mapLimit(users, concurrency, (userId) => searchActivityOnce(userId, id));
          }
          for (const item of items) deliver(t, item);
        }
      }),
    );
    finishSource(s);
  };

  await Promise.all([
    readApiwebUsers(),
    readProvisions(),
    (async () => {
      await Promise.all([readMemberships('org'), readMemberships('group')]);
      finishActivity();
    })(),
  ]);
}
