// Which port `npm start` gives the browser host. Without --port: 4300, or — when another program (or a
// second `npm start`) holds it — any free port, and the console says which instead. With --port N the
// user asked for that port: when it is taken, `npm start` refuses with a clear message rather than move
// silently to another one (README, "The two commands").
import net from 'node:net';

export const DEFAULT_BROWSER_HOST_PORT = 4300;

type PortChoice =
  /** `moved`: the default port was taken, `port` is 0 (any free one; the host's address says which). */
  { ok: true; port: number; moved?: number } | { ok: false; message: string };

/** Whether nothing listens on 127.0.0.1:port right now (port 0 is always free). */
export function isPortFree(port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function chooseBrowserHostPort(
  requested: number | undefined,
  preferred = DEFAULT_BROWSER_HOST_PORT,
): Promise<PortChoice> {
  if (requested !== undefined) {
    if (await isPortFree(requested)) return { ok: true, port: requested };
    return {
      ok: false,
      message: `Port ${requested} is already in use (another program, or another "npm start"). Stop it, or choose another port: npm start -- --port <N> (--port 0 takes any free port).`,
    };
  }
  return (await isPortFree(preferred)) ? { ok: true, port: preferred } : { ok: true, port: 0, moved: preferred };
}

/** The console line after the host started on another port than the default. */
export function movedNote(moved: number, origin: string): string {
  return `Port ${moved} is in use (another program, or another "npm start"); the browser host uses ${origin} instead.`;
}
