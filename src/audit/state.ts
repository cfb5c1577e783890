/**
 * The last-seen state: a small JSON file (schemas/state.schema.json) a nightly run reads and rewrites, so
 * that activity seen by earlier runs outlives the audit logs' 90-day retention (audit-log docs; Prowler,
 * Steampipe and legitify keep no such state). Per identity it keeps the latest activity seen and its source; for
 * the audit logs it keeps the continuous window already read (`since`..`until`), which is what lets a
 * threshold above 90 days be judged. A gap between runs longer than the retention restarts the window.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { schemaId } from '../model/operations.ts';
import type { LastSeenState as StateFile } from '../schema/generated/state.ts';
import { formatSchemaErrors, schemas } from '../schema/registry.ts';
import { AuditError } from './audit-error.ts';
import { DAY_MS, parseApiDate } from './api-date.ts';

export const STATE_SCHEMA_ID = schemaId('state');
/** Identities not seen for this long are dropped, so the file does not grow without bound. */
export const STATE_RETENTION_DAYS = 730;

export interface LastSeenEntry {
  at: number;
  source: string;
  event?: string;
}

export interface LastSeenState {
  updatedAt: number;
  auditLog?: { since: number; until: number; orgIds?: string[] };
  identities: Map<string, LastSeenEntry>;
}

export const stateKey = {
  snykUser: (id: string): string => `snyk-user:${id}`,
  apiwebUser: (id: string): string => `apiweb-user:${id}`,
};

/** Reads the state; a missing file is the first run (undefined). */
export async function readState(path: string): Promise<LastSeenState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AuditError('STATE_UNREADABLE', `cannot read the last-seen state ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      cause: err,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AuditError('STATE_INVALID', `the last-seen state ${path} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  return decodeState(value, path);
}

export function decodeState(value: unknown, path = 'state'): LastSeenState {
  const result = schemas().validate(STATE_SCHEMA_ID, value);
  if (!result.valid) {
    throw new AuditError('STATE_INVALID', `the last-seen state ${path} is not valid:\n${formatSchemaErrors(result.errors)}`);
  }
  const file = value as StateFile;
  const identities = new Map<string, LastSeenEntry>();
  for (const [key, entry] of Object.entries(file.identities)) {
    const at = parseApiDate(entry.lastSeen);
    if (at === undefined) continue;
    const e: LastSeenEntry = { at, source: entry.source };
    if (entry.event !== undefined) e.event = entry.event;
    identities.set(key, e);
  }
  const state: LastSeenState = { updatedAt: parseApiDate(file.updatedAt) ?? 0, identities };
  if (file.auditLog) {
    const since = parseApiDate(file.auditLog.since);
    const until = parseApiDate(file.auditLog.until);
    if (since !== undefined && until !== undefined) {
      state.auditLog = { since, until };
      if (file.auditLog.orgIds) state.auditLog.orgIds = file.auditLog.orgIds;
    }
  }
  return state;
}

export interface StateObservations {
  now: number;
  /** Activity seen in this run, by state key. */
  seen: Iterable<[string, LastSeenEntry]>;
  /** This run's audit-log window, when every audit log was read completely. */
  auditLog?: { from: number; orgIds?: readonly string[] };
}

/**
 * Merges this run into the state: the latest activity per identity wins; the audit-log window extends when
 * this run's window starts at or before the previous window's end (no gap), and restarts otherwise. A run
 * whose audit-log read was incomplete leaves the window as it was.
 */
export function mergeState(previous: LastSeenState | undefined, run: StateObservations): LastSeenState {
  const identities = new Map(previous?.identities ?? []);
  for (const [key, entry] of run.seen) {
    const old = identities.get(key);
    if (!old || entry.at > old.at) identities.set(key, entry);
  }
  const horizon = run.now - STATE_RETENTION_DAYS * DAY_MS;
  for (const [key, entry] of identities) if (entry.at < horizon) identities.delete(key);
  const next: LastSeenState = { updatedAt: run.now, identities };
  const prev = previous?.auditLog;
  if (run.auditLog) {
    const sameOrgs = sameSet(prev?.orgIds, run.auditLog.orgIds);
    const since = prev && sameOrgs && prev.until >= run.auditLog.from ? Math.min(prev.since, run.auditLog.from) : run.auditLog.from;
    next.auditLog = { since, until: run.now };
    if (run.auditLog.orgIds) next.auditLog.orgIds = [...run.auditLog.orgIds].sort();
  } else if (prev) {
    next.auditLog = prev;
  }
  return next;
}

function sameSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

export function encodeState(state: LastSeenState): StateFile {
  const identities: StateFile['identities'] = {};
  for (const key of [...state.identities.keys()].sort()) {
    const e = state.identities.get(key);
    if (!e) continue;
    identities[key] = { lastSeen: new Date(e.at).toISOString(), source: e.source, ...(e.event ? { event: e.event } : {}) };
  }
  const file: StateFile = { version: 1, updatedAt: new Date(state.updatedAt).toISOString(), identities };
  if (state.auditLog) {
    file.auditLog = { since: new Date(state.auditLog.since).toISOString(), until: new Date(state.auditLog.until).toISOString() };
    if (state.auditLog.orgIds) file.auditLog.orgIds = state.auditLog.orgIds;
  }
  return file;
}

/** Writes the state atomically (temporary file, then rename), so a killed run never leaves half a file. */
export async function writeState(path: string, state: LastSeenState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(encodeState(state), null, 2)}\n`);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
