// Fuzzers kept in `npm test` (fast-check, fixed seed, bounded): 10,000 WebSocket frames, protocol
// violations and oversized frames included, after a real handshake with the token, and malformed
// request lines, against a browser host in its own process. Every frame is followed by a valid request
// (the probe): the host must answer it or close that connection — never hang, never exit — and still
// serve the page at the end. The host installs no process-level error handler (see host-child.ts).
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import {
  RawWebSocket,
  closePayload,
  encodeFrame,
  hostAnswers,
  rawExchange,
  type FrameSpec,
  hostChildPerFile,
} from './testing/raw-client';

const SEED = 9_2026;
const FRAMES = 10_000;
const REQUEST_LINES = 2_000;
const MiB = 1024 * 1024;

const host = hostChildPerFile();
beforeAll(() => {
  expect(host.processErrorHandlers).toBe(0);
});

const requestNames = [
  'listPlatforms',
  'getAppInfo',
  'createPlatform',
  'updatePlatform',
  'getTimeline',
  'testCloudConnection',
  'nope',
  '__proto__',
  'constructor',
];

const textPayload = fc.oneof(
  // Requests with arbitrary payloads (the core parses them; the answer is a Result).
  fc
    .record({
      type: fc.constant('request'),
      id: fc.integer(),
      name: fc.constantFrom(...requestNames),
      payload: fc.jsonValue({ maxDepth: 3 }),
    })
    .map((r) => Buffer.from(JSON.stringify(r))),
  fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => Buffer.from(s)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
);

const closeCode = fc.oneof(
  fc.constantFrom(999, 1000, 1001, 1004, 1005, 1006, 1012, 1016, 2999, 3000, 4999, 5000),
  fc.integer({ min: 0, max: 65535 }),
);

const frame: fc.Arbitrary<FrameSpec> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ opcode: fc.constant(1), payload: textPayload }) },
  {
    weight: 1,
    arbitrary: fc.record({
      opcode: fc.constant(2),
      payload: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      opcode: fc.constantFrom(9, 10),
      payload: fc.uint8Array({ maxLength: 140 }).map((a) => Buffer.from(a)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      opcode: fc.constant(8),
      payload: fc.oneof(
        closeCode.map((c) => closePayload(c)),
        fc.uint8Array({ maxLength: 3 }).map((a) => Buffer.from(a)),
      ),
    }),
  },
  // Protocol violations: reserved opcodes, RSV bits, unmasked, fragments, continuation without start.
  {
    weight: 2,
    arbitrary: fc.record({
      opcode: fc.integer({ min: 0, max: 15 }),
      fin: fc.boolean(),
      rsv: fc.integer({ min: 0, max: 7 }),
      masked: fc.boolean(),
      payload: textPayload,
    }),
  },
  // Oversized: a header declaring more than 1 MiB (up to 2^53 − 1), without the bytes.
  {
    weight: 1,
    arbitrary: fc.record({
      opcode: fc.constantFrom(0, 1, 2),
      declaredLength: fc.integer({ min: MiB + 1, max: Number.MAX_SAFE_INTEGER }),
    }),
  },
  // Lengths around the 16- and 64-bit encodings.
  {
    weight: 1,
    arbitrary: fc.record({
      opcode: fc.constant(1),
      payload: fc.constantFrom(125, 126, 65535, 65536).map((n) => Buffer.alloc(n, 0x20)),
    }),
  },
);

it(`survives ${FRAMES.toLocaleString('en')} fuzzed WebSocket frames (seed ${SEED})`, async () => {
  // A few frames over the limit with all their bytes (1 MiB each on the wire, so only a handful).
  const frames = [
    ...fc.sample(frame, { seed: SEED, numRuns: FRAMES - 5 }),
    ...Array.from({ length: 5 }, () => ({ opcode: 1, payload: Buffer.alloc(MiB + 1, 0x7b) })),
  ];
  const tally = { connections: 0, answered: 0, closed: 0, hangs: 0 };
  // A few connections side by side (each frame still waits for its probe): the host serves them all.
  const LANES = 6;
  const lane = async (offset: number) => {
    let ws = await RawWebSocket.open(host);
    tally.connections++;
    for (let i = offset; i < frames.length; i += LANES) {
      const id = i + 1;
      ws.send(encodeFrame(frames[i]!));
      ws.send(
        encodeFrame({ opcode: 1, payload: Buffer.from(JSON.stringify({ type: 'request', id, name: 'getAppInfo' })) }),
      );
      const outcome = await ws.answerOrClose(id, 10_000);
      if (outcome === true) tally.answered++;
      else {
        if (outcome === undefined) tally.hangs++;
        else tally.closed++;
        ws.destroy();
        expect(host.exited()).toBeUndefined();
        ws = await RawWebSocket.open(host);
        tally.connections++;
      }
    }
    ws.destroy();
  };
  await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
  const { connections, answered, closed, hangs } = tally;
  console.log(
    `websocket fuzz: ${frames.length} frames, ${connections} connections, ${answered} probes answered, ${closed} connections closed by the host, ${hangs} hangs, crashes: ${host.exited() ? 1 : 0}`,
  );
  expect(hangs).toBe(0);
  expect(host.exited()).toBeUndefined();
  expect(await hostAnswers(host)).toBe(true);
}, 240_000);

const method = fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'CONNECT', 'PRI', 'G', 'get', '');
// Anything but CR/LF (those would end the line); brackets, percent signs, colons and bytes ≥ 0x80 often.
const targetChar = fc.oneof(
  fc.constantFrom('[', ']', '%', ':', '@', '/', '?', '#', '\\', ' ', '\t', '\u0000', 'http://', '//', '..'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\r' && c !== '\n'),
);
const target = fc.oneof(
  fc.array(targetChar, { maxLength: 40 }).map((parts) => parts.join('')),
  // Origin-form targets get past Node's parser and reach the host's own handlers.
  fc.array(targetChar, { maxLength: 40 }).map((parts) => '/' + parts.join('').replace(/[ \t]/g, '')),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).map((u) => new URL(u).pathname + new URL(u).search),
);
const requestLine = fc.record({
  method,
  target,
  version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/1.1 x', ''),
  upgrade: fc.boolean(),
});

it(`answers ${REQUEST_LINES.toLocaleString('en')} fuzzed request lines and keeps running (seed ${SEED})`, async () => {
  const statuses = new Map<string, number>();
  let noAnswer = 0;
  for (const r of fc.sample(requestLine, { seed: SEED, numRuns: REQUEST_LINES })) {
    const upgrade = r.upgrade
      ? `Origin: ${host.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n`
      : 'Connection: close\r\n';
    const bytes = Buffer.from(
      `${r.method} ${r.target} ${r.version}\r\nHost: 127.0.0.1:${host.port}\r\n${upgrade}\r\n`,
      'utf8',
    );
    const answer = await rawExchange(host.port, bytes, 10_000);
    const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
    if (status) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    else noAnswer++;
    expect(status ?? '').not.toMatch(/^5/);
    expect(host.exited()).toBeUndefined();
  }
  const summary = [...statuses]
    .sort()
    .map(([s, n]) => `${s}×${n}`)
    .join(', ');
  console.log(
    `request-line fuzz: ${REQUEST_LINES} request lines, statuses ${summary}, ${noAnswer} without an answer, 5xx: 0, crashes: ${host.exited() ? 1 : 0}`,
  );
  expect(noAnswer).toBe(0);
  expect(await hostAnswers(host)).toBe(true);
}, 240_000);
