// The env file and JSON file cloud/README.md tells an operator to write ("Run in production"), read the
// way systemd (EnvironmentFile=) and the cloud (loadConfig) read them: every variable is a documented
// one, every value arrives as written (no inline comment, no stray whitespace or quotes), and the two
// files together make a valid production configuration with the LWA secrets in the file SIGHUP reads.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ENV_KEYS, loadConfig } from '../config';
import { parseEnvironmentFile } from './env-file';

const README = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md'), 'utf8');
const production = README.slice(README.indexOf('## Run in production'));
/** The first fenced block of this language in the "Run in production" section. */
const block = (lang: string) => {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(production);
  if (!m) throw new Error(`no ${lang} block in "Run in production"`);
  return m[1]!;
};

describe('systemd EnvironmentFile= reading', () => {
  it('keeps an inline "#" in the value, ignores comment lines, strips whitespace, unquotes', () => {
    expect(
      parseEnvironmentFile('# c\n; c\n\nA=1\nB = two  \nC=127.0.0.1    # nginx\nD="x # y"\nE=\'q\'\nF=a\\\nb\n'),
    ).toEqual({
      A: '1',
      B: 'two',
      C: '127.0.0.1    # nginx',
      D: 'x # y',
      E: 'q',
      F: 'ab',
    });
    expect(() => parseEnvironmentFile('not an assignment')).toThrow('KEY=VALUE');
  });
});

describe('cloud/README.md: the documented cloud.env and cloud.json', () => {
  const env = parseEnvironmentFile(block('sh'));
  const json = JSON.parse(block('json')) as { amazon: Record<string, string> };

  it('every variable is a documented one and every value is written as systemd will pass it', () => {
    expect(Object.keys(env).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(env)) {
      expect(Object.keys(ENV_KEYS), name).toContain(name);
      expect(value, name).not.toMatch(/#|^\s|\s$|^["']/);
      // The LWA client secrets belong in the JSON file: SIGHUP cannot re-read the environment.
      expect(name).not.toMatch(/^CLOUD_LWA_(NEXT_)?CLIENT_SECRET/);
    }
    expect(json.amazon.lwaClientSecret).toBeTruthy();
  });

  it('with the placeholders filled in, both files make a valid production configuration carrying every value', () => {
    const filled: Record<string, string> = {
      CLOUD_SIGNING_KEY: randomBytes(32).toString('base64'),
      CLOUD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      CLOUD_ADMIN_TOKEN: randomBytes(32).toString('base64'),
    };
    const vars = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, v === '…' ? filled[k]! : v.replaceAll('…', 'pw')]),
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-env-file-'));
    try {
      const file = path.join(dir, 'cloud.json');
      fs.writeFileSync(file, JSON.stringify(json));
      // The unit's own Environment= line adds CLOUD_TRUST_PROXY; the CLI's --production sets the mode.
      const config = loadConfig({
        file,
        env: { ...vars, CLOUD_TRUST_PROXY: '127.0.0.1' },
        base: { amazon: { mode: 'production' } } as never,
      });
      const leaves = config as unknown as Record<string, unknown>;
      for (const [name, value] of Object.entries(vars)) {
        const keyPath = ENV_KEYS[name]!.split('.');
        const actual = keyPath.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], leaves);
        expect(String(actual), name).toBe(value);
      }
      expect(config.amazon.lwaClientSecret).toBe(json.amazon.lwaClientSecret);
      expect(config.trustProxy).toBe('127.0.0.1');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cloud/OPERATIONS.md: the staging cloud.json (the sandbox as Amazon under the unit)', () => {
  const operations = fs.readFileSync(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../OPERATIONS.md'),
    'utf8',
  );
  const staging = operations.slice(operations.indexOf('## Staging'));
  const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(staging)![1]!) as { amazon: Record<string, string> };

  it('keeps the LWA client secret in the file SIGHUP reads, and is a valid sandbox configuration under the unit', () => {
    // Before: the staging recipe put CLOUD_LWA_CLIENT_SECRET into cloud.env, contrary to "Run in production".
    expect(json.amazon.lwaClientSecret).toBeTruthy();
    expect(staging).not.toMatch(/^\s*CLOUD_LWA_(NEXT_)?CLIENT_SECRET/m);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-env-file-'));
    try {
      const file = path.join(dir, 'cloud.json');
      fs.writeFileSync(file, JSON.stringify(json));
      const env = {
        CLOUD_SIGNING_KEY: randomBytes(32).toString('base64'),
        CLOUD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        CLOUD_TRUST_PROXY: '127.0.0.1',
      };
      // The unit's --production only sets the default: the file's mode wins.
      const config = loadConfig({ file, env, base: { amazon: { mode: 'production' } } as never });
      expect(config.amazon.mode).toBe('sandbox');
      expect(config.amazon.lwaClientSecret).toBe(json.amazon.lwaClientSecret);
      expect(config.publicUrl).toMatch(/^https:\/\//);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
