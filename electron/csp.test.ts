import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { contentSecurityPolicy as browserHostCsp } from './browser-host/static-files';

// The Electron host's APP_CSP is contentSecurityPolicy() itself (app-protocol.ts needs Electron to load).
it('is one policy, sent as a header by both hosts; index.html carries no second one in a meta element', () => {
  expect(browserHostCsp('ws://127.0.0.1:4300')).toBe(contentSecurityPolicy(['ws://127.0.0.1:4300']));
  expect(contentSecurityPolicy()).toContain("frame-ancestors 'none'");
  expect(contentSecurityPolicy()).not.toContain('unsafe');
  // A CSP meta element would hold back the preload scanner until the parser reaches it (csp.ts).
  const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
  expect(html).not.toMatch(/http-equiv\s*=\s*["']?content-security-policy/i);
});
