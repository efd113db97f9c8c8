// Raw TCP clients for the browser host's robustness tests: request lines and WebSocket frames exactly
// as given (a WebSocket library would refuse to send the malformed ones).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

interface HostChild {
  child: ChildProcess;
  origin: string;
  port: number;
  token: string;
  /** 'uncaughtException' + 'unhandledRejection' listeners in the host process (must be 0). */
  processErrorHandlers: number;
  /** Set once the process has exited (a crash), with its code/signal and what it wrote to stderr. */
  exited: () => string | undefined;
  stop(): Promise<void>;
}

/** Starts electron/browser-host/testing/host-child.ts in its own Node process. */
function startHostChild(): Promise<HostChild> {
  const child = fork(path.join(import.meta.dirname, 'host-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  let exit: string | undefined;
  child.stderr!.on('data', (d) => (stderr += d));
  child.on('exit', (code, signal) => (exit = `exit code ${code} signal ${signal}; stderr: ${stderr.slice(-2000)}`));
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', () => reject(new Error(`host child exited before listening: ${exit}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (!out.includes('\n') || !line) return;
      const { origin, token, processErrorHandlers } = JSON.parse(line) as {
        origin: string;
        token: string;
        processErrorHandlers: number;
      };
      resolve({
        child,
        origin,
        token,
        processErrorHandlers,
        port: Number(new URL(origin).port),
        exited: () => exit,
        stop: () =>
          new Promise<void>((done) => {
            if (exit !== undefined) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * One host child for the whole test file: started before its tests, stopped after them. Call at the top
 * level; read it (`host.port`, `host.exited()`) inside the tests.
 */
export function hostChildPerFile(): HostChild {
  let started: HostChild | undefined;
  beforeAll(async () => {
    started = await startHostChild();
  });
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as HostChild, {
    get(_, key: keyof HostChild) {
      if (!started) throw new Error('the host child starts in beforeAll');
      return started[key];
    },
  });
}

/** Sends bytes on a fresh connection and returns everything the server wrote until it closed (or timeout). */
export function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let got = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(got);
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (d) => {
      got += d.toString('latin1');
      // One answer is enough for a request that keeps the connection alive.
      if (
        /^HTTP\/1\.1 \d{3}/.test(got) &&
        got.includes('\r\n\r\n') &&
        !/connection: close/i.test(got) &&
        completeBody(got)
      )
        done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

function completeBody(response: string): boolean {
  const [head, ...rest] = response.split('\r\n\r\n');
  const length = /content-length: (\d+)/i.exec(head ?? '');
  return length
    ? Buffer.byteLength(rest.join('\r\n\r\n'), 'latin1') >= Number(length[1])
    : /transfer-encoding: chunked/i.test(head ?? '')
      ? response.endsWith('0\r\n\r\n')
      : true;
}

/** A GET for the index page: the host answers it after whatever came before. */
export async function hostAnswers(host: Pick<HostChild, 'port'>): Promise<boolean> {
  const answer = await rawExchange(
    host.port,
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`,
  );
  return answer.startsWith('HTTP/1.1 200') && answer.includes('<title>app</title>');
}

export interface FrameSpec {
  fin?: boolean;
  rsv?: number; // 0..7, RSV1 = 4
  opcode: number;
  masked?: boolean;
  payload?: Buffer;
  /** Declared length when it differs from the payload's (oversized headers without the bytes). */
  declaredLength?: number;
}

export function encodeFrame(f: FrameSpec): Buffer {
  const payload = f.payload ?? Buffer.alloc(0);
  const len = f.declaredLength ?? payload.length;
  const masked = f.masked ?? true;
  const head: number[] = [((f.fin ?? true) ? 0x80 : 0) | ((f.rsv ?? 0) << 4) | (f.opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (len < 126) head.push(maskBit | len);
  else if (len < 65536) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(len);
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(len));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), ext, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!;
  return Buffer.concat([Buffer.from(head), ext, key, body]);
}

export const closePayload = (code: number, reason = '') => {
  const b = Buffer.alloc(2 + Buffer.byteLength(reason));
  b.writeUInt16BE(code);
  b.write(reason, 2);
  return b;
};

/** A WebSocket connection made by hand: the handshake with the token, then raw frames. */
export class RawWebSocket {
  private buffer = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  readonly frames: Array<{ opcode: number; payload: Buffer }> = [];
  closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (d) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      this.parse();
      this.wake();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static open(host: Pick<HostChild, 'port' | 'token' | 'origin'>): Promise<RawWebSocket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(host.port, '127.0.0.1');
      let head = '';
      const onData = (d: Buffer) => {
        head += d.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        if (!head.startsWith('HTTP/1.1 101')) {
          socket.destroy();
          return reject(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
        }
        const ws = new RawWebSocket(socket);
        const rest = Buffer.from(head.slice(end + 4), 'latin1');
        if (rest.length) socket.emit('data', rest);
        resolve(ws);
      };
      socket.on('data', onData);
      socket.once('error', reject);
      socket.write(
        `GET /api?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: ${host.origin}\r\n` +
          `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
      );
    });
  }

  send(frame: Buffer): void {
    if (!this.socket.destroyed) this.socket.write(frame);
  }

  /** The close code the server sent, once it closed the connection (undefined if it sent none). */
  async closeCode(): Promise<number | undefined> {
    await this.until(() => this.closed);
    const close = this.frames.find((f) => f.opcode === 8);
    return close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : undefined;
  }

  /** The next text frame from the server that is not an event (the host pushes two on connect), parsed as JSON. */
  async nextAnswer(): Promise<unknown> {
    const isAnswer = (f: { opcode: number; payload: Buffer }) =>
      f.opcode === 1 && !f.payload.toString('utf8').startsWith('{"type":"event"');
    await this.until(() => this.frames.some(isAnswer) || this.closed);
    const i = this.frames.findIndex(isAnswer);
    if (i < 0) throw new Error('connection closed without an answer');
    return JSON.parse(this.frames.splice(i, 1)[0]!.payload.toString('utf8'));
  }

  /**
   * Waits for the answer to request `id` (true) or for the server to close (false); undefined when
   * neither happened within `timeoutMs` (the server neither answered nor closed: a hang).
   */
  async answerOrClose(id: number, timeoutMs: number): Promise<boolean | undefined> {
    const answered = () => this.frames.some((f) => f.opcode === 1 && f.payload.includes(`"id":${id},`));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([this.until(() => answered() || this.closed), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') return undefined;
    const result = answered();
    this.frames.length = 0;
    return result;
  }

  destroy(): void {
    this.socket.destroy();
  }

  private until(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => (condition() ? resolve() : this.waiters.push(check));
      this.waiters.push(check);
    });
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private parse() {
    for (;;) {
      if (this.buffer.length < 2) return;
      let len = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (this.buffer.length < 4) return;
        len = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (this.buffer.length < 10) return;
        len = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + len) return;
      this.frames.push({ opcode: this.buffer[0]! & 0x0f, payload: this.buffer.subarray(offset, offset + len) });
      this.buffer = this.buffer.subarray(offset + len);
    }
  }
}
