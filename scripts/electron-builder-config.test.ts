// electron-builder cannot run here (it downloads Electron), so its configuration is checked against
// electron-builder's own JSON schema, and the files it packs are checked to be what the build makes.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import Ajv from 'ajv';
import { load } from 'js-yaml';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

it('electron-builder.yml is valid against electron-builder’s schema', () => {
  const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const valid = validate(config);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
});

it('targets AppImage, deb, nsis and dmg and packs the built entry point', () => {
  const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
    linux: { target: string[] };
    win: { target: string[] };
    mac: { target: string[] };
    appId: string;
    files: string[];
  };
  expect(config.linux.target).toEqual(['AppImage', 'deb']);
  expect(config.win.target).toEqual(['nsis']);
  expect(config.mac.target).toEqual(['dmg']);
  expect(config.appId).toMatch(/^[a-z0-9.]+$/);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  expect(pkg.main).toBe('dist/electron/main.cjs');
  expect(config.files).toContain('dist/electron/**');
});

it('flips the Electron fuses that let someone else run code as the app', () => {
  const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
    electronFuses: Record<string, boolean>;
  };
  expect(config.electronFuses).toEqual({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    grantFileProtocolExtraPrivileges: false,
  });
});
