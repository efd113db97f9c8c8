// The data directory holds the database (sealed refresh tokens, tenants' secret hashes) and, in the
// embedded default, the key file: only the cloud's user may enter it. PGlite writes the files it
// unpacks at initialisation with mode 0666 (its WebAssembly file system chmods them explicitly, so the
// umask does not help): the directory is made 0700 before PGlite opens it, and its files 0600 after
// opening and after closing.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';

export function createPrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Directories 0700, files 0600, everywhere under `dir` (symbolic links are left alone). */
export function restrictTree(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) restrictTree(path);
      else if (entry.isFile() && (lstatSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    } catch (err) {
      // PostgreSQL removes temporary and recycled files while it runs: gone is fine.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/** Whether `file` lies in `dir` or below it. */
export function isInside(file: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
