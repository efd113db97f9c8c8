// Each request's logger (Fastify's `request.log` and `reply.log`): pino's child with the request id,
// made when the request first logs, and dropped while a long-poll waits. A pino child is ~0.2 KB (its
// own serializers and formatters objects, the bindings string); thousands of waiting desktops each held
// one for the whole wait although nothing logs between "incoming request" and "request completed"
// (issue 26). The lines are pino's own, so they are the same bytes as with Fastify's default factory.
import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, FastifyChildLoggerFactory } from 'fastify/types/logger';

type LogArgs = Parameters<FastifyBaseLogger['info']>;

class RequestLog implements FastifyBaseLogger {
  #child: FastifyBaseLogger | undefined = undefined;
  constructor(
    readonly parent: FastifyBaseLogger,
    readonly bindings: Bindings,
    readonly options: ChildLoggerOptions | undefined,
  ) {}

  /** pino's child for this request: made on the first line, again after `release`. */
  get child$(): FastifyBaseLogger {
    return (this.#child ??= this.parent.child(this.bindings, this.options));
  }

  /** Drops the pino child until the request logs again. */
  release(): void {
    this.#child = undefined;
  }

  /** For tests: whether the pino child is held right now. */
  get holdsChild(): boolean {
    return this.#child !== undefined;
  }

  get level(): string {
    return this.#child?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.child$.level = level;
  }
  fatal(...args: LogArgs): void {
    this.child$.fatal(...args);
  }
  error(...args: LogArgs): void {
    this.child$.error(...args);
  }
  warn(...args: LogArgs): void {
    this.child$.warn(...args);
  }
  info(...args: LogArgs): void {
    this.child$.info(...args);
  }
  debug(...args: LogArgs): void {
    this.child$.debug(...args);
  }
  trace(...args: LogArgs): void {
    this.child$.trace(...args);
  }
  silent(...args: LogArgs): void {
    this.child$.silent(...args);
  }
  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.child$.child(bindings, options);
  }
}

const NO_OPTIONS: ChildLoggerOptions = Object.freeze({});

/** Fastify's `childLoggerFactory`: a RequestLog instead of a pino child per request. */
export const requestLogFactory: FastifyChildLoggerFactory = (logger, bindings, options) =>
  new RequestLog(logger, bindings, Object.keys(options).length > 0 ? options : NO_OPTIONS);

/**
 * A request that will wait (a long-poll) gives up its pino child; the answer's "request completed" line
 * makes a new one with the same bindings.
 */
export function releaseRequestLog(log: FastifyBaseLogger): void {
  if (log instanceof RequestLog) log.release();
}

/** For tests: whether this request's logger holds a pino child (Fastify's default one is a pino child). */
export function holdsChildLogger(log: FastifyBaseLogger): boolean {
  return log instanceof RequestLog ? log.holdsChild : true;
}
