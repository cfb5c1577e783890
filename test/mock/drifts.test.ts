import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../src/model/operations.ts';
import { DRIFTS, findDrift } from '../../src/mock/drifts.ts';
// The drift catalog names checks of the contract registry: the same list, not a copy of it.
import { CHECK_IDS } from '../../src/contract/check-types.ts';
import { transcriptOf } from './drift-probes.ts';
import { start } from './helpers.ts';

const KINDS = [
  'schema',
  'status',
  'content-type',
  'headers',
  'pagination',
  'filters',
  'ordering',
  'lifecycle',
  'auth',
  'versioning',
  'consistency',
];

const TENANT = { seed: 11, users: 60, members: 30, provisions: 8 };

describe('drift catalog', () => {
  it('should name 30+ unique drifts over every operation and kind, each expecting known checks', () => {
    expect(DRIFTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(DRIFTS.map((d) => d.name)).size).toBe(DRIFTS.length);
    expect(new Set(DRIFTS.map((d) => d.operation))).toEqual(new Set(OPERATION_NAMES));
    expect(new Set(DRIFTS.map((d) => d.kind))).toEqual(new Set(KINDS));
    for (const d of DRIFTS) {
      expect(d.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.expectedChecks.length).toBeGreaterThan(0);
      for (const c of d.expectedChecks) expect(CHECK_IDS).toContain(c);
      expect(findDrift(d.name)).toBe(d);
    }
  });

  it('should serve identical transcripts for every operation without a drift', async () => {
    const [a, b] = await Promise.all([start(TENANT), start(TENANT)]);
    try {
      for (const op of OPERATION_NAMES) expect(await transcriptOf(a, op), op).toEqual(await transcriptOf(b, op));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  // A fresh pair of tenants per drift: write probes change state.
  it.each(DRIFTS.map((d) => [d.name, d.operation] as const))('should change what %s serves on %s', async (name, op) => {
    const [conforming, drifting] = await Promise.all([start(TENANT), start({ ...TENANT, drift: name })]);
    try {
      const expected = await transcriptOf(conforming, op);
      const served = await transcriptOf(drifting, op);
      expect(served).not.toEqual(expected);
    } finally {
      await Promise.all([conforming.close(), drifting.close()]);
    }
  });

  it('should switch drifts on and off on a running tenant', async () => {
    const t = await start(TENANT);
    try {
      const before = await transcriptOf(t, 'GET /users/');
      t.setDrift('users-count-off-by-one');
      expect(await transcriptOf(t, 'GET /users/')).not.toEqual(before);
      t.setDrift(undefined);
      const again = await transcriptOf(t, 'GET /users/');
      expect(again.map((l) => l.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ''))).toEqual(
        before.map((l) => l.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '')),
      );
    } finally {
      await t.close();
    }
  });
});
