// Attacks on the browser host that once ended its process: a malformed request line (before any token
// is checked) and WebSocket protocol errors (after a real handshake with the token). The host runs in
// its own process so a crash shows as that process exiting; it installs no process-level handler.
import { describe, expect, it } from 'vitest';
import {
  RawWebSocket,
  closePayload,
  encodeFrame,
  hostAnswers,
  rawExchange,
  hostChildPerFile,
} from './testing/raw-client';

const host = hostChildPerFile();

it('runs without a process-level error handler (nothing but the server itself may keep it alive)', () => {
  expect(host.processErrorHandlers).toBe(0);
});

const request = { type: 'request', id: 1, name: 'listPlatforms' };
const text = (s: string) => Buffer.from(s, 'utf8');

describe('malformed request lines', () => {
  const lines = [
    'GET http://[ HTTP/1.1',
    'GET http://[::1 HTTP/1.1',
    'GET http://a:b:c/ HTTP/1.1',
    'GET //[ HTTP/1.1',
    'HEAD http://%zz/ HTTP/1.1',
  ];

  it.each(lines)('answers "%s" with 400 and keeps running', async (line) => {
    const answer = await rawExchange(host.port, `${line}\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(host.exited()).toBeUndefined();
    expect(await hostAnswers(host)).toBe(true);
  });

  it.each(lines)('answers "%s" with Upgrade: websocket with 400 and keeps running', async (line) => {
    const answer = await rawExchange(
      host.port,
      `${line}\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: ${host.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(host.exited()).toBeUndefined();
    expect(await hostAnswers(host)).toBe(true);
  });
});

describe('request targets in absolute-form (RFC 9112 §3.2.2)', () => {
  it('serves one naming this host and refuses one naming another', async () => {
    const ours = await rawExchange(
      host.port,
      `GET http://127.0.0.1:${host.port}/ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(ours).toMatch(/^HTTP\/1\.1 200 /);
    const other = await rawExchange(
      host.port,
      `GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(other).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe('WebSocket protocol errors close that connection only, with the right code', () => {
  const MiB = 1024 * 1024;
  const cases: Array<[string, () => Buffer[], number]> = [
    [
      'a text frame over the 1 MiB limit (header only)',
      () => [encodeFrame({ opcode: 1, declaredLength: MiB + 1 })],
      1009,
    ],
    [
      'a text frame over the 1 MiB limit (with its bytes)',
      () => [encodeFrame({ opcode: 1, payload: Buffer.alloc(MiB + 1, 0x61) })],
      1009,
    ],
    ['invalid UTF-8', () => [encodeFrame({ opcode: 1, payload: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]) })], 1007],
    ['RSV1 without a negotiated extension', () => [encodeFrame({ opcode: 1, rsv: 4, payload: text('{}') })], 1002],
    [
      'an unmasked client frame',
      () => [encodeFrame({ opcode: 1, masked: false, payload: text(JSON.stringify(request)) })],
      1002,
    ],
    ['close code 999', () => [encodeFrame({ opcode: 8, payload: closePayload(999) })], 1002],
    ['a fragmented ping', () => [encodeFrame({ opcode: 9, fin: false, payload: text('p') })], 1002],
    ['opcode 3', () => [encodeFrame({ opcode: 3, payload: text('x') })], 1002],
    ['a continuation without a start', () => [encodeFrame({ opcode: 0, payload: text('x') })], 1002],
  ];

  it.each(cases)('%s', async (_name, frames, expectedCode) => {
    const bystander = await RawWebSocket.open(host);
    const attacker = await RawWebSocket.open(host);
    for (const frame of frames()) attacker.send(frame);
    expect(await attacker.closeCode()).toBe(expectedCode);
    expect(host.exited()).toBeUndefined();
    // The other connection still carries requests.
    bystander.send(encodeFrame({ opcode: 1, payload: text(JSON.stringify(request)) }));
    expect(await bystander.nextAnswer()).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
    bystander.destroy();
    expect(await hostAnswers(host)).toBe(true);
  });

  it('survives a client that resets its connection in the middle of a frame', async () => {
    const ws = await RawWebSocket.open(host);
    ws.send(encodeFrame({ opcode: 1, payload: text(JSON.stringify(request)) }).subarray(0, 5));
    ws.destroy();
    expect(await hostAnswers(host)).toBe(true);
    expect(host.exited()).toBeUndefined();
  });
});
