// A scripted HTTP server for a test file: listening on an ephemeral loopback port, closed with every
// connection it still holds (kept-alive sockets would otherwise keep `close` waiting).
import type { Server } from 'node:http';

/** Listens on 127.0.0.1 and a free port; resolves to the server's base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** Closes the server and every connection it still holds. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
