import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from './config';

const key = () => randomBytes(32).toString('base64');

describe('loadConfig', () => {
  it('reads the file, then the environment on top, with defaults', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cloud-config-')), 'cloud.json');
    writeFileSync(file, JSON.stringify({ amazon: { mode: 'production', applicationId: 'amzn1.sp.solution.a', lwaClientId: 'id', lwaClientSecret: 'from-file' }, signingKey: key(), encryptionKey: key() }));
    const config = loadConfig({ file, env: { CLOUD_LWA_CLIENT_SECRET: 'from-env', CLOUD_AMAZON_DRAFT_APP: 'true', CLOUD_RATE_LIMIT_PER_MINUTE: '42' } });
    expect(config.amazon).toMatchObject({ mode: 'production', lwaClientSecret: 'from-env', draftApp: true, applicationId: 'amzn1.sp.solution.a' });
    expect(config).toMatchObject({ rateLimitPerMinute: 42, authorizationTtlSeconds: 600, accessTokenTtlSeconds: 900 });
  });

  it('says what is wrong without echoing secrets', () => {
    const attempt = () => loadConfig({ env: { CLOUD_AMAZON_MODE: 'sandbox', CLOUD_LWA_CLIENT_SECRET: 'very-secret', CLOUD_ENCRYPTION_KEY: 'c2hvcnQ=' } });
    expect(attempt).toThrow(/encryptionKey/);
    expect(attempt).not.toThrow(/very-secret/);
  });
});

describe('trustProxy', () => {
  const base = { amazon: { mode: 'production' as const, applicationId: 'a', lwaClientId: 'id', lwaClientSecret: 's' }, signingKey: key(), encryptionKey: key() };
  const load = (value: string) => loadConfig({ base, env: { CLOUD_TRUST_PROXY: value } }).trustProxy;

  it('is off by default and takes true/false or proxy addresses from CLOUD_TRUST_PROXY', () => {
    expect(loadConfig({ base, env: {} }).trustProxy).toBe(false);
    expect(load('true')).toBe(true);
    expect(load('false')).toBe(false);
    expect(load('127.0.0.1')).toBe('127.0.0.1');
    expect(load('10.0.0.0/8, ::1, loopback, 192.168.0.0/255.255.0.0')).toBe('10.0.0.0/8, ::1, loopback, 192.168.0.0/255.255.0.0');
    expect(loadConfig({ base: { ...base, trustProxy: ['10.1.2.3', 'fd00::/8'] }, env: {} }).trustProxy).toEqual(['10.1.2.3', 'fd00::/8']);
  });

  it('refuses hop counts (they cannot check the proxy) and anything that is no address', () => {
    expect(() => load('1')).toThrow(/trustProxy: .*hop count/);
    expect(() => load('proxy.example.com')).toThrow(/trustProxy/);
    expect(() => load('10.0.0.0/33')).toThrow(/trustProxy/);
  });
});
