import { describe, expect, it } from 'vitest';
import { classification, diffSpecs, SPEC_RULES } from '../../src/contract/spec-diff.ts';
import { MEMBERSHIP_RELEASE_CHANGES } from '../../src/mock/rest/membership-releases.ts';
import { openapiDocument } from '../../src/mock/rest/openapi-document.ts';

const OP = 'GET /rest/orgs/{org_id}/memberships' as const;

/** A one-operation document: parameters, responses and a `components` schema for the 200 body. */
function doc(options: { params?: unknown[]; statuses?: string[]; item?: Record<string, unknown> } = {}): unknown {
  const item = options.item ?? {
    type: 'object',
    required: ['id', 'role'],
    properties: { id: { type: 'string' }, role: { type: 'string', enum: ['admin', 'member'] }, name: { type: 'string' } },
  };
  const responses: Record<string, unknown> = {};
  for (const s of options.statuses ?? ['200', '400', '404']) {
    responses[s] = s === '200'
      ? { description: 'ok', content: { 'application/vnd.api+json': { schema: { $ref: '#/components/schemas/Page' } } } }
      : { $ref: '#/components/responses/Error' };
  }
  return {
    openapi: '3.0.3',
    paths: {
      '/orgs/{org_id}/memberships': {
        get: {
          parameters: options.params ?? [
            { name: 'org_id', in: 'path', required: true, schema: { type: 'string' } },
            { $ref: '#/components/parameters/SortBy' },
            { name: 'email', in: 'query', schema: { type: 'string' } },
          ],
          responses,
        },
      },
    },
    components: {
      parameters: { SortBy: { name: 'sort_by', in: 'query', schema: { type: 'string', enum: ['email', 'username'] } } },
      responses: { Error: { description: 'error' } },
      schemas: { Page: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } }, Item: item },
    },
  };
}

const rules = (from: unknown, to: unknown): string[] => diffSpecs(from, to, [OP]).map((c) => `${c.rule} ${c.path}`);

describe('the served-spec diff (oasdiff rule ids and levels)', () => {
  it('should find no change between identical documents', () => {
    expect(diffSpecs(doc(), doc(), [OP])).toEqual([]);
  });

  it('should classify a removed required response property as breaking and an added optional one as non-breaking', () => {
    const to = doc({ item: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, name: { type: 'string' }, avatar: { type: 'string' } } } });
    const changes = diffSpecs(doc(), to, [OP]);
    const removed = changes.find((c) => c.rule === 'response-required-property-removed')!;
    expect(removed).toMatchObject({ level: 'error', breaking: true, path: '200 application/vnd.api+json data[].role' });
    expect(classification(removed)).toBe('breaking (response-required-property-removed)');
    const added = changes.find((c) => c.rule === 'response-optional-property-added')!;
    expect(added).toMatchObject({ level: 'info', breaking: false, path: '200 application/vnd.api+json data[].avatar' });
  });

  it('should report requiredness and enum changes of response properties', () => {
    const to = doc({ item: { type: 'object', required: ['role', 'name'], properties: { id: { type: 'string' }, role: { type: 'string', enum: ['admin', 'owner'] }, name: { type: 'string' } } } });
    expect(rules(doc(), to).sort()).toEqual([
      'response-property-became-optional 200 application/vnd.api+json data[].id',
      'response-property-became-required 200 application/vnd.api+json data[].name',
      'response-property-enum-value-added 200 application/vnd.api+json data[].role',
      'response-property-enum-value-removed 200 application/vnd.api+json data[].role',
    ]);
  });

  it('should classify parameter changes: made required and enum narrowed break, a new optional one does not', () => {
    const to = doc({
      params: [
        { name: 'org_id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'sort_by', in: 'query', schema: { type: 'string', enum: ['email', 'login_method'] } },
        { name: 'email', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer' } },
      ],
    });
    const changes = diffSpecs(doc(), to, [OP]);
    const by = (rule: string) => changes.find((c) => c.rule === rule);
    expect(by('request-parameter-became-required')).toMatchObject({ path: 'query.email', breaking: true });
    expect(by('request-parameter-enum-value-removed')).toMatchObject({ path: 'query.sort_by', breaking: true });
    expect(by('request-parameter-enum-value-added')).toMatchObject({ path: 'query.sort_by', breaking: false });
    expect(by('new-optional-request-parameter')).toMatchObject({ path: 'query.limit', breaking: false });
    expect(rules(to, doc())).toContain('request-parameter-removed query.limit');
  });

  it('should classify status codes: a removed success status breaks, a new error status does not', () => {
    expect(rules(doc(), doc({ statuses: ['201', '400', '404', '409'] })).sort()).toEqual([
      'response-non-success-status-added 409',
      'response-success-status-added 201',
      'response-success-status-removed 200',
    ]);
    expect(diffSpecs(doc(), doc({ statuses: ['201', '400', '404'] }), [OP]).find((c) => c.rule === 'response-success-status-removed')?.level).toBe('error');
  });

  it('should report an operation that appears or disappears', () => {
    const empty = { openapi: '3.0.3', paths: {} };
    expect(rules(empty, doc())).toEqual(['endpoint-added /rest/orgs/{org_id}/memberships']);
    expect(diffSpecs(doc(), empty, [OP])[0]).toMatchObject({ rule: 'api-removed-without-deprecation', breaking: true });
  });

  it('should give every rule it applies the level oasdiff gives it', () => {
    expect(SPEC_RULES['response-required-property-removed']).toBe('error');
    expect(SPEC_RULES['response-optional-property-removed']).toBe('warning');
    expect(SPEC_RULES['request-parameter-became-required']).toBe('error');
    expect(SPEC_RULES['response-optional-property-added']).toBe('info');
  });

  it("should find the mock's memberships release change between its experimental and GA documents", () => {
    const from = openapiDocument('2024-08-01~experimental', { today: '2025-06-01' });
    const to = openapiDocument('2024-10-15', { today: '2025-06-01' });
    if (!from.ok || !to.ok) throw new Error('no document');
    const changes = diffSpecs(from.document, to.document, [OP, 'GET /rest/self']).map((c) => [c.rule, c.path, c.breaking]);
    expect(changes).toEqual([
      ['response-required-property-removed', '200 application/vnd.api+json data[].attributes.updated_at', true],
      ['response-optional-property-added', '200 application/vnd.api+json data[].relationships.user.data.attributes.login_method', false],
    ]);
    // The catalogue docs/mock.md is rendered from says the same.
    expect(MEMBERSHIP_RELEASE_CHANGES.map((c) => [c.rule, `200 application/vnd.api+json ${c.path}`, c.breaking])).toEqual(changes);
  });
});
