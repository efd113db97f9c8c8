import { expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, isPermissionAllowed } from './app-origin';

it('recognises the app’s pages by scheme and host (Node gives app: URLs the origin "null")', () => {
  expect(new URL(`${APP_ORIGIN}/index.html`).origin).toBe('null');
  expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
  expect(isAppUrl(APP_ORIGIN)).toBe(true);
  for (const other of [
    'app://renderer.evil/x',
    'app://other/index.html',
    'https://renderer/',
    'file:///index.html',
    'app://user:pw@renderer/',
    '',
    'not a url',
    null,
    undefined,
  ]) {
    expect(isAppUrl(other), String(other)).toBe(false);
  }
});

it('allows only clipboard writes, and only to the app’s own page', () => {
  expect(isPermissionAllowed('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`)).toBe(true);
  expect(isPermissionAllowed('clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
  expect(isPermissionAllowed('clipboard-sanitized-write', 'https://sellercentral.amazon.de/')).toBe(false);
  for (const p of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'hid', 'unknown']) {
    expect(isPermissionAllowed(p, `${APP_ORIGIN}/index.html`), p).toBe(false);
  }
});
