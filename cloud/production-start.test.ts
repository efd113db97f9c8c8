// Production start-up (issue 10.1): without an https publicUrl the cloud refuses to start, naming the
// setting and its environment variable; with one it prints the redirect URI and the Login URI to paste
// into the app registration. Over the real CLI (a child process) and over startCloud.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig, parseConfig } from './config';
import { startCloud } from './start-cloud';
import { tempDirs } from '../shared/testing/temp-dir';

const tempDir = tempDirs('cloud-prod-');

const key = () => randomBytes(32).toString('base64');

function productionEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    CLOUD_AMAZON_APPLICATION_ID: 'amzn1.sp.solution.fafb656a-58e5-45c4-90d6-a17436b5363a',
    CLOUD_LWA_CLIENT_ID: 'amzn1.application-oa2-client.test',
    CLOUD_LWA_CLIENT_SECRET: 'amzn1.oa2-cs.v1.test-secret',
    CLOUD_SIGNING_KEY: key(),
    CLOUD_ENCRYPTION_KEY: key(),
    ...extra,
  };
}

/** Runs `npm run cloud -- --production` (tsx cloud/cli.ts) until it prints the Login URI or exits. */
function runCli(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const dataDir = tempDir();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CLOUD_')));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'cloud/cli.ts', '--production', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...clean, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/OAuth Login URI: .*\n/.test(out)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // 'close': after the output is read to its end (a line written just before the signal included).
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('production start-up', () => {
  it('is refused by the CLI without a public URL, naming the setting and its env var', async () => {
    const r = await runCli(productionEnv());
    expect(r.code).toBe(1);
    expect(r.err).toContain('publicUrl (env CLOUD_PUBLIC_URL)');
    expect(r.err).toContain('https');
    expect(r.err).not.toContain('test-secret');
    expect(r.out).not.toContain('listening');
  }, 90_000);

  it('is refused by the CLI with an http public URL', async () => {
    const r = await runCli(productionEnv({ CLOUD_PUBLIC_URL: 'http://cloud.example.com' }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/publicUrl \(env CLOUD_PUBLIC_URL\): must be an https:\/\/ URL/);
  }, 90_000);

  it('starts with an https public URL and prints the redirect URI and the Login URI', async () => {
    const r = await runCli(productionEnv({ CLOUD_PUBLIC_URL: 'https://cloud.example.com/' }));
    // JSON lines like the request log: the sentence, and the URI as a field of its own.
    expect(r.out).toContain(
      '"redirectUri":"https://cloud.example.com/oauth/amazon/callback","msg":"OAuth redirect URI: https://cloud.example.com/oauth/amazon/callback"}\n',
    );
    expect(r.out).toContain('"msg":"OAuth Login URI:    https://cloud.example.com/oauth/amazon/login"}\n');
    for (const line of r.out.trim().split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
    expect(r.out).toContain('Amazon mode: production');
    // The LWA secret came from the environment: SIGHUP cannot change it, and the start says so (no value).
    expect(r.out).toContain('"level":40,');
    expect(r.out).toContain('warning: CLOUD_LWA_CLIENT_SECRET set in the environment');
    expect(r.out + r.err).not.toContain('test-secret');
  }, 90_000);

  it('applies to amazon.mode=production from the configuration, and to an http redirect URI', () => {
    const base = {
      amazon: { mode: 'production', applicationId: 'a', lwaClientId: 'b', lwaClientSecret: 'c' },
      signingKey: key(),
      encryptionKey: key(),
    };
    expect(() => parseConfig(base)).toThrow(/publicUrl \(env CLOUD_PUBLIC_URL\): required in production mode/);
    expect(() =>
      parseConfig({
        ...base,
        publicUrl: 'https://c.example',
        amazon: { ...base.amazon, redirectUri: 'http://c.example/cb' },
      }),
    ).toThrow(/amazon\.redirectUri \(env CLOUD_REDIRECT_URI\)/);
    expect(() => loadConfig({ base: base as never, env: { CLOUD_PUBLIC_URL: 'https://c.example' } })).not.toThrow();
    // The sandbox keeps working on plain http (loopback).
    expect(() =>
      parseConfig({ ...base, amazon: { ...base.amazon, mode: 'sandbox', sandboxOrigin: 'http://127.0.0.1:4100' } }),
    ).not.toThrow();
  });

  it('derives both URIs from the public URL in startCloud', async () => {
    const config = parseConfig({
      publicUrl: 'https://cloud.example.com/relay/',
      amazon: { mode: 'production', applicationId: 'a', lwaClientId: 'b', lwaClientSecret: 'c' },
      signingKey: key(),
      encryptionKey: key(),
    });
    const cloud = await startCloud({ port: 0, config });
    try {
      expect(cloud.redirectUri).toBe('https://cloud.example.com/relay/oauth/amazon/callback');
      expect(cloud.loginUri).toBe('https://cloud.example.com/relay/oauth/amazon/login');
    } finally {
      await cloud.close();
    }
  });
});

describe('amazon.mode=production without --production', () => {
  it('starts as a production cloud: no development tenant, no sandbox registration', async () => {
    const dataDir = tempDir();
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CLOUD_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'cloud/cli.ts', '--port', '0', '--data-dir', dataDir], {
      env: {
        ...clean,
        ...productionEnv({ CLOUD_AMAZON_MODE: 'production', CLOUD_PUBLIC_URL: 'https://cloud.example.com' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/OAuth Login URI: .*\n/.test(out)) child.kill('SIGTERM');
    });
    child.stderr.resume();
    await new Promise((resolve) => child.on('exit', resolve));
    expect(out).toContain('Amazon mode: production');
    expect(existsSync(join(dataDir, 'dev-tenant.json'))).toBe(false);
  }, 90_000);
});
