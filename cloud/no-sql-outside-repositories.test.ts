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

/**
 * The tables whose every write stays in one repository module, and that module (a folder ends in `/`).
 * `authorizations`: each status change is one statement that states the status it starts from, so two
 * racing writers cannot both win — true only while no other module writes the table.
 */
const TABLE_OWNERS: Record<string, string> = { authorizations: 'repositories/authorizations/' };

const writes = (table: string) => new RegExp(`\\b(UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+${table}\\b`);

/** `table: file` for each file that writes a guarded table outside its owner. */
function writersOutsideOwners(root: string): string[] {
  return Object.entries(TABLE_OWNERS).flatMap(([table, owner]) =>
    sourceFiles(root)
      .map((file) => relative(root, file).split(sep).join('/'))
      .filter((rel) => (owner.endsWith('/') ? !rel.startsWith(owner) : rel !== owner))
      .filter((rel) => writes(table).test(readFileSync(join(root, rel), 'utf8')))
      .map((rel) => `${table}: ${rel}`),
  );
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

  it('writes each guarded table only inside its repository module (a file or a folder)', () => {
    expect(writersOutsideOwners(CLOUD)).toEqual([]);
    // Each owner is real and does write its table, so a renamed or moved module fails here too.
    for (const [table, owner] of Object.entries(TABLE_OWNERS)) {
      const written = sourceFiles(join(CLOUD, owner)).some((file) => writes(table).test(readFileSync(file, 'utf8')));
      expect(written, `${owner} writes ${table}`).toBe(true);
    }
  });

  it('recognises the statements the repositories write', () => {
    // Every module that runs statements (takes a Queryable); a module of row types only has none.
    const repositories = sourceFiles(join(CLOUD, 'repositories')).filter((file) =>
      /from '[./]*db\/queryable'/.test(readFileSync(file, 'utf8')),
    );
    expect(repositories.length).toBeGreaterThanOrEqual(5);
    for (const file of repositories) expect(SQL.test(readFileSync(file, 'utf8')), file).toBe(true);
  });
});
