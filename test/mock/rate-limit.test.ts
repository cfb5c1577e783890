import { describe, expect, it } from 'vitest';
import { GA, send, start } from './helpers.ts';

describe('rate limit', () => {
  it('should answer 429 with Retry-After past N requests per minute per key, in each API format', async () => {
    const t = await start({ rateLimit: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await send(t, `/rest/self?version=${GA}`)).status).toBe(200);
      const rest = await send(t, `/rest/self?version=${GA}`);
      expect(rest.status).toBe(429);
      expect(Number(rest.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(rest.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(rest.headers['content-type']).toBe('application/vnd.api+json');
      expect(rest.json.jsonapi).toEqual({ version: '1.0' });
      expect(rest.json.errors[0]).toMatchObject({ status: '429', code: 'SNYK-0001' });
      const v1 = await send(t, `/v1/org/${t.orgId}/provision`);
      expect(v1.status).toBe(429);
      expect(v1.json.code).toBe(429);
      expect(v1.headers['x-error-reference']).toBeDefined();
      // The API & Web key is another key with its own budget.
      for (let i = 0; i < 3; i++) expect((await send(t, '/users/')).status).toBe(200);
      const apiweb = await send(t, '/users/');
      expect(apiweb.status).toBe(429);
      expect(apiweb.json.detail).toMatch(/^Request was throttled/);
      t.setRateLimit(undefined);
      expect((await send(t, `/rest/self?version=${GA}`)).status).toBe(200);
      expect(t.requestCount()).toBe(10);
    } finally {
      await t.close();
    }
  });
});
