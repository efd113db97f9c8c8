import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { contentSecurityPolicy as browserHostCsp } from './browser-host/static-files';

// The Electron host's APP_CSP is contentSecurityPolicy() itself (app-protocol.ts needs Electron to load).
it('is one policy: both hosts send it, and index.html carries it (with the dev WebSocket, without frame-ancestors)', () => {
  expect(browserHostCsp('ws://127.0.0.1:4300')).toBe(contentSecurityPolicy(['ws://127.0.0.1:4300']));
  const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  const expected = contentSecurityPolicy(['ws://127.0.0.1:*', 'ws://localhost:*']).replace("; frame-ancestors 'none'", '');
  expect(meta).toBe(expected);
  expect(contentSecurityPolicy()).not.toContain('unsafe');
});
