/**
 * The pre-upgrade check (`compare --from A --to B`): the REST operations under both versions, side by side.
 * For each operation the documented request is observed under each version (served version, lifecycle
 * stage, deprecation/sunset, status, Content-Type), and every case of the operation's deterministic case
 * set (the happy path, boundary values, negative inputs, missing credentials) is sent under both versions;
 * every difference in status, Content-Type, response header names and JSON shape is reported. Next to them,
 * what the tenant's own OpenAPI documents say changed (`GET /rest/openapi/{version}` for each side,
 * spec-diff.ts), each change classified breaking / non-breaking as oasdiff classifies it.
 */
import type { TenantClient } from '../client/types.ts';
import type { TenantConfig } from '../config/tenant-config.ts';
import { OPERATION_NAMES, OPERATIONS, versionFor, type OperationName } from '../model/operations.ts';
import type { VersionComparison } from '../model/results.ts';
import type { VersionObservation } from '../schema/generated/results.ts';
import { createCheckContext, type CheckContext } from './check-context.ts';
import type { CheckCase } from './check-types.ts';
import { caseSpace } from './case-space.ts';
import { diffShapes, shapeOf } from './json-shape.ts';
import { fetchServedSpec, type ServedSpec } from './served-spec.ts';
import { classification, diffSpecs } from './spec-diff.ts';
import type { ApiResponse } from '../client/types.ts';

export type ClientSource = TenantClient | ((version: string) => TenantClient | Promise<TenantClient>);

export interface CompareOptions {
  /** Operations to compare (default: every REST read operation; PATCH only with allowWrites). */
  operations?: readonly OperationName[];
  /** PATCH group user is compared against a user that does not exist; still a write request. */
  allowWrites?: boolean;
  /** Seed of the generated cases (default 1: the same cases under both versions). */
  seed?: number;
  /** Cases per operation beyond the documented request (default 12). */
  maxCases?: number;
}

type Difference = VersionComparison['operations'][number]['differences'][number];
type SpecSource = NonNullable<VersionComparison['specs']>[number];

/**
 * The spec changes of each operation: the documents effective at each side's version for the operation (a
 * beta-only operation is described by the `~beta` document), each read once.
 */
async function specDifferences(
  clientFrom: TenantClient,
  clientTo: TenantClient,
  from: string,
  to: string,
  operations: readonly OperationName[],
): Promise<{ byOperation: Map<OperationName, Difference[]>; specs: SpecSource[] }> {
  const cache = new Map<string, Promise<ServedSpec>>();
  const read = (side: 'from' | 'to', version: string): Promise<ServedSpec> => {
    const key = `${side}\u0000${version}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = fetchServedSpec(side === 'from' ? clientFrom : clientTo, version);
      cache.set(key, pending);
    }
    return pending;
  };
  const byOperation = new Map<OperationName, Difference[]>();
  for (const name of operations) {
    const op = OPERATIONS[name];
    const a = await read('from', versionFor(op, from) ?? from);
    const b = await read('to', versionFor(op, to) ?? to);
    if (!a.available || !b.available) continue;
    byOperation.set(
      name,
      diffSpecs(a.document, b.document, [name]).map((c) => ({
        kind: 'spec',
        path: c.path,
        message: `${classification(c)}: ${c.message}`,
        rule: c.rule,
        level: c.level,
        breaking: c.breaking,
      })),
    );
  }
  const specs: SpecSource[] = [];
  for (const [key, pending] of cache) {
    const side = key.split('\u0000')[0] as 'from' | 'to';
    const spec = await pending;
    specs.push(
      spec.available
        ? { side, version: spec.version, available: true, ...(spec.served ? { served: spec.served } : {}) }
        : { side, version: spec.version, available: false, reason: spec.reason },
    );
  }
  return { byOperation, specs };
}

/** Headers whose value or presence changes per request, not per contract. */
const VOLATILE = new Set(['date', 'content-length', 'snyk-request-id', 'x-request-id', 'connection', 'keep-alive', 'etag', 'age', 'x-error-reference']);

function observe(requested: string, r: ApiResponse): VersionObservation {
  const h = r.headers;
  return {
    requested,
    ...(h['snyk-version-served'] ? { served: h['snyk-version-served'] } : {}),
    ...(h['snyk-version-lifecycle-stage'] ? { lifecycleStage: h['snyk-version-lifecycle-stage'] } : {}),
    status: r.status,
    ...(r.contentType ? { contentType: r.contentType } : {}),
    ...(h.deprecation ? { deprecation: h.deprecation } : {}),
    ...(h.sunset ? { sunset: h.sunset } : {}),
  };
}

function retarget(c: CheckCase, from: string, to: string): CheckCase {
  const op = OPERATIONS[c.operation];
  if (c.request.version !== versionFor(op, from)) return c;
  return { ...c, request: { ...c.request, version: versionFor(op, to) ?? null } };
}

function compareResponses(label: string, a: ApiResponse, b: ApiResponse): Difference[] {
  if (a.status !== b.status) {
    // A different status explains every other difference of the exchange.
    return [{ kind: 'status', path: label, message: `${a.status} → ${b.status}`, from: a.status, to: b.status }];
  }
  const out: Difference[] = [];
  if ((a.contentType ?? '') !== (b.contentType ?? '')) {
    out.push({ kind: 'content-type', path: label, message: `${a.contentType ?? '(none)'} → ${b.contentType ?? '(none)'}`, from: a.contentType, to: b.contentType });
  }
  const names = (r: ApiResponse): Set<string> => new Set(Object.keys(r.headers).filter((k) => !VOLATILE.has(k)));
  const ha = names(a);
  const hb = names(b);
  for (const k of ha) if (!hb.has(k)) out.push({ kind: 'header', path: label, message: `header ${k} is no longer sent`, from: a.headers[k] });
  for (const k of hb) if (!ha.has(k)) out.push({ kind: 'header', path: label, message: `header ${k} is new`, to: b.headers[k] });
  if (a.json !== undefined && b.json !== undefined) {
    for (const d of diffShapes(shapeOf(a.json), shapeOf(b.json))) {
      const what = d.kind === 'added' ? `added (${d.to?.join('|')})` : d.kind === 'removed' ? `removed (was ${d.from?.join('|')})` : `type ${d.from?.join('|')} → ${d.to?.join('|')}`;
      out.push({ kind: 'shape', path: label, message: `${d.path} ${what}`, from: d.from, to: d.to });
    }
  }
  return out;
}

function lifecycleDifferences(a: VersionObservation, b: VersionObservation): Difference[] {
  const out: Difference[] = [];
  const fields: [keyof VersionObservation, string][] = [
    ['served', 'served version'],
    ['lifecycleStage', 'lifecycle stage'],
    ['deprecation', 'deprecation'],
    ['sunset', 'sunset'],
  ];
  for (const [key, name] of fields) {
    if (a[key] !== b[key]) out.push({ kind: 'lifecycle', message: `${name}: ${a[key] ?? '(none)'} → ${b[key] ?? '(none)'}`, from: a[key], to: b[key] });
  }
  return out;
}

async function clientFor(source: ClientSource, version: string): Promise<TenantClient> {
  return typeof source === 'function' ? source(version) : source;
}

/** Compares the REST operations under `from` and `to`. */
export async function compareVersions(
  source: ClientSource,
  config: TenantConfig,
  from: string,
  to: string,
  options: CompareOptions = {},
): Promise<VersionComparison> {
  const clientFrom = await clientFor(source, from);
  const clientTo = await clientFor(source, to);
  // The deterministic case set only: one generated case per property, the same seed under both versions.
  const settings = {
    config,
    tenant: 'live' as const,
    seed: options.seed ?? 1,
    numRuns: 1,
    allowWrites: options.allowWrites ?? false,
    now: new Date().toISOString(),
  };
  const ctxFrom: CheckContext = createCheckContext({ ...settings, client: clientFrom, restVersion: from });
  const ctxTo: CheckContext = createCheckContext({ ...settings, client: clientTo, restVersion: to });
  const operations =
    options.operations ?? OPERATION_NAMES.filter((n) => OPERATIONS[n].api === 'rest' && (!OPERATIONS[n].writes || options.allowWrites));
  const maxCases = options.maxCases ?? 12;
  const spec = await specDifferences(clientFrom, clientTo, from, to, operations);
  const result: VersionComparison = { from, to, specs: spec.specs, operations: [] };
  for (const name of operations) {
    const op = OPERATIONS[name];
    const space = await caseSpace(ctxFrom, name);
    // Cases that pin their own version say nothing about the difference between the two.
    const cases = space.examples.filter((c) => c.mode !== 'version' && c.request.version === versionFor(op, from)).slice(0, maxCases + 1);
    // What the served documents say changed, then what the tenant was seen to do.
    const differences: Difference[] = [...(spec.byOperation.get(name) ?? [])];
    let obsFrom: VersionObservation | undefined;
    let obsTo: VersionObservation | undefined;
    let skippedSameWay = 0;
    for (const [i, c] of cases.entries()) {
      const other = retarget(c, from, to);
      const a = await ctxFrom.send(c.request);
      const b = await ctxTo.send(other.request);
      if (i === 0) {
        obsFrom = observe(c.request.version ?? from, a);
        obsTo = observe(other.request.version ?? to, b);
        differences.push(...lifecycleDifferences(obsFrom, obsTo));
      }
      const label = i === 0 ? 'documented request' : c.description;
      const found = compareResponses(label, a, b);
      // The operation appears or disappears between the versions: the documented request says it all.
      if (i > 0 && obsFrom && obsTo && obsFrom.status !== obsTo.status && found.every((d) => d.kind === 'status')) {
        skippedSameWay += found.length;
        continue;
      }
      differences.push(...found);
    }
    if (skippedSameWay > 0) {
      differences.push({ kind: 'status', message: `${skippedSameWay} more case(s) change status with the documented request` });
    }
    result.operations.push({
      operation: name,
      ...(obsFrom ? { from: obsFrom } : {}),
      ...(obsTo ? { to: obsTo } : {}),
      differences,
    });
  }
  return result;
}
