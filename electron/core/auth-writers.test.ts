// A platform's `auth` changes only through the sign-in state machine: shared/auth-machine.ts computes
// it, electron/core/sign-in/ applies it (and platforms.ts / settings-import.ts / … send it events). This
// test reads every source file of the desktop (electron/, shared/, renderer/src/; not tests or test
// helpers) and names each line that assigns, spreads or builds an `auth` elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const DIRS = ['electron', 'shared', 'renderer/src'];
const ALLOWED = ['shared/auth-machine.ts', 'shared/platform.ts'];
const ALLOWED_DIRS = ['electron/core/sign-in/'];
/** `auth: …` as an object key, `x.auth = …`, `...x.auth`, or a literal typed as AuthState. */
const WRITE =
  /(^|[{,(\s])auth\s*:(?!\s*(?:string\b|INITIAL_AUTH\b))|\.auth\s*=(?!=)|\.\.\.\s*[\w.?!]+\.auth\b|:\s*AuthState\s*=/;
/** Where `auth` is something else: axios's HTTP basic auth of the cloud's token request. */
const OTHER_AUTH = /auth:\s*\{\s*username:/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'testing', 'test'].includes(e.name) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function authWriters(root: string): string[] {
  return DIRS.flatMap((d) => sourceFiles(join(root, d)))
    .map((file) => relative(root, file).split(sep).join('/'))
    .filter((rel) => !ALLOWED.includes(rel) && !ALLOWED_DIRS.some((dir) => rel.startsWith(dir)))
    .flatMap((rel) =>
      readFileSync(join(root, rel), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          WRITE.test(line) && !OTHER_AUTH.test(line) && !/^\s*(\/\/|\*)/.test(line)
            ? [`${rel}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
}

describe('sign-in state', () => {
  it('is written only by the sign-in module', () => {
    expect(authWriters(ROOT)).toEqual([]);
  });

  it('recognises the writes the other modules used to make', () => {
    const writes = [
      "return { ...x, auth: { status: 'failed', at: new Date(now()).toISOString(), error: { code: error.code } } };",
      '...(storeName && x.auth.status === "authenticated" ? { auth: { ...x.auth, storeName } } : {}),',
      '      auth:',
      "const auth: AuthState = { status: 'seller_changed', authorizationId: a.id, at, previous, next };",
      'p.auth = next;',
    ];
    for (const line of writes) expect(WRITE.test(line), line).toBe(true);
    for (const line of [
      "if (p.auth.status === 'waiting') return;",
      'const auth = p.auth;',
      'auth: { username: creds.clientId, password: creds.clientSecret },',
    ]) {
      expect(WRITE.test(line) && !OTHER_AUTH.test(line), line).toBe(false);
    }
  });
});
