// Named prepared statements on PGlite (issue 26): PGlite's `query` sends every statement as the unnamed
// one (Parse, Describe, Bind, Describe, Execute, Sync), so PostgreSQL parses and plans it on every call,
// and planning is most of a small statement's cost in PGlite (the completion path's UPDATE before LWA:
// 2.6 ms planned each time, 0.45 ms from its cached generic plan; bench/README.md). A named statement
// is parsed and described once on PGlite's one connection; each call then sends Bind, Execute and Sync
// in one protocol message, and PostgreSQL's plan cache switches to a generic plan after five custom
// ones (plan_cache_mode auto). Only through PGlite's public protocol API (execProtocolStream, runExclusive).
// Types only: the module is passed in by openDatabase, which loads PGlite when it opens one.
import type { PGlite } from '@electric-sql/pglite';

type PGliteModule = typeof import('@electric-sql/pglite');
type RowDescription = Parameters<PGliteModule['parse']['parseResults']>[0][number];

interface Prepared {
  text: string;
  /** The parameters' type oids, as PostgreSQL inferred them: they pick PGlite's serializers. */
  paramTypes: number[];
  /** Undefined for a statement without rows (no RETURNING). */
  rowDescription?: RowDescription;
}

/** A statement's name: letters, digits and underscores (it is sent in the protocol, never in SQL). */
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Runs named statements on `pg`. `inTransaction`: the caller holds PGlite's transaction lock (a
 * statement of `pg.transaction`'s callback); otherwise this takes it, as PGlite's own `query` does.
 */
export function pglitePrepared(pg: PGlite, { parse, protocol }: Pick<PGliteModule, 'parse' | 'protocol'>) {
  const statements = new Map<string, Prepared>();
  const { serialize } = protocol;

  async function prepare(name: string, text: string): Promise<Prepared> {
    const known = statements.get(name);
    if (known) {
      if (known.text !== text) throw new Error(`prepared statement ${name} exists with another text`);
      return known;
    }
    const messages = await pg.execProtocolStream(
      concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const params = messages.find((m) => m.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
    const prepared: Prepared = {
      text,
      paramTypes: params?.dataTypeIDs ?? [],
      rowDescription: messages.find((m) => m.name === 'rowDescription'),
    };
    statements.set(name, prepared);
    return prepared;
  }

  async function run<T>(name: string, text: string, params: unknown[]) {
    const st = await prepare(name, text);
    if (params.length !== st.paramTypes.length)
      throw new Error(`prepared statement ${name} takes ${st.paramTypes.length} parameters, not ${params.length}`);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = pg.serializers[st.paramTypes[i]!];
      return serializer ? serializer(value) : String(value);
    });
    // Bind, Execute and Sync in one message: a failing Bind or Execute is followed by the Sync that
    // returns the connection to idle (or to the failed transaction, which the caller rolls back).
    // execProtocolStream (what PGlite's own `query` uses) parses the answer as it is written; execProtocol
    // also copies every chunk and then the whole answer into buffers nobody reads (GC on the path).
    const messages = await pg.execProtocolStream(
      concat([serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    const result = parse.parseResults(st.rowDescription ? [st.rowDescription, ...messages] : messages, pg.parsers)[0]!;
    return { rows: result.rows as T[], affectedRows: result.affectedRows ?? 0 };
  }

  return {
    async query<T>(name: string, text: string, params: unknown[] = [], inTransaction = false) {
      if (!NAME.test(name)) throw new Error('invalid prepared statement name');
      await pg._checkReady(); // as PGlite's query: a closed database refuses, not crashes
      if (inTransaction) return pg.runExclusive(() => run<T>(name, text, params));
      return pg._runExclusiveTransaction(async () => {
        const result = await pg.runExclusive(() => run<T>(name, text, params));
        await pg.syncToFs();
        return result;
      });
    },
  };
}
