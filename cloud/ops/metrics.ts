// Prometheus metrics of one cloud instance (prom-client, its own registry: tests run several clouds
// in one process). What an operator watches: waiting long-polls, authorizations by outcome, Amazon
// callbacks by result code, LWA and SP-API latency and errors, database pool use, plus Node's
// process metrics. Labels are bounded sets (codes, statuses), never ids or anything secret.
import client from 'prom-client';
import packageJson from '../../package.json' with { type: 'json' };
import type { CallObserver } from '../amazon/http-call';

const { version } = packageJson;

interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface CloudMetrics {
  /** This instance's metrics (the process metrics are added when rendering). */
  readonly registry: client.Registry;
  /** Reads the long-poll registry's count when scraped (status long-polls and the platform feed). */
  setLongPollSource(read: () => number): void;
  /** started, authenticated, failed, cancelled, expired. */
  authorization(outcome: string): void;
  /** `ok` or the error code the callback answered with. */
  callback(result: string): void;
  lwaCall: CallObserver;
  spApiCall: CallObserver;
  /** Reads the pool (PostgreSQL) when scraped; PGlite has a single connection. */
  setPoolSource(read: () => PoolStats): void;
  /** Reads the LWA client secrets' days left when scraped (amazon/lwa-secret-status.ts). */
  setLwaSecretSource(read: () => { slot: string; daysLeft?: number }[]): void;
  /** Reads whether the notifier listens for other instances' changes (always on PGlite), when scraped. */
  setNotifierSource(read: () => boolean): void;
  /** The notifier's LISTEN connection was lost. */
  notifierLost(): void;
  render(): Promise<{ contentType: string; body: string }>;
}

/**
 * Node's process metrics, once per process: they describe the process, not an instance, and each
 * collectDefaultMetrics call starts its own event-loop monitor and GC observer that cannot be stopped.
 */
let processRegistry: client.Registry | undefined;
function processMetrics(): client.Registry {
  if (!processRegistry) {
    processRegistry = new client.Registry();
    client.collectDefaultMetrics({ register: processRegistry, prefix: 'cloud_' });
  }
  return processRegistry;
}

export function createMetrics(): CloudMetrics {
  const registry = new client.Registry();
  let longPolls: (() => number) | undefined;
  new client.Gauge({
    name: 'cloud_longpolls_waiting',
    help: 'Long-polls currently held open (authorization status and platform feed)',
    registers: [registry],
    collect() {
      this.set(longPolls ? longPolls() : 0);
    },
  });
  const authorizations = new client.Counter({
    name: 'cloud_authorizations_total',
    help: 'Authorizations started and finished, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const callbacks = new client.Counter({
    name: 'cloud_callbacks_total',
    help: "Amazon's redirects to the callback, by result (ok or error code)",
    labelNames: ['result'],
    registers: [registry],
  });
  const upstream = new client.Histogram({
    name: 'cloud_upstream_request_duration_seconds',
    help: 'Calls to Login with Amazon and SP-API, by service and result (HTTP status, timeout or network)',
    labelNames: ['service', 'result'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const upstreamErrors = new client.Counter({
    name: 'cloud_upstream_errors_total',
    help: 'Calls to Login with Amazon and SP-API that failed (status >= 400, timeout or network)',
    labelNames: ['service', 'result'],
    registers: [registry],
  });
  let pool: (() => PoolStats) | undefined;
  const poolGauge = (name: string, help: string, pick: (p: PoolStats) => number) =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        if (pool) this.set(pick(pool()));
      },
    });
  poolGauge('cloud_db_pool_connections', 'Database connections open', (p) => p.total);
  poolGauge('cloud_db_pool_idle', 'Database connections idle', (p) => p.idle);
  poolGauge('cloud_db_pool_waiting', 'Queries waiting for a database connection', (p) => p.waiting);
  poolGauge('cloud_db_pool_max', 'Database pool size', (p) => p.max);

  // Which build runs where (a rolling upgrade shows two versions for a while). `commit` is set by the
  // build (scripts/build.ts buildCommit); run from source (tsx) it reads "source".
  new client.Gauge({
    name: 'cloud_build_info',
    help: 'Always 1; the labels name the running build',
    labelNames: ['version', 'commit', 'node'],
    registers: [registry],
  })
    .labels(version, buildCommitLabel(process.env.CLOUD_BUILD_COMMIT), process.version)
    .set(1);
  let lwaSecrets: (() => { slot: string; daysLeft?: number }[]) | undefined;
  new client.Gauge({
    name: 'cloud_lwa_client_secret_days_left',
    help: 'Whole days until Amazon stops accepting each configured LWA client secret (slot current or next; secrets with an expiry date only)',
    labelNames: ['slot'],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of lwaSecrets?.() ?? []) if (s.daysLeft !== undefined) this.labels(s.slot).set(s.daysLeft);
    },
  });
  let notifierListening: (() => boolean) | undefined;
  new client.Gauge({
    name: 'cloud_notifier_listening',
    help: "1 while this instance LISTENs for other instances' changes (PostgreSQL), 0 while that connection is lost",
    registers: [registry],
    collect() {
      this.set(!notifierListening || notifierListening() ? 1 : 0);
    },
  });
  const notifierLosses = new client.Counter({
    name: 'cloud_notifier_connection_losses_total',
    help: 'Times the LISTEN connection to PostgreSQL was lost (each followed by reconnects with backoff)',
    registers: [registry],
  });

  const observer =
    (service: string): CallObserver =>
    (seconds, result) => {
      upstream.observe({ service, result }, seconds);
      if (!/^[123]\d\d$/.test(result)) upstreamErrors.inc({ service, result });
    };
  return {
    registry,
    setLongPollSource: (read) => void (longPolls = read),
    authorization: (outcome) => authorizations.inc({ outcome }),
    callback: (result) => callbacks.inc({ result }),
    lwaCall: observer('lwa'),
    spApiCall: observer('spapi'),
    setPoolSource: (read) => void (pool = read),
    setLwaSecretSource: (read) => void (lwaSecrets = read),
    setNotifierSource: (read) => void (notifierListening = read),
    notifierLost: () => notifierLosses.inc(),
    render: async () => {
      const all = client.Registry.merge([processMetrics(), registry]);
      return { contentType: registry.contentType, body: await all.metrics() };
    },
  };
}

/** The build's commit as a metric label: the build replaces the variable with its value; anything odd is "unknown". */
function buildCommitLabel(commit: string | undefined): string {
  if (commit === undefined || commit === '') return 'source';
  return /^[\w.-]{1,64}$/.test(commit) ? commit : 'unknown';
}
