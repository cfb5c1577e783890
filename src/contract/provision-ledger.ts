/**
 * Live safety for v1 provisions (issue 5): every test invitation uses a reserved, recognisable address
 * `snyk-tenant-check+<runid>-<n>@<domain>`, is written into a ledger the moment it is requested, and is
 * deleted after passes and failures. A residue check fails the run if one is left, and the next run sweeps
 * the leftovers of a killed run by the same pattern.
 */
import type { ApiResponse, TenantClient } from '../client/types.ts';
import { fillPath, OPERATIONS } from '../model/operations.ts';

export const RESERVED_LOCAL_PREFIX = 'snyk-tenant-check+';
/** RFC 2606: example.com never receives mail, so a provision to it can never reach a person. */
export const DEFAULT_RESERVED_DOMAIN = 'example.com';

const RESERVED_RE = /^snyk-tenant-check\+([a-z0-9]+)-(\d+)@(.+)$/i;

export function reservedEmail(runId: string, n: number, domain = DEFAULT_RESERVED_DOMAIN): string {
  return `${RESERVED_LOCAL_PREFIX}${runId}-${n}@${domain}`;
}

/** The run id of a reserved address, or undefined when the address is not ours. */
export function reservedRunId(email: string, domain?: string): string | undefined {
  const match = RESERVED_RE.exec(email);
  if (!match) return undefined;
  if (domain && match[3]?.toLowerCase() !== domain.toLowerCase()) return undefined;
  return match[1]?.toLowerCase();
}

export const isReservedEmail = (email: string, domain?: string): boolean =>
  reservedRunId(email, domain) !== undefined;

/** A short, lower-case run id: time plus randomness, so two runs never share addresses. */
export function newRunId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

interface ProvisionEntry {
  email?: unknown;
  created?: unknown;
}

export interface CleanupReport {
  deleted: string[];
  /** Addresses whose deletion failed, with the status or error. */
  failed: { email: string; reason: string }[];
}

const LIST = OPERATIONS['GET /v1/org/{orgId}/provision'];
const DELETE = OPERATIONS['DELETE /v1/org/{orgId}/provision'];

async function listProvisions(client: TenantClient, orgId: string): Promise<ProvisionEntry[]> {
  const res = await client.send({
    operation: LIST.name,
    api: 'v1',
    method: 'GET',
    path: fillPath(LIST.path, { orgId }),
  });
  if (res.status !== 200 || !Array.isArray(res.json)) {
    throw new Error(`listing pending provisions answered ${res.status}`);
  }
  return res.json as ProvisionEntry[];
}

async function deleteProvision(client: TenantClient, orgId: string, email: string): Promise<ApiResponse> {
  return client.send({
    operation: DELETE.name,
    api: 'v1',
    method: 'DELETE',
    path: fillPath(DELETE.path, { orgId }),
    query: { email },
  });
}

export class ProvisionLedger {
  readonly runId: string;
  readonly domain: string;
  #counter = 0;
  readonly #open = new Set<string>();
  readonly #all = new Set<string>();

  constructor(options: { runId?: string; domain?: string } = {}) {
    this.runId = (options.runId ?? newRunId()).toLowerCase();
    this.domain = options.domain ?? DEFAULT_RESERVED_DOMAIN;
  }

  /** A fresh reserved address of this run (not yet recorded). */
  nextEmail(): string {
    this.#counter += 1;
    return reservedEmail(this.runId, this.#counter, this.domain);
  }

  /** The address for a given number (model-based tests reuse addresses on purpose). */
  emailFor(n: number): string {
    return reservedEmail(this.runId, n, this.domain);
  }

  /** Record an address before the POST is sent: a request that times out may still have created it. */
  record(email: string): void {
    this.#open.add(email.toLowerCase());
    this.#all.add(email.toLowerCase());
  }

  /** The provision is known to be gone (deleted by a check). */
  settle(email: string): void {
    this.#open.delete(email.toLowerCase());
  }

  open(): string[] {
    return [...this.#open];
  }

  created(): string[] {
    return [...this.#all];
  }

  /** Deletes every address still open; a 404 means it is already gone. */
  async cleanup(client: TenantClient, orgId: string): Promise<CleanupReport> {
    const report: CleanupReport = { deleted: [], failed: [] };
    for (const email of this.open()) {
      try {
        const res = await deleteProvision(client, orgId, email);
        if (res.status === 200 || res.status === 204 || res.status === 404) {
          this.settle(email);
          report.deleted.push(email);
        } else {
          report.failed.push({ email, reason: `DELETE answered ${res.status}` });
        }
      } catch (error) {
        report.failed.push({ email, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return report;
  }

  /** The addresses of this run still pending on the tenant (the residue check). */
  async residue(client: TenantClient, orgId: string): Promise<string[]> {
    const mine = new Set(this.created());
    const entries = await listProvisions(client, orgId);
    return entries
      .map((e) => (typeof e.email === 'string' ? e.email.toLowerCase() : ''))
      .filter((email) => mine.has(email));
  }
}

/**
 * Deletes reserved-pattern provisions left by an earlier, killed run. Provisions of this run and those
 * younger than `graceMs` (a concurrent run against the same tenant) are left alone.
 */
export async function sweepLeftovers(
  client: TenantClient,
  orgId: string,
  options: { currentRunId?: string; domain?: string; graceMs?: number; now?: Date } = {},
): Promise<CleanupReport> {
  const report: CleanupReport = { deleted: [], failed: [] };
  const now = (options.now ?? new Date()).getTime();
  const graceMs = options.graceMs ?? 15 * 60_000;
  const entries = await listProvisions(client, orgId);
  for (const entry of entries) {
    if (typeof entry.email !== 'string') continue;
    const runId = reservedRunId(entry.email, options.domain);
    if (runId === undefined || runId === options.currentRunId?.toLowerCase()) continue;
    const created = typeof entry.created === 'string' ? Date.parse(entry.created) : Number.NaN;
    if (graceMs > 0 && (Number.isNaN(created) || now - created < graceMs)) continue;
    try {
      const res = await deleteProvision(client, orgId, entry.email);
      if (res.status === 200 || res.status === 204 || res.status === 404) report.deleted.push(entry.email);
      else report.failed.push({ email: entry.email, reason: `DELETE answered ${res.status}` });
    } catch (error) {
      report.failed.push({ email: entry.email, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
