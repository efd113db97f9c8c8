// The cloud's SQL lives in cloud/repositories/ (one module per aggregate: tenants, platforms,
// authorizations, pairing codes, Amazon requests). Only the database layer may keep its own: the
// migrations (cloud/db/migrations.ts, name-key-migration.ts), the drivers (cloud/db/database.ts,
// postgres.ts) and the LISTEN/NOTIFY plumbing (cloud/authorizations/pg-notifier.ts). Tests and test
// helpers may query freely. This test reads every other .ts file under cloud/ and names each SQL line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLOUD = join(__dirname);
const ALLOWED_DIRS = ['repositories', 'db'];
const ALLOWED_FILES = ['authorizations/pg-notifier.ts'];
/** Statements as our code writes them (upper-case keywords); prose in comments is lower case. */
const SQL =
  /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+[a-z_]+\s+SET|DELETE\s+FROM|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)|ALTER\s+TABLE|DROP\s+(TABLE|INDEX)|pg_notify\s*\()/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'testing' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

function sqlOutsideRepositories(root: string): string[] {
  return sourceFiles(root)
    .map((file) => relative(root, file).split(sep).join('/'))
    .filter((rel) => !ALLOWED_DIRS.includes(rel.split('/')[0]!) && !ALLOWED_FILES.includes(rel))
    .flatMap((rel) =>
      readFileSync(join(root, rel), 'utf8')
        .split('\n')
        .flatMap((line, i) => (SQL.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe('data access', () => {
  it('keeps every SQL statement in cloud/repositories (or the migrations and drivers)', () => {
    expect(sqlOutsideRepositories(CLOUD)).toEqual([]);
  });

  it('writes an authorization (and so its status) in repositories/authorizations.ts only', () => {
    const writers = sourceFiles(CLOUD)
      .filter((file) => /\b(UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+authorizations\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(CLOUD, file).split(sep).join('/'));
    expect(writers).toEqual(['repositories/authorizations.ts']);
  });

  it('recognises the statements the repositories write', () => {
    const repositories = sourceFiles(join(CLOUD, 'repositories'));
    expect(repositories.length).toBeGreaterThanOrEqual(5);
    for (const file of repositories) expect(SQL.test(readFileSync(file, 'utf8')), file).toBe(true);
  });
});
