import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { readTenantConfig, withTenantConfig, looksLikeJwt } from '../../src/config/tenant-env.ts';
import { ConfigError } from '../../src/model/errors.ts';
import { DEFAULT_REST_VERSION } from '../../src/model/operations.ts';

const ORG = '21111111-a222-4eee-8ddd-a99999999999';
const ORG2 = '31111111-a222-4eee-8ddd-a99999999999';
// header {"alg":"RS256","typ":"JWT"} . payload {"sub":"x"} . signature
const OAUTH = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

function configError(env: NodeJS.ProcessEnv, options?: Parameters<typeof readTenantConfig>[1]): ConfigError {
  try {
    readTenantConfig(env, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('readTenantConfig', () => {
  it('should apply the documented defaults', () => {
    const config = readTenantConfig({});
    expect(config).toMatchObject({
      snykApiUrl: 'https://api.snyk.io',
      apiwebUrl: 'https://api.probely.com',
      snykAuthScheme: 'token',
      restVersion: DEFAULT_REST_VERSION,
      orgIds: [],
    });
    expect(config.snykToken).toBeUndefined();
  });

  it('should read every variable, merging SNYK_ORG_ID and SNYK_ORG_IDS without duplicates', () => {
    const config = readTenantConfig({
      SNYK_TOKEN: ' uuid-like-api-token-0001 \n',
      SNYK_API_URL: 'https://api.eu.snyk.io/',
      SNYK_API_VERSION: '2024-08-25',
      SNYK_ORG_ID: ORG,
      SNYK_ORG_IDS: `${ORG2}, ${ORG},,`,
      SNYK_GROUP_ID: '8fffffff-1555-4444-b000-b55555555555',
      SNYK_TEST_USER_ID: '9fffffff-1555-4444-b000-b55555555555',
      SNYK_APIWEB_TOKEN: 'apiweb-key-0001',
      SNYK_APIWEB_URL: 'https://api.eu.probely.com',
    });
    expect(config).toMatchObject({
      snykApiUrl: 'https://api.eu.snyk.io',
      apiwebUrl: 'https://api.eu.probely.com',
      restVersion: '2024-08-25',
      orgIds: [ORG, ORG2],
      groupId: '8fffffff-1555-4444-b000-b55555555555',
      testUserId: '9fffffff-1555-4444-b000-b55555555555',
    });
    expect(config.snykToken).toBe('uuid-like-api-token-0001');
    expect(config.apiwebToken).toBe('apiweb-key-0001');
  });

  it('should send a JWT-shaped token as bearer, unless SNYK_AUTH_SCHEME says otherwise', () => {
    expect(looksLikeJwt(OAUTH)).toBe(true);
    expect(looksLikeJwt('snyk_uat.abcd1234.efgh5678')).toBe(false);
    expect(readTenantConfig({ SNYK_TOKEN: OAUTH }).snykAuthScheme).toBe('bearer');
    expect(readTenantConfig({ SNYK_TOKEN: OAUTH, SNYK_AUTH_SCHEME: 'token' }).snykAuthScheme).toBe('token');
    expect(readTenantConfig({ SNYK_TOKEN: 'abc-123-def-456', SNYK_AUTH_SCHEME: 'Bearer' }).snykAuthScheme).toBe(
      'bearer',
    );
    expect(configError({ SNYK_AUTH_SCHEME: 'basic' }).code).toBe('CONFIG_INVALID_AUTH_SCHEME');
  });

  it('should drop a pasted /rest or /v1 suffix from SNYK_API_URL', () => {
    expect(readTenantConfig({ SNYK_API_URL: 'https://api.snyk.io/rest/' }).snykApiUrl).toBe('https://api.snyk.io');
    expect(readTenantConfig({ SNYK_API_URL: 'https://api.au.snyk.io/v1' }).snykApiUrl).toBe('https://api.au.snyk.io');
  });

  it('should accept http:// for loopback hosts only', () => {
    expect(readTenantConfig({ SNYK_API_URL: 'http://127.0.0.1:8080' }).snykApiUrl).toBe('http://127.0.0.1:8080');
    expect(readTenantConfig({ SNYK_APIWEB_URL: 'http://localhost:1234' }).apiwebUrl).toBe('http://localhost:1234');
    expect(readTenantConfig({ SNYK_API_URL: 'http://[::1]:9' }).snykApiUrl).toBe('http://[::1]:9');
    const error = configError({ SNYK_API_URL: 'http://api.snyk.io' });
    expect(error.code).toBe('CONFIG_INSECURE_URL');
    expect(error.message).toContain('SNYK_API_URL');
    expect(error.variable).toBe('SNYK_API_URL');
  });

  it('should reject URLs that are not http(s), carry credentials or a query', () => {
    expect(configError({ SNYK_API_URL: 'api.snyk.io' }).code).toBe('CONFIG_INVALID_URL');
    expect(configError({ SNYK_APIWEB_URL: 'ftp://api.probely.com' }).code).toBe('CONFIG_INVALID_URL');
    const withCreds = configError({ SNYK_API_URL: 'https://user:hunter2secret@api.snyk.io' });
    expect(withCreds.code).toBe('CONFIG_INVALID_URL');
    expect(withCreds.message).not.toContain('hunter2secret');
    expect(configError({ SNYK_API_URL: 'https://api.snyk.io?x=1' }).code).toBe('CONFIG_INVALID_URL');
  });

  it('should require tokens only when asked, naming the variable', () => {
    const snyk = configError({}, { requireSnyk: true });
    expect(snyk.code).toBe('CONFIG_MISSING_TOKEN');
    expect(snyk.message).toContain('SNYK_TOKEN');
    const apiweb = configError(
      { SNYK_TOKEN: 'x'.repeat(36), SNYK_APIWEB_TOKEN: '  ' },
      { requireSnyk: true, requireApiweb: true },
    );
    expect(apiweb.code).toBe('CONFIG_MISSING_APIWEB_TOKEN');
    expect(apiweb.message).toContain('SNYK_APIWEB_TOKEN');
  });

  it('should reject a version that is not a real date, with or without a stability suffix', () => {
    expect(readTenantConfig({ SNYK_API_VERSION: '2024-10-15~beta' }).restVersion).toBe('2024-10-15~beta');
    for (const bad of ['2024-02-30', 'beta', '2024-10-15~alpha', '15-10-2024']) {
      expect(configError({ SNYK_API_VERSION: bad }).code).toBe('CONFIG_INVALID_VERSION');
    }
  });

  it('should not echo a long value (a token pasted into the wrong variable) in the message', () => {
    const token = '5f0c2a9e-7b1d-4c3e-9a8f-0123456789ab';
    for (const variable of ['SNYK_API_VERSION', 'SNYK_API_URL', 'SNYK_GROUP_ID']) {
      expect(configError({ [variable]: `${token}/` }).message).not.toContain(token);
    }
  });

  it('should reject ids that could change the request path', () => {
    for (const bad of ['../admin', 'a/b', 'x?y=1', 'a b']) {
      expect(configError({ SNYK_ORG_ID: bad }).code).toBe('CONFIG_INVALID_ID');
    }
    expect(configError({ SNYK_GROUP_ID: 'g#1' }).variable).toBe('SNYK_GROUP_ID');
  });

  it('should keep tokens out of JSON, inspect and spreads, and keep them in withTenantConfig copies', () => {
    const config = readTenantConfig({ SNYK_TOKEN: 'secret-token-value-1', SNYK_APIWEB_TOKEN: 'secret-apiweb-value-2' });
    const shown = `${JSON.stringify(config)} ${inspect(config)} ${JSON.stringify({ ...config })}`;
    expect(shown).not.toContain('secret-token-value-1');
    expect(shown).not.toContain('secret-apiweb-value-2');
    expect(JSON.parse(JSON.stringify(config)).snykToken).toBe('[redacted:SNYK_TOKEN]');
    const copy = withTenantConfig(config, { restVersion: '2024-08-25' });
    expect(copy.restVersion).toBe('2024-08-25');
    expect(copy.snykToken).toBe('secret-token-value-1');
    expect(copy.apiwebToken).toBe('secret-apiweb-value-2');
    expect(JSON.stringify(copy)).not.toContain('secret-token-value-1');
    expect(withTenantConfig(config, { apiwebToken: undefined }).apiwebToken).toBeUndefined();
  });
});
