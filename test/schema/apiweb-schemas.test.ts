/**
 * The Snyk API & Web schemas follow the users-list docs: required fields, the nullable-and-required
 * last_login, Base58 ids, user_roles items, both date spellings, and the API user's empty email.
 */
import { describe, it } from 'vitest';
import { schemas } from '../../src/schema/registry.ts';
import { edited, expectRejected, expectValid } from './expect-schema.ts';

const CHANGED_BY = { id: '8C5DbAFNbTDN', email: 'owner@example.com', name: 'Example Owner' };
const HUMAN = {
  id: '8C5DbAFNbTDN',
  email: 'owner@example.com',
  name: 'Example Owner',
  title: 'seceng',
  is_billing_admin: true,
  changed_by: CHANGED_BY,
  changed: '2023-08-09T13:27:43.8208302',
  active: true,
  labels: [{ id: '3kqHbK7s9Xyz', name: 'appsec', color: '#00FF00', changed_by: CHANGED_BY, changed: '2024-03-01T10:00:00.123456Z' }],
  user_roles: [
    { id: '5fDqSmVcRkXb', role: { id: '2bYwSaHnRfEu', name: 'Admin' }, scope: { tier: 'account' } },
    { role: { id: '2bYwSaHnRfEv', name: 'Team Member' }, scope: { tier: 'team', team: { id: '7TeamXyZabCd', name: 'AppSec' } } },
    { role: { id: '2bYwSaHnRfEw', name: 'Viewer' }, scope: { tier: 'scope', target: { id: '9TargetAbCdE', name: 'web' } } },
  ],
  last_login: '2024-03-02T08:00:00.000000Z',
  is_apiuser: false,
  mfa_enabled: true,
};
const API_USER = { ...HUMAN, id: '4HnVw2bQx7Rt', email: '', name: 'ci-api-user', title: '', labels: [], user_roles: [], last_login: null, is_apiuser: true, mfa_enabled: false };

const SEED_REQUIRED = ['id', 'email', 'name', 'is_billing_admin', 'changed_by', 'changed', 'labels', 'last_login', 'is_apiuser', 'mfa_enabled'] as const;

describe('apiweb/user', () => {
  it('should accept a documented human user and an API user with an empty email and no last login', () => {
    expectValid('apiweb/user', HUMAN);
    expectValid('apiweb/user', API_USER);
  });

  it('should accept a user without the optional title, active and user_roles', () => {
    expectValid('apiweb/user', edited(HUMAN, (u: Partial<typeof HUMAN>) => {
      delete u.title;
      delete u.active;
      delete u.user_roles;
    }));
  });

  it.each(SEED_REQUIRED)('should reject a user without %s (required in the users-list docs)', (field) => {
    expectRejected('apiweb/user', edited(HUMAN, (u: Partial<typeof HUMAN>) => delete u[field]), {
      keyword: 'required',
      instancePath: '',
      params: { missingProperty: field },
    });
  });

  it('should accept a null last_login and reject a malformed one', () => {
    expectValid('apiweb/user', { ...HUMAN, last_login: null });
    expectRejected('apiweb/user', { ...HUMAN, last_login: 'yesterday' }, { keyword: 'format', instancePath: '/last_login' });
    expectRejected('apiweb/user', { ...HUMAN, last_login: 1709366400 }, { keyword: 'type', instancePath: '/last_login' });
  });

  it('should reject null where the seed does not say nullable', () => {
    for (const field of ['changed', 'email', 'name', 'is_apiuser', 'labels'] as const) {
      expectRejected('apiweb/user', { ...HUMAN, [field]: null }, { keyword: 'type', instancePath: `/${field}` });
    }
  });

  it('should reject an empty or malformed email for a human user, and a malformed one for an API user', () => {
    expectRejected('apiweb/user', { ...HUMAN, email: '' }, { keyword: 'format', instancePath: '/email' });
    expectRejected('apiweb/user', { ...HUMAN, email: 'owner' }, { keyword: 'format', instancePath: '/email' });
    expectRejected('apiweb/user', { ...API_USER, email: 'ci-bot' }, { keyword: 'anyOf', instancePath: '/email' });
    expectValid('apiweb/user', { ...API_USER, email: 'ci-bot@example.com' });
  });

  it('should reject a title outside the documented enum', () => {
    expectRejected('apiweb/user', { ...HUMAN, title: 'cfo' }, { keyword: 'enum', instancePath: '/title' });
  });

  it('should reject a name longer than 60 characters and wrong types', () => {
    expectRejected('apiweb/user', { ...HUMAN, name: 'x'.repeat(61) }, { keyword: 'maxLength', instancePath: '/name' });
    expectRejected('apiweb/user', { ...HUMAN, active: 'yes' }, { keyword: 'type', instancePath: '/active' });
    expectRejected('apiweb/user', { ...HUMAN, mfa_enabled: 1 }, { keyword: 'type', instancePath: '/mfa_enabled' });
  });

  it('should reject ids that are not Base58', () => {
    for (const id of ['0C5DbAFNbTDN', 'OC5DbAFNbTDN', 'IC5DbAFNbTDN', 'lC5DbAFNbTDN', '8C5D-AFNbTDN', '']) {
      expectRejected('apiweb/user', { ...HUMAN, id }, { keyword: id === '' ? 'minLength' : 'pattern', instancePath: '/id' });
    }
  });

  it('should require changed_by id and name, and accept an API user as changer (empty email)', () => {
    expectValid('apiweb/user', { ...HUMAN, changed_by: { id: '4HnVw2bQx7Rt', email: '', name: 'ci-api-user' } });
    expectValid('apiweb/user', { ...HUMAN, changed_by: { id: '4HnVw2bQx7Rt', name: 'ci-api-user' } });
    expectRejected('apiweb/user', { ...HUMAN, changed_by: { id: '4HnVw2bQx7Rt' } }, {
      keyword: 'required',
      instancePath: '/changed_by',
      params: { missingProperty: 'name' },
    });
    expectRejected('apiweb/user', { ...HUMAN, changed_by: { ...CHANGED_BY, email: 'owner' } }, {
      keyword: 'format',
      instancePath: '/changed_by/email',
    });
  });

  it('should require label id, name, changed_by and changed, but not color', () => {
    const label = HUMAN.labels[0];
    expectValid('apiweb/user', { ...HUMAN, labels: [edited(label, (l: Partial<typeof label>) => delete l?.color)] });
    for (const field of ['id', 'name', 'changed_by', 'changed'] as const) {
      expectRejected('apiweb/user', { ...HUMAN, labels: [edited(label, (l: Partial<typeof label>) => delete l?.[field])] }, {
        keyword: 'required',
        instancePath: '/labels/0',
        params: { missingProperty: field },
      });
    }
    expectRejected('apiweb/user', { ...HUMAN, labels: [{ ...label, color: 'red!' }] }, {
      keyword: 'pattern',
      instancePath: '/labels/0/color',
    });
  });

  it('should require role and scope in user_roles items and check tier and 12-character ids', () => {
    const item = HUMAN.user_roles[0];
    expectRejected('apiweb/user', { ...HUMAN, user_roles: [{ role: item?.role }] }, {
      keyword: 'required',
      instancePath: '/user_roles/0',
      params: { missingProperty: 'scope' },
    });
    expectRejected('apiweb/user', { ...HUMAN, user_roles: [{ ...item, scope: { tier: 'global' } }] }, {
      keyword: 'enum',
      instancePath: '/user_roles/0/scope/tier',
    });
    expectRejected('apiweb/user', { ...HUMAN, user_roles: [{ ...item, role: { id: '2bYwSaHnRfE', name: 'Admin' } }] }, {
      keyword: 'minLength',
      instancePath: '/user_roles/0/role/id',
    });
    expectRejected('apiweb/user', { ...HUMAN, user_roles: [{ ...item, role: { id: '2bYwSaHnRfEuX', name: 'Admin' } }] }, {
      keyword: 'maxLength',
      instancePath: '/user_roles/0/role/id',
    });
    expectRejected('apiweb/user', { ...HUMAN, user_roles: [{ ...item, role: { id: '2bYwSaHnRfEu' } }] }, {
      keyword: 'required',
      instancePath: '/user_roles/0/role',
      params: { missingProperty: 'name' },
    });
    expectRejected('apiweb/user', { ...HUMAN, user_roles: [{ ...item, scope: { tier: 'team', team: { id: 'short', name: 'x' } } }] }, {
      keyword: 'minLength',
      instancePath: '/user_roles/0/scope/team/id',
    });
  });

  it('should accept both date spellings and reject the zoneless one only under zone-required', () => {
    expectValid('apiweb/user', { ...HUMAN, changed: '2023-08-09T13:27:43.8208302', last_login: '2022-05-16T11:50:53.914329Z' });
    expectRejected('apiweb/user', HUMAN, { keyword: 'format', instancePath: '/changed' }, schemas('zone-required'));
    expectValid('apiweb/user', { ...HUMAN, changed: '2023-08-09T13:27:43.8208302Z' }, schemas('zone-required'));
  });
});

describe('apiweb/user-list', () => {
  const page = { count: 2, page_total: 1, page: 1, length: 10, results: [HUMAN, API_USER] };

  it('should accept a documented page and require every field of users-list docs\'s page object', () => {
    expectValid('apiweb/user-list', page);
    for (const field of ['count', 'page_total', 'page', 'length', 'results']) {
      const { [field]: _gone, ...rest } = page as Record<string, unknown>;
      expectRejected('apiweb/user-list', rest, { keyword: 'required', instancePath: '' });
    }
  });

  it('should reject page 0, negative counts, non-integer fields and invalid users with their path', () => {
    expectRejected('apiweb/user-list', { ...page, page: 0 }, { keyword: 'minimum', instancePath: '/page' });
    expectRejected('apiweb/user-list', { ...page, count: -1 }, { keyword: 'minimum', instancePath: '/count' });
    expectRejected('apiweb/user-list', { ...page, length: 2.5 }, { keyword: 'type', instancePath: '/length' });
    expectRejected('apiweb/user-list', { ...page, count: '2' }, { keyword: 'type', instancePath: '/count' });
    expectRejected('apiweb/user-list', { ...page, results: null }, { keyword: 'type', instancePath: '/results' });
    expectRejected('apiweb/user-list', { ...page, results: [{ ...HUMAN, last_login: undefined }] }, {
      keyword: 'required',
      instancePath: '/results/0',
      params: { missingProperty: 'last_login' },
    });
  });
});

describe('apiweb/error and apiweb/field-errors', () => {
  it('should accept {detail} and reject a body without a string detail', () => {
    expectValid('apiweb/error', { detail: 'Authentication credentials were not provided.' });
    expectRejected('apiweb/error', {}, { keyword: 'required', params: { missingProperty: 'detail' } });
    expectRejected('apiweb/error', { detail: ['x'] }, { keyword: 'type', instancePath: '/detail' });
  });

  it('should accept DRF field errors, non_field_errors, a detail and nested errors', () => {
    expectValid('apiweb/field-errors', { length: ['A valid integer is required.'] });
    expectValid('apiweb/field-errors', { non_field_errors: ['Invalid filter.'] });
    expectValid('apiweb/field-errors', { detail: 'JSON parse error.' });
    expectValid('apiweb/field-errors', { changed_by: { id: ['This field is required.'] }, labels: [{}, { name: ['Too long.'] }] });
  });

  it('should reject an empty object, a bare string or numbers as field messages', () => {
    expectRejected('apiweb/field-errors', {}, { keyword: 'minProperties' });
    expectRejected('apiweb/field-errors', { length: 'A valid integer is required.' }, { keyword: 'anyOf', instancePath: '/length' });
    expectRejected('apiweb/field-errors', { length: [1] }, { keyword: 'anyOf', instancePath: '/length' });
    expectRejected('apiweb/field-errors', { non_field_errors: 'x' }, { keyword: 'type', instancePath: '/non_field_errors' });
  });
});
