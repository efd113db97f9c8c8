// Work whose failure must not stop the caller (closing a connection, a reconnect, a bookkeeping write,
// an optional read) — but must not vanish either: one line names what failed and the error's kind.
// Only the error's name and code are logged, never its message: messages of HTTP and database clients
// can quote URLs, queries or bodies, and those may carry codes, state or tokens.

/** A function taking the line, or a logger whose `warn` takes it (the core's and the cloud's). */
type BestEffortLog = ((line: string) => void) | { warn(line: string): void };

const defaultLog: BestEffortLog = (line: string) => console.warn(line);

/** `name` and `code` of a thrown value, e.g. `Error ECONNREFUSED`; never its message. */
export function errorKind(err: unknown): string {
  if (typeof err !== 'object' || err === null) return typeof err;
  const { name, code } = err as { name?: unknown; code?: unknown };
  const parts = [
    typeof name === 'string' ? name : 'Error',
    typeof code === 'string' || typeof code === 'number' ? String(code) : '',
  ];
  return parts.filter(Boolean).join(' ').slice(0, 120);
}

/**
 * Awaits `work`; on failure logs `best effort: <what> failed (<kind>)` and resolves to undefined.
 * Fire and forget with `void bestEffort(...)`; never rejects.
 */
export async function bestEffort<T>(
  what: string,
  work: Promise<T> | (() => Promise<T>),
  log: BestEffortLog = defaultLog,
): Promise<T | undefined> {
  try {
    return await (typeof work === 'function' ? work() : work);
  } catch (err) {
    const line = `best effort: ${what} failed (${errorKind(err)})`;
    if (typeof log === 'function') log(line);
    else log.warn(line);
    return undefined;
  }
}
