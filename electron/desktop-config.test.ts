import { describe, expect, it } from 'vitest';
import { DesktopConfigError, parseDevTenant, readDesktopEnv } from './desktop-config';

describe('readDesktopEnv', () => {
  it("reads the launcher's variables and ignores everything else", () => {
    expect(
      readDesktopEnv({
        ACC_SANDBOX_ORIGIN: 'http://127.0.0.1:4100',
        ACC_CLOUD_URL: 'http://127.0.0.1:4200',
        ACC_DEV_TENANT_FILE: '/tmp/t.json',
        HOME: '/root',
      }),
    ).toEqual({
      ACC_SANDBOX_ORIGIN: 'http://127.0.0.1:4100',
      ACC_CLOUD_URL: 'http://127.0.0.1:4200',
      ACC_DEV_TENANT_FILE: '/tmp/t.json',
    });
  });

  it("treats empty as unset: a merchant's app talks to the real Amazon", () => {
    expect(readDesktopEnv({ ACC_SANDBOX_ORIGIN: '', ACC_CLOUD_URL: '' })).toEqual({});
    expect(readDesktopEnv({})).toEqual({});
  });

  it('names every wrong variable in one error, without echoing its value', () => {
    const secretish = 'http://user:pa55word@127.0.0.1:4100';
    let error: unknown;
    try {
      readDesktopEnv({
        ACC_SANDBOX_ORIGIN: secretish,
        ACC_CLOUD_URL: 'ftp://x',
        ACC_INSECURE_PLAINTEXT_SECRETS: 'yes',
        ACC_USER_DATA_DIR: 'a\u0000b',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DesktopConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid desktop configuration/);
    for (const name of ['ACC_SANDBOX_ORIGIN', 'ACC_CLOUD_URL', 'ACC_INSECURE_PLAINTEXT_SECRETS', 'ACC_USER_DATA_DIR'])
      expect(message).toContain(name);
    expect(message).not.toContain('pa55word');
  });

  it('wants an origin for the sandbox, not a page', () => {
    expect(() => readDesktopEnv({ ACC_SANDBOX_ORIGIN: 'http://127.0.0.1:4100/sandbox' })).toThrow(
      /ACC_SANDBOX_ORIGIN: must be an origin without a path/,
    );
    expect(readDesktopEnv({ ACC_SANDBOX_ORIGIN: 'http://127.0.0.1:4100/' }).ACC_SANDBOX_ORIGIN).toBe(
      'http://127.0.0.1:4100/',
    );
  });

  it('refuses oversized values', () => {
    expect(() => readDesktopEnv({ ACC_CLOUD_URL: `http://127.0.0.1/${'a'.repeat(5000)}` })).toThrow(/ACC_CLOUD_URL/);
  });
});

describe('parseDevTenant', () => {
  it("reads the cloud's tenant file and says what is wrong with a damaged one", () => {
    expect(parseDevTenant('{"clientId":"id","clientSecret":"s"}')).toEqual({ clientId: 'id', clientSecret: 's' });
    expect(parseDevTenant('{')).toEqual({ error: 'not JSON' });
    expect(parseDevTenant('{"clientId":""}')).toEqual({ error: 'needs clientId and clientSecret' });
  });
});
