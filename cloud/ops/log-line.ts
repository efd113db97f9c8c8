// The cloud process's own lines (start-up, the URIs to register, reload, shutdown, a failed start) in
// the format of the request log Fastify's logger (pino) writes: one JSON object per line with `level`
// (pino's numbers: 10 trace … 60 fatal), `time` (ms since the epoch), `pid`, `hostname`, `msg`. So every
// line a cloud instance writes is JSON, filtered by the same `logLevel` (CLOUD_LOG_LEVEL). Errors go to
// stderr, the rest to stdout, as before. Never pass a secret.
import os from 'node:os';

const LOG_LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;
type LogLevel = keyof typeof LOG_LEVELS;

let threshold: number = LOG_LEVELS.info;

export function setLogLevel(level: LogLevel): void {
  threshold = LOG_LEVELS[level];
}

export function logLine(level: Exclude<LogLevel, 'silent'>, msg: string, fields: Record<string, unknown> = {}): void {
  const n = LOG_LEVELS[level];
  if (n < threshold) return;
  const line = `${JSON.stringify({ level: n, time: Date.now(), pid: process.pid, hostname: os.hostname(), ...fields, msg })}\n`;
  (n >= LOG_LEVELS.error ? process.stderr : process.stdout).write(line);
}
