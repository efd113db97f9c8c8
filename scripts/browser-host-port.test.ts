// `npm start`'s choice of the browser host's port, against real sockets on loopback: a --port that is
// taken is refused with a clear message; without --port a taken 4300 moves to a free port, said so.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBrowserHostPort, DEFAULT_BROWSER_HOST_PORT, isPortFree, movedNote } from './browser-host-port';

let holder: net.Server;
let taken: number;

beforeAll(async () => {
  holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  taken = (holder.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

/** A port nothing listens on (asked of the system, then let go). */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('the browser host port', () => {
  it('--port N that another program holds: refused, naming the port and what to do', async () => {
    expect(await isPortFree(taken)).toBe(false);
    const choice = await chooseBrowserHostPort(taken);
    expect(choice).toEqual({ ok: false, message: expect.stringContaining(`Port ${taken} is already in use`) });
    expect(!choice.ok && choice.message).toContain('--port 0 takes any free port');
  });

  it('--port N that is free, and --port 0: taken as asked', async () => {
    const port = await freePort();
    expect(await chooseBrowserHostPort(port)).toEqual({ ok: true, port });
    expect(await chooseBrowserHostPort(0)).toEqual({ ok: true, port: 0 });
  });

  it('without --port: the default when free; when taken, any free port, and the console line says which', async () => {
    const port = await freePort();
    expect(await chooseBrowserHostPort(undefined, port)).toEqual({ ok: true, port });
    expect(await chooseBrowserHostPort(undefined, taken)).toEqual({ ok: true, port: 0, moved: taken });
    expect(movedNote(taken, 'http://127.0.0.1:40123')).toBe(
      `Port ${taken} is in use (another program, or another "npm start"); the browser host uses http://127.0.0.1:40123 instead.`,
    );
    expect(DEFAULT_BROWSER_HOST_PORT).toBe(4300);
  });
});
