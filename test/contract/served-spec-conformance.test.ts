import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/contract/runner.ts';
import { OPERATION_NAMES, OPERATIONS } from '../../src/model/operations.ts';
import { startMockHarness } from './helpers/mock-context.ts';
import { startVariantProxy, type Deviation } from './helpers/variant-proxy.ts';

const REST_READS = OPERATION_NAMES.filter((n) => OPERATIONS[n].api === 'rest' && OPERATIONS[n].method === 'GET');

describe('served_spec_conformance (observed behaviour against the tenant’s own served spec)', () => {
  it('should pass on every REST read of the default mock, having read its served document', async () => {
    const h = await startMockHarness();
    try {
      const ctx = h.context();
      for (const op of REST_READS) {
        const run = await runCheck(ctx, 'served_spec_conformance', op);
        expect(`${op}: ${run.outcome} ${run.message ?? ''}`).toBe(`${op}: passed `);
      }
    } finally {
      await h.close();
    }
  });

  it('should be not applicable, never failed, on a tenant that does not serve /rest/openapi', async () => {
    const noSpec: Deviation = ({ path }) =>
      path.startsWith('/rest/openapi') ? { status: 404, json: { jsonapi: { version: '1.0' }, errors: [{ status: '404', detail: 'Not Found' }] } } : undefined;
    const h = await startMockHarness({}, (url) => startVariantProxy(url, [], noSpec));
    try {
      const run = await runCheck(h.context(), 'served_spec_conformance', 'GET /rest/self');
      expect(run.outcome).toBe('skipped');
      expect(run.message).toContain('does not serve its OpenAPI document');
    } finally {
      await h.close();
    }
  });

  it('should fail when a status is not in the served document for the operation', async () => {
    // The served document for /self documents 200 only (a tenant whose spec lags its error handling).
    const onlyOk: Deviation = ({ path, json }) => {
      if (!path.startsWith('/rest/openapi/')) return undefined;
      const doc = json as { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
      const self = doc.paths['/self']!.get;
      self.responses = { '200': self.responses['200'] };
      return { json: doc };
    };
    const h = await startMockHarness({}, (url) => startVariantProxy(url, [], onlyOk));
    try {
      const run = await runCheck(h.context(), 'served_spec_conformance', 'GET /rest/self');
      expect(run.outcome).toBe('failed');
      expect(run.message).toMatch(/Contradiction: the status is not documented for the operation\nReceived: 401\nDocumented in the served spec: 200/);
    } finally {
      await h.close();
    }
  });
});
