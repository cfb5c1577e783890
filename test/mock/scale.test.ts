import { describe, expect, it } from 'vitest';
import { send, start } from './helpers.ts';

describe('scale', () => {
  it('should start with 100000 users and serve page 1000 of 100', async () => {
    const began = performance.now();
    const t = await start({ users: 100_000 });
    const startedMs = performance.now() - began;
    try {
      const a = await send(t, '/users/?length=100&page=1000');
      const firstMs = performance.now() - began - startedMs;
      console.log(
        `mock with 100000 users: started in ${startedMs.toFixed(0)} ms, page 1000 after ${firstMs.toFixed(0)} ms more`,
      );
      expect(a.status).toBe(200);
      expect(a.json).toMatchObject({ count: 100_000, page_total: 1000, page: 1000, length: 100 });
      expect(a.json.results).toHaveLength(100);
      // Page 1000 holds the last 100 users in creation order: a single user fetch agrees.
      const last = a.json.results[99];
      expect((await send(t, `/users/${last.id}/`)).json).toEqual(last);
      expect((await send(t, '/users/?length=100&page=1001')).status).toBe(404);
      const ordered = await send(t, '/users/?length=100&page=1000&ordering=-name');
      expect(ordered.json.results).toHaveLength(100);
    } finally {
      await t.close();
    }
  });
});
