/**
 * The v1 provision schemas accept what provision docs document and reject what they rule out.
 */
import { describe, it } from 'vitest';
import { edited, expectRejected, expectValid } from './expect-schema.ts';

const ROLE_ID = '6525b356-a400-465f-b2e5-3eee1161e69f';

describe('v1/provision-request', () => {
  it('should accept the documented request model (role with an empty rolePublicId)', () => {
    // provision docs: {"email": "test@example.com", "rolePublicId": "", "role": "ADMIN"}
    expectValid('v1/provision-request', { email: 'test@example.com', rolePublicId: '', role: 'ADMIN' });
  });

  it('should accept a custom role by rolePublicId alone, a legacy role alone, or an email alone', () => {
    expectValid('v1/provision-request', { email: 'a@example.com', rolePublicId: ROLE_ID });
    expectValid('v1/provision-request', { email: 'a@example.com', role: 'RESTRICTED_COLLABORATOR' });
    expectValid('v1/provision-request', { email: 'a@example.com' });
  });

  it('should reject a request without email', () => {
    expectRejected('v1/provision-request', { role: 'ADMIN' }, { keyword: 'required', params: { missingProperty: 'email' } });
  });

  it('should reject an email that is not an email address', () => {
    expectRejected('v1/provision-request', { email: 'not-an-email' }, { keyword: 'format', instancePath: '/email' });
    expectRejected('v1/provision-request', { email: 42 }, { keyword: 'type', instancePath: '/email' });
  });

  it('should reject a role outside ADMIN, COLLABORATOR, RESTRICTED_COLLABORATOR', () => {
    for (const role of ['OWNER', 'admin', '']) {
      expectRejected('v1/provision-request', { email: 'a@example.com', role }, { keyword: 'enum', instancePath: '/role' });
    }
  });

  it('should reject role together with a non-empty rolePublicId ("either role or rolePublicId but not both")', () => {
    expectRejected(
      'v1/provision-request',
      { email: 'a@example.com', role: 'ADMIN', rolePublicId: ROLE_ID },
      { keyword: 'const', instancePath: '/rolePublicId', schemaPath: 'dependentSchemas/role' },
    );
  });

  it('should reject a rolePublicId that is neither empty nor a role id', () => {
    expectRejected(
      'v1/provision-request',
      { email: 'a@example.com', rolePublicId: 'Org Admin' },
      { keyword: 'pattern', instancePath: '/rolePublicId' },
    );
  });
});

describe('v1/provision-entry', () => {
  const documented = { email: 'test@example.com', rolePublicId: '', role: 'ADMIN', created: '2019-02-04T06:19:00.000Z' };

  it('should accept the documented response model and a custom-role entry', () => {
    expectValid('v1/provision-entry', documented);
    expectValid('v1/provision-entry', { ...documented, role: 'Org Collaborator', rolePublicId: ROLE_ID });
  });

  it('should reject an entry without email or created', () => {
    expectRejected('v1/provision-entry', edited(documented, (d: Partial<typeof documented>) => delete d.email), {
      keyword: 'required',
      params: { missingProperty: 'email' },
    });
    expectRejected('v1/provision-entry', edited(documented, (d: Partial<typeof documented>) => delete d.created), {
      keyword: 'required',
      params: { missingProperty: 'created' },
    });
  });

  it('should reject an entry without role or rolePublicId (provision docs: every documented response model shows both)', () => {
    for (const field of ['role', 'rolePublicId'] as const) {
      expectRejected('v1/provision-entry', edited(documented, (d: Partial<typeof documented>) => delete d[field]), {
        keyword: 'required',
        params: { missingProperty: field },
      });
    }
  });

  it('should reject a created that is not an ISO 8601 date-time with a zone', () => {
    for (const created of ['Date', '2019-02-04', '2019-02-04T06:19:00.000', 1549261140000]) {
      expectRejected('v1/provision-entry', { ...documented, created }, {
        keyword: typeof created === 'number' ? 'type' : 'format',
        instancePath: '/created',
      });
    }
  });

  it('should reject a null role or rolePublicId (the documentation never sends null)', () => {
    expectRejected('v1/provision-entry', { ...documented, role: null }, { keyword: 'type', instancePath: '/role' });
    expectRejected('v1/provision-entry', { ...documented, rolePublicId: null }, { keyword: 'type', instancePath: '/rolePublicId' });
  });
});

describe('v1/provision-list', () => {
  it('should accept an empty list and reject a non-array or a bad element', () => {
    expectValid('v1/provision-list', []);
    expectRejected('v1/provision-list', { results: [] }, { keyword: 'type', instancePath: '' });
    expectRejected('v1/provision-list', [{ email: 'a@example.com' }], {
      keyword: 'required',
      instancePath: '/0',
      params: { missingProperty: 'created' },
    });
  });
});

describe('v1/provision-delete-response', () => {
  it('should accept {ok: true} and {ok: false} and reject a missing or non-boolean ok', () => {
    expectValid('v1/provision-delete-response', { ok: true });
    expectValid('v1/provision-delete-response', { ok: false });
    expectRejected('v1/provision-delete-response', {}, { keyword: 'required', params: { missingProperty: 'ok' } });
    expectRejected('v1/provision-delete-response', { ok: 'true' }, { keyword: 'type', instancePath: '/ok' });
  });
});

describe('v1/error', () => {
  it('should accept the documented 401 and the documented 5xx shape', () => {
    expectValid('v1/error', { code: 401, error: 'Not authorised', message: 'Not authorised' });
    expectValid('v1/error', {
      message: 'Error calling Snyk api (reference: 39db46b1-ad57-47e6-a87d-e34f6968030b)',
      errorRef: '39db46b1-ad57-47e6-a87d-e34f6968030b',
    });
  });

  it('should reject a body without message, or with a code that is not an HTTP error status', () => {
    expectRejected('v1/error', { code: 401, error: 'Not authorised' }, { keyword: 'required', params: { missingProperty: 'message' } });
    expectRejected('v1/error', { code: '401', message: 'x' }, { keyword: 'type', instancePath: '/code' });
    expectRejected('v1/error', { code: 200, message: 'x' }, { keyword: 'minimum', instancePath: '/code' });
  });
});
