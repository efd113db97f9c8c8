// Issue 9: the data directory is the cloud user's alone (0700, files 0600 — PGlite's own files
// included, checked on disk), the keys may live outside it (a keys file or the environment), and the
// cloud warns, without a key in the line, when the key file shares the directory with the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startSandbox, type SandboxHandle } from '../sandbox';
import { embeddedDefaultConfig } from './embedded-config';
import { loadConfig } from './config';
import { startCloud } from './start-cloud';
import { TestCloudHttp } from './testing/stack';

let root: string;
let sandbox: SandboxHandle;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cloud-perm-'));
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(root, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every path under `dir` whose mode lets group or others in, with its mode in octal. */
function openToOthers(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => (mode(p) & 0o077) !== 0)
    .map((p) => `${p} ${mode(p).toString(8)}`);
}

describe('the data directory', () => {
  it('is 0700 with 0600 files while running and after close, even when it existed with wider rights', async () => {
    const dataDir = join(root, 'wide');
    mkdirSync(dataDir, { mode: 0o777 });
    const keysFile = join(root, 'keys-outside', 'keys.json');
    const lines: string[] = [];
    const cloud = await startCloud({
      port: 0,
      dataDir,
      config: await embeddedDefaultConfig(dataDir, sandbox.url, { keysFile }),
      logger: { write: (l) => void lines.push(l) },
    });
    try {
      const client = new TestCloudHttp(cloud.url, await cloud.createTenant('Rechte GmbH'));
      expect((await client.createPlatform('Amazon Rechte')).status).toBe(201);
      expect(mode(dataDir)).toBe(0o700);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await cloud.close();
    }
    expect(mode(dataDir)).toBe(0o700);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(readdirSync(dataDir, { recursive: true }).length).toBeGreaterThan(100);
    // The keys went to the named file (0600), none into the data directory, and nothing was warned.
    expect(mode(keysFile)).toBe(0o600);
    expect(existsSync(join(dataDir, 'keys.json'))).toBe(false);
    expect(lines.join('')).not.toMatch(/key file lies in the data directory/);
  });
});

describe('the keys', () => {
  it('in the data directory (the development default): a warning naming the path, never a key', async () => {
    const dataDir = join(root, 'together');
    const config = await embeddedDefaultConfig(dataDir, sandbox.url);
    const lines: string[] = [];
    const cloud = await startCloud({ port: 0, dataDir, config, logger: { write: (l) => void lines.push(l) } });
    await cloud.close();
    const warning = lines
      .map((l) => JSON.parse(l) as { level: number; msg: string; keysFile?: string })
      .find((l) => /key file lies in the data directory/.test(l.msg));
    expect(warning).toMatchObject({ level: 40, keysFile: join(dataDir, 'keys.json') });
    const log = lines.join('');
    for (const key of [config.signingKey, config.encryptionKey]) expect(log).not.toContain(key);
  });

  it('from the environment: no key file at all', async () => {
    const dataDir = join(root, 'env');
    const env = {
      CLOUD_SIGNING_KEY: randomBytes(32).toString('base64'),
      CLOUD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    const config = await embeddedDefaultConfig(dataDir, sandbox.url, { env });
    expect(config).toMatchObject({ signingKey: env.CLOUD_SIGNING_KEY, encryptionKey: env.CLOUD_ENCRYPTION_KEY });
    expect(config.keysFile).toBeUndefined();
    expect(existsSync(join(dataDir, 'keys.json'))).toBe(false);
  });

  it('in production from CLOUD_KEYS_FILE; a missing file names the key, not a secret', () => {
    const keysFile = join(root, 'prod-keys.json');
    const keys = { signingKey: randomBytes(32).toString('base64'), encryptionKey: randomBytes(32).toString('base64') };
    writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
    const base = {
      publicUrl: 'https://cloud.example.com',
      amazon: { mode: 'production' as const, applicationId: 'a', lwaClientId: 'id', lwaClientSecret: 's' },
    };
    expect(loadConfig({ base, env: { CLOUD_KEYS_FILE: keysFile } })).toMatchObject({ ...keys, keysFile });
    // A key given directly wins over the file's.
    const direct = randomBytes(32).toString('base64');
    expect(loadConfig({ base, env: { CLOUD_KEYS_FILE: keysFile, CLOUD_ENCRYPTION_KEY: direct } }).encryptionKey).toBe(
      direct,
    );
    expect(() => loadConfig({ base, env: { CLOUD_KEYS_FILE: join(root, 'nope.json') } })).toThrow(
      /keysFile: cannot read .*ENOENT/,
    );
  });
});
