import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from './config';
import { tempDirs } from '../shared/testing/temp-dir';

const tempDir = tempDirs('cloud-config-');

const key = () => randomBytes(32).toString('base64');

describe('loadConfig', () => {
  it('reads the file, then the environment on top, with defaults', () => {
    const file = join(tempDir(), 'cloud.json');
    writeFileSync(
      file,
      JSON.stringify({
        publicUrl: 'https://cloud.example.com',
        amazon: {
          mode: 'production',
          applicationId: 'amzn1.sp.solution.a',
          lwaClientId: 'id',
          lwaClientSecret: 'from-file',
        },
        signingKey: key(),
        encryptionKey: key(),
      }),
    );
    const config = loadConfig({
      file,
      env: { CLOUD_LWA_CLIENT_SECRET: 'from-env', CLOUD_AMAZON_DRAFT_APP: 'true', CLOUD_RATE_LIMIT_PER_MINUTE: '42' },
    });
    expect(config.amazon).toMatchObject({
      mode: 'production',
      lwaClientSecret: 'from-env',
      draftApp: true,
      applicationId: 'amzn1.sp.solution.a',
    });
    expect(config).toMatchObject({ rateLimitPerMinute: 42, authorizationTtlSeconds: 1800, accessTokenTtlSeconds: 900 });
  });

  it('says what is wrong without echoing secrets', () => {
    const attempt = () =>
      loadConfig({
        env: { CLOUD_AMAZON_MODE: 'sandbox', CLOUD_LWA_CLIENT_SECRET: 'very-secret', CLOUD_ENCRYPTION_KEY: 'c2hvcnQ=' },
      });
    expect(attempt).toThrow(/encryptionKey/);
    expect(attempt).not.toThrow(/very-secret/);
  });

  it('names a broken file without quoting it (it may hold a secret), as a SIGHUP reload reads it', () => {
    const file = join(tempDir(), 'cloud.json');
    writeFileSync(file, '{"amazon": {"lwaNextClientSecret": "very-secret-value",}}');
    const attempt = () => loadConfig({ file, env: {} });
    expect(attempt).toThrow(/is not valid JSON/);
    expect(attempt).not.toThrow(/very-secret-value/);
  });

  it('reads the rotation keys from the environment too', () => {
    const config = loadConfig({
      env: {
        CLOUD_PUBLIC_URL: 'https://cloud.example.com',
        CLOUD_AMAZON_MODE: 'production',
        CLOUD_AMAZON_APPLICATION_ID: 'amzn1.sp.solution.a',
        CLOUD_LWA_CLIENT_ID: 'id',
        CLOUD_LWA_CLIENT_SECRET: 'one',
        CLOUD_LWA_CLIENT_SECRET_EXPIRES_AT: '2027-01-01',
        CLOUD_LWA_NEXT_CLIENT_SECRET: 'two',
        CLOUD_LWA_NEXT_CLIENT_SECRET_EXPIRES_AT: '2027-06-30',
        CLOUD_SIGNING_KEY: key(),
        CLOUD_ENCRYPTION_KEY: key(),
      },
    });
    expect(config.amazon).toMatchObject({
      lwaClientSecretExpiresAt: '2027-01-01',
      lwaNextClientSecret: 'two',
      lwaNextClientSecretExpiresAt: '2027-06-30',
    });
  });
});

describe('trustProxy', () => {
  const base = {
    publicUrl: 'https://cloud.example.com',
    amazon: { mode: 'production' as const, applicationId: 'a', lwaClientId: 'id', lwaClientSecret: 's' },
    signingKey: key(),
    encryptionKey: key(),
  };
  const load = (value: string) => loadConfig({ base, env: { CLOUD_TRUST_PROXY: value } }).trustProxy;

  it('is off by default and takes true/false or proxy addresses from CLOUD_TRUST_PROXY', () => {
    expect(loadConfig({ base, env: {} }).trustProxy).toBe(false);
    expect(load('true')).toBe(true);
    expect(load('false')).toBe(false);
    expect(load('127.0.0.1')).toBe('127.0.0.1');
    expect(load('10.0.0.0/8, ::1, loopback, 192.168.0.0/255.255.0.0')).toBe(
      '10.0.0.0/8, ::1, loopback, 192.168.0.0/255.255.0.0',
    );
    expect(loadConfig({ base: { ...base, trustProxy: ['10.1.2.3', 'fd00::/8'] }, env: {} }).trustProxy).toEqual([
      '10.1.2.3',
      'fd00::/8',
    ]);
  });

  it('refuses hop counts (they cannot check the proxy) and anything that is no address', () => {
    expect(() => load('1')).toThrow(/trustProxy: .*hop count/);
    expect(() => load('proxy.example.com')).toThrow(/trustProxy/);
    expect(() => load('10.0.0.0/33')).toThrow(/trustProxy/);
  });
});
