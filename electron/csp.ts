// The renderer's Content-Security-Policy, one list for both hosts, sent as a response header: the
// Electron host on app://renderer, the browser host on its static files (with its WebSocket origin added
// to connect-src). renderer/index.html carries no meta element with it: Chromium's preload scanner holds
// every fetch back until the parser has reached such an element, which cost the first screen ~9 ms
// (issue 15), and the header can say what a meta element cannot (frame-ancestors). csp.test.ts checks both.

const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // No 'unsafe-inline': the renderer has no inline <style> or style attributes (React's style props
  // go through the CSSOM, which CSP does not govern); e2e/csp.spec.ts walks the UI watching for blocks.
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  // Only honoured in a header (which is how both hosts send the policy).
  ['frame-ancestors', "'none'"],
];

/** The policy; `connectSources` are added to connect-src (the browser host's WebSocket origin). */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return DIRECTIVES.map(
    ([name, value]) => `${name} ${name === 'connect-src' ? [value, ...connectSources].join(' ') : value}`,
  ).join('; ');
}
