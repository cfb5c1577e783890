/**
 * The REST schemas accept the documented examples (REST Users reference, spec examples) and reject what the spec rules out:
 * missing required members, bad enums and formats, and extra members where the spec says additionalProperties:false.
 */
import { describe, it } from 'vitest';
import { edited, expectRejected, expectValid } from './expect-schema.ts';

const JSONAPI = { version: '1.0' };
const UUID = '55a348e2-c3ad-4bbc-b40e-9b232d1f4121';
const LINKS = {
  first: 'https://example.com/api/resource',
  last: 'https://example.com/api/resource',
  next: 'https://example.com/api/resource',
  prev: 'https://example.com/api/resource',
  related: 'https://example.com/api/resource',
  self: 'https://example.com/api/resource',
};

describe('rest/jsonapi and rest/links', () => {
  it('should accept a version like 1.0 and reject other spellings or extra members', () => {
    expectValid('rest/jsonapi', JSONAPI);
    expectRejected('rest/jsonapi', { version: '1' }, { keyword: 'pattern', instancePath: '/version' });
    expectRejected('rest/jsonapi', { version: '01.0' }, { keyword: 'pattern', instancePath: '/version' });
    expectRejected('rest/jsonapi', {}, { keyword: 'required', params: { missingProperty: 'version' } });
    expectRejected('rest/jsonapi', { version: '1.0', meta: {} }, { keyword: 'additionalProperties' });
  });

  it('should accept string and object links, and reject unknown link names or malformed link objects', () => {
    expectValid('rest/links', LINKS);
    expectValid('rest/links', { next: { href: '/rest/orgs?starting_after=x', meta: { count: 1 } } });
    expectRejected('rest/links', { ...LINKS, foo: '/x' }, { keyword: 'additionalProperties', params: { additionalProperty: 'foo' } });
    expectRejected('rest/links', { next: { meta: {} } }, { keyword: 'oneOf', instancePath: '/next' });
    expectRejected('rest/links', { next: { href: '/x', title: 'x' } }, { keyword: 'oneOf', instancePath: '/next' });
    expectRejected('rest/links', { next: null }, { keyword: 'oneOf', instancePath: '/next' });
  });
});

describe('rest/error-document', () => {
  const doc = { jsonapi: JSONAPI, errors: [{ status: '404', detail: 'Not Found' }] };

  it('should accept the spec example', () => {
    expectValid('rest/error-document', doc);
  });

  it('should reject an empty errors list, a non-error status, a missing detail and unknown members', () => {
    expectRejected('rest/error-document', { ...doc, errors: [] }, { keyword: 'minItems', instancePath: '/errors' });
    expectRejected('rest/error-document', { ...doc, errors: [{ status: '200', detail: 'x' }] }, {
      keyword: 'pattern',
      instancePath: '/errors/0/status',
    });
    expectRejected('rest/error-document', { ...doc, errors: [{ status: 404, detail: 'x' }] }, {
      keyword: 'type',
      instancePath: '/errors/0/status',
    });
    expectRejected('rest/error-document', { ...doc, errors: [{ status: '404' }] }, {
      keyword: 'required',
      params: { missingProperty: 'detail' },
    });
    expectRejected('rest/error-document', { ...doc, errors: [{ status: '404', detail: 'x', reason: 'y' }] }, {
      keyword: 'additionalProperties',
      instancePath: '/errors/0',
    });
    expectRejected('rest/error-document', { ...doc, errors: [{ status: '404', detail: 'x', id: 'abc' }] }, {
      keyword: 'format',
      instancePath: '/errors/0/id',
    });
    expectRejected('rest/error-document', { ...doc, links: {} }, { keyword: 'additionalProperties', instancePath: '' });
  });
});

describe('rest/self-document', () => {
  // REST Users reference GET /rest/self example (its email is the docs' obfuscated "[email protected]": no email format).
  const seedUser = {
    data: {
      attributes: {
        avatar_url: 'https://snyk.io/avatar.png',
        default_org_context: '123e4567-e89b-12d3-a456-426614174000',
        email: '[email protected]',
        name: 'user',
        username: 'username',
      },
      id: UUID,
      type: 'user',
    },
    jsonapi: JSONAPI,
    links: LINKS,
  };

  it('should accept the REST Users reference example and an app instance', () => {
    expectValid('rest/self-document', seedUser);
    expectValid('rest/self-document', { ...seedUser, data: { type: 'app_instance', id: UUID, attributes: { name: 'app' } } });
  });

  it('should reject a document without links, jsonapi or data', () => {
    for (const key of ['links', 'jsonapi', 'data'] as const) {
      expectRejected('rest/self-document', edited(seedUser, (d: Partial<typeof seedUser>) => delete d[key]), {
        keyword: 'required',
        params: { missingProperty: key },
      });
    }
  });

  it('should reject an unknown principal type, a non-uuid id and unknown data members', () => {
    expectRejected('rest/self-document', edited(seedUser, (d) => void (d.data.type = 'robot')), {
      keyword: 'enum',
      instancePath: '/data/type',
    });
    expectRejected('rest/self-document', edited(seedUser, (d) => void (d.data.id = '42')), {
      keyword: 'format',
      instancePath: '/data/id',
    });
    expectRejected('rest/self-document', edited(seedUser, (d) => Object.assign(d.data, { meta: {} })), {
      keyword: 'additionalProperties',
      instancePath: '/data',
    });
  });

  it('should reject user attributes without avatar_url (no attribute shape matches)', () => {
    expectRejected(
      'rest/self-document',
      edited(seedUser, (d: { data: { attributes: Partial<typeof seedUser.data.attributes> } }) => delete d.data.attributes.avatar_url),
      { keyword: 'anyOf', instancePath: '/data/attributes' },
    );
  });

  it('should reject service-account attributes carrying a member the spec does not list', () => {
    expectRejected(
      'rest/self-document',
      { ...seedUser, data: { type: 'service_account', id: UUID, attributes: { name: 'ci', token: 'x' } } },
      { keyword: 'anyOf', instancePath: '/data/attributes' },
    );
  });
});

describe('rest/org-user-document', () => {
  // REST Users reference GET /rest/orgs/{org_id}/users/{id} example.
  const seedUser = {
    data: {
      attributes: {
        active: true,
        email: '[email protected]',
        membership: { created_at: '2022-09-14T09:19:29.206Z', strategy: 'direct' },
        name: 'user',
        username: 'username',
      },
      id: UUID,
      type: 'user',
    },
    jsonapi: JSONAPI,
  };

  it('should accept the REST Users reference example and attributes with nothing in them', () => {
    expectValid('rest/org-user-document', seedUser);
    expectValid('rest/org-user-document', { ...seedUser, data: { ...seedUser.data, attributes: {} } });
  });

  it('should reject a bad membership strategy, a bad created_at, unknown attributes and a missing jsonapi', () => {
    expectRejected('rest/org-user-document', edited(seedUser, (d) => void (d.data.attributes.membership.strategy = 'sideways')), {
      keyword: 'enum',
      instancePath: '/data/attributes/membership/strategy',
    });
    expectRejected('rest/org-user-document', edited(seedUser, (d) => void (d.data.attributes.membership.created_at = '2022-09-14')), {
      keyword: 'format',
      instancePath: '/data/attributes/membership/created_at',
    });
    expectRejected('rest/org-user-document', edited(seedUser, (d) => Object.assign(d.data.attributes, { role: 'admin' })), {
      keyword: 'additionalProperties',
      instancePath: '/data/attributes',
    });
    expectRejected('rest/org-user-document', edited(seedUser, (d) => void (d.data.attributes.active = 'yes' as never)), {
      keyword: 'type',
      instancePath: '/data/attributes/active',
    });
    expectRejected('rest/org-user-document', { data: seedUser.data }, { keyword: 'required', params: { missingProperty: 'jsonapi' } });
  });
});

describe('rest/group-user-patch-request', () => {
  const seedBody = { data: { attributes: { membership: null }, id: '55a348e2-c3ad-4bbc-b40e-9b232d1f4122', type: 'user' } };

  it('should accept the REST Users reference example (membership: null)', () => {
    expectValid('rest/group-user-patch-request', seedBody);
  });

  it('should reject a membership object (only removal is supported) and a missing membership', () => {
    expectRejected('rest/group-user-patch-request', edited(seedBody, (d) => void (d.data.attributes.membership = { role: 'x' } as never)), {
      keyword: 'type',
      instancePath: '/data/attributes/membership',
    });
    expectRejected('rest/group-user-patch-request', edited(seedBody, (d) => void (d.data.attributes = {} as never)), {
      keyword: 'required',
      params: { missingProperty: 'membership' },
    });
  });

  it('should reject a body without data, id or type, and unknown data members', () => {
    expectRejected('rest/group-user-patch-request', {}, { keyword: 'required', params: { missingProperty: 'data' } });
    expectRejected('rest/group-user-patch-request', { data: { attributes: { membership: null }, type: 'user' } }, {
      keyword: 'required',
      params: { missingProperty: 'id' },
    });
    expectRejected('rest/group-user-patch-request', { data: { ...seedBody.data, relationships: {} } }, {
      keyword: 'additionalProperties',
      instancePath: '/data',
    });
  });
});

const membership = (kind: 'org' | 'group') => ({
  type: `${kind}_membership`,
  id: '331ede0a-de94-456f-b788-166caeca58c1',
  attributes: { created_at: '2022-03-16T00:00:00Z' },
  relationships: {
    [kind]: { data: { type: kind, id: '21111111-a222-4eee-8ddd-a99999999999', attributes: { name: 'Example' } } },
    role: { data: { type: `${kind}_role`, id: 'beeeeeee-dddd-4444-aaaa-133333333333', attributes: { name: 'Admin' } } },
    user: {
      data: {
        type: 'user',
        id: '05555555-3333-4ddd-8ccc-755555555555',
        attributes: { name: 'Cy', username: 'cy@example.com', email: 'cy@example.com' },
      },
    },
  },
});

describe.each([
  ['rest/org-membership-list', 'org'],
  ['rest/group-membership-list', 'group'],
] as const)('%s', (schema, kind) => {
  const page = { jsonapi: JSONAPI, data: [membership(kind)], links: { self: `/rest/${kind}s/x/memberships?version=2024-10-15` } };

  it('should accept a page and an empty last page', () => {
    expectValid(schema, page);
    expectValid(schema, { ...page, data: [] });
  });

  it('should reject a page without links (required on list responses)', () => {
    expectRejected(schema, { jsonapi: JSONAPI, data: [] }, { keyword: 'required', params: { missingProperty: 'links' } });
  });

  it('should reject a membership without created_at or with extra attributes', () => {
    expectRejected(schema, { ...page, data: [{ ...membership(kind), attributes: {} }] }, {
      keyword: 'required',
      instancePath: '/data/0/attributes',
      params: { missingProperty: 'created_at' },
    });
    expectRejected(schema, { ...page, data: [{ ...membership(kind), attributes: { created_at: '2022-03-16T00:00:00Z', x: 1 } }] }, {
      keyword: 'additionalProperties',
      instancePath: '/data/0/attributes',
    });
  });

  it(`should reject relationships without the ${kind}, or a user without email`, () => {
    const item = membership(kind);
    const relationships: Record<string, unknown> = { ...item.relationships };
    delete relationships[kind];
    expectRejected(schema, { ...page, data: [{ ...item, relationships }] }, {
      keyword: 'required',
      instancePath: '/data/0/relationships',
      params: { missingProperty: kind },
    });
    const noEmail = edited(item, (d) => void delete (d.relationships.user!.data.attributes as { email?: string }).email);
    expectRejected(schema, { ...page, data: [noEmail] }, {
      keyword: 'required',
      instancePath: '/data/0/relationships/user/data/attributes',
      params: { missingProperty: 'email' },
    });
  });

  it('should reject a non-uuid related id and unknown members of a relationship data object', () => {
    const badId = edited(membership(kind), (d) => void ((d.relationships.role as { data: { id: string } }).data.id = 'role-1'));
    expectRejected(schema, { ...page, data: [badId] }, { keyword: 'format', instancePath: '/data/0/relationships/role/data/id' });
    const extra = edited(membership(kind), (d) => Object.assign((d.relationships.role as { data: object }).data, { links: {} }));
    expectRejected(schema, { ...page, data: [extra] }, {
      keyword: 'additionalProperties',
      instancePath: '/data/0/relationships/role/data',
    });
  });
});

describe('rest/group-membership-list meta', () => {
  it('should accept a numeric group_membership_count and reject other meta', () => {
    const page = { jsonapi: JSONAPI, data: [{ ...membership('group'), meta: { group_membership_count: 3 } }], links: {} };
    expectValid('rest/group-membership-list', page);
    expectRejected('rest/group-membership-list', { ...page, data: [{ ...membership('group'), meta: { group_membership_count: '3' } }] }, {
      keyword: 'type',
      instancePath: '/data/0/meta/group_membership_count',
    });
    expectRejected('rest/group-membership-list', { ...page, data: [{ ...membership('group'), meta: { total: 3 } }] }, {
      keyword: 'additionalProperties',
      instancePath: '/data/0/meta',
    });
  });
});

describe('rest/audit-log-search-page', () => {
  const event = { created: '2024-04-15T19:49:01.920Z', event: 'org.user.invite', org_id: UUID, content: { email: 'a@example.com' } };
  const page = { jsonapi: JSONAPI, data: { items: [event] } };

  it('should accept a page without links, with events carrying user_id', () => {
    expectValid('rest/audit-log-search-page', page);
    expectValid('rest/audit-log-search-page', { ...page, data: { items: [{ ...event, user_id: UUID }] } });
  });

  it('should reject unknown top-level members (the spec closes the page)', () => {
    expectRejected('rest/audit-log-search-page', { ...page, meta: {} }, {
      keyword: 'additionalProperties',
      instancePath: '',
      params: { additionalProperty: 'meta' },
    });
  });

  it('should reject an event without event or created, with a zoneless created, or with null ids', () => {
    expectRejected('rest/audit-log-search-page', { ...page, data: { items: [{ created: event.created }] } }, {
      keyword: 'required',
      instancePath: '/data/items/0',
      params: { missingProperty: 'event' },
    });
    expectRejected('rest/audit-log-search-page', { ...page, data: { items: [{ event: 'x' }] } }, {
      keyword: 'required',
      params: { missingProperty: 'created' },
    });
    expectRejected('rest/audit-log-search-page', { ...page, data: { items: [{ ...event, created: '2024-04-15T19:49:01.920' }] } }, {
      keyword: 'format',
      instancePath: '/data/items/0/created',
    });
    expectRejected('rest/audit-log-search-page', { ...page, data: { items: [{ ...event, project_id: null }] } }, {
      keyword: 'type',
      instancePath: '/data/items/0/project_id',
    });
  });

  it('should reject a page without data or jsonapi', () => {
    expectRejected('rest/audit-log-search-page', { jsonapi: JSONAPI }, { keyword: 'required', params: { missingProperty: 'data' } });
    expectRejected('rest/audit-log-search-page', { data: page.data }, { keyword: 'required', params: { missingProperty: 'jsonapi' } });
  });
});
