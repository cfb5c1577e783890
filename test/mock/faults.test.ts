import { describe, expect, it } from 'vitest';
import { GA, send, start } from './helpers.ts';

describe('faults', () => {
  it('should answer 5xx in the API format for errorRate 1 without changing state', async () => {
    const t = await start({ faults: { errorRate: 1 } });
    try {
      const a = await send(t, `/rest/self?version=${GA}`);
      expect([500, 502, 503]).toContain(a.status);
      expect(a.json.errors[0].status).toBe(String(a.status));
      const b = await send(t, `/v1/org/${t.orgId}/provision`, {
        method: 'POST',
        body: { email: 'f@acme-corp.example.com', role: 'ADMIN' },
      });
      expect(b.status).toBeGreaterThanOrEqual(500);
      t.setFaults(undefined);
      const list = await send(t, `/v1/org/${t.orgId}/provision`);
      expect(list.json.some((p: any) => p.email === 'f@acme-corp.example.com')).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('should reset connections, truncate bodies and mislabel content types when asked', async () => {
    const t = await start({ faults: { resetRate: 1 } });
    try {
      await expect(send(t, '/users/')).rejects.toThrow();
      t.setFaults({ truncateRate: 1 });
      await expect(send(t, '/users/?length=50')).rejects.toThrow();
      t.setFaults({ wrongContentTypeRate: 1, latencyMs: 20 });
      const a = await send(t, '/users/');
      expect(a.status).toBe(200);
      expect(a.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(a.json.count).toBeGreaterThan(0);
      t.setFaults(undefined);
      expect((await send(t, '/users/')).headers['content-type']).toBe('application/json');
    } finally {
      await t.close();
    }
  });

  it('should draw the same faults for the same fault seed and request order', async () => {
    const statuses = async () => {
      const t = await start({ faults: { errorRate: 0.5, seed: 99 } });
      try {
        const out: number[] = [];
        for (let i = 0; i < 24; i++) out.push((await send(t, '/users/')).status);
        return out;
      } finally {
        await t.close();
      }
    };
    const [a, b] = [await statuses(), await statuses()];
    expect(a).toEqual(b);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(a.filter((s) => s >= 500).length).toBeGreaterThan(3);
  });

  it('should refuse rates outside 0..1', async () => {
    const t = await start();
    try {
      expect(() => t.setFaults({ errorRate: 2 })).toThrow(expect.objectContaining({ code: 'MOCK_INVALID_OPTION' }));
    } finally {
      await t.close();
    }
  });
});
