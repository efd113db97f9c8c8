// The table of `npm run bench` (README.md, "Performance"): one row per figure with its baseline from the
// same run, the ratio and the target.
import type { browserHostLatency, pollerLatency } from './latency';
import type { CapacityLevel } from './capacity';
import type { LoadResult } from './load';
import type { PairResult } from './throughput-pair';
import type { ScaleOutResult } from './scale-out';
import type { NginxWaitersResult } from './nginx-waiters';
import type { startup } from './startup';
import type { Summary } from './stats';
import { ratio, type Row } from './table';
import { round } from './stats';

interface Figures {
  latency: {
    core: Summary;
    browserHost: Awaited<ReturnType<typeof browserHostLatency>>;
    poller: Awaited<ReturnType<typeof pollerLatency>>;
  };
  capacity: CapacityLevel[];
  bareRssMB: number;
  withoutFlags: CapacityLevel | undefined;
  onPostgres: CapacityLevel | undefined;
  onPostgresWithoutFlags: CapacityLevel | undefined;
  scaleOut: ScaleOutResult | undefined;
  nginx: NginxWaitersResult | undefined;
  throughput: { status: LoadResult; bare: LoadResult; bareAuth: LoadResult; pair: PairResult };
  ui: Awaited<ReturnType<typeof startup>>;
}

export function resultRows(figures: Figures): Row[] {
  const {
    latency,
    capacity,
    bareRssMB,
    withoutFlags,
    onPostgres,
    onPostgresWithoutFlags,
    scaleOut: scaleOutResult,
    nginx: nginxResult,
    throughput: { status, bare, bareAuth, pair },
    ui,
  } = figures;
  const rssRow = (c: CapacityLevel, where: string, targetMB: number): Row => ({
    figure: `cloud RSS, ${c.clients} waiting, ${where}${c.held < c.clients ? ` (held ${c.held})` : ''}`,
    value: `${c.rssWaitingMB} MB`,
    baseline: `${bareRssMB} MB (bare route)`,
    ratio: ratio(c.rssWaitingMB, bareRssMB),
    target: `< ${targetMB} MB`,
    met: c.rssWaitingMB < targetMB && c.held >= c.clients,
  });
  return [
    {
      figure: `completion p50, core (${latency.core.n} flows)`,
      value: `${latency.core.p50} ms`,
      baseline: `${latency.poller.measured.p50} ms (5 s poll)`,
      ratio: ratio(latency.core.p50, latency.poller.measured.p50),
      target: '',
    },
    {
      figure: 'completion p95, core',
      value: `${latency.core.p95} ms`,
      baseline: `${latency.poller.measured.p95} ms`,
      ratio: ratio(latency.core.p95, latency.poller.measured.p95),
      target: '',
    },
    {
      figure: 'completion p99, core',
      value: `${latency.core.p99} ms`,
      baseline: `${latency.poller.measured.p99} ms`,
      ratio: ratio(latency.core.p99, latency.poller.measured.p99),
      target: '≤ 15 ms',
      met: latency.core.p99 <= 15,
    },
    {
      figure: `completion p99, rendered in Chromium (${latency.browserHost.t2.n} flows)`,
      value: `${latency.browserHost.t2.p99} ms`,
      baseline: `${latency.poller.measured.p99} ms`,
      ratio: ratio(latency.browserHost.t2.p99, latency.poller.measured.p99),
      target: '≤ 20 ms',
      met: latency.browserHost.t2.p99 <= 20,
    },
    {
      figure: 'completion p50, rendered in Chromium',
      value: `${latency.browserHost.t2.p50} ms`,
      baseline: `${latency.poller.measured.p50} ms`,
      ratio: ratio(latency.browserHost.t2.p50, latency.poller.measured.p50),
      target: '',
    },
    ...capacity.map((c): Row => ({
      figure: `cloud RSS, ${c.clients} clients waiting${c.held < c.clients ? ` (held ${c.held})` : ''}`,
      value: `${c.rssWaitingMB} MB`,
      baseline: `${bareRssMB} MB (bare route)`,
      ratio: ratio(c.rssWaitingMB, bareRssMB),
      target: c.clients === 10_000 ? '< 300 MB' : '',
      ...(c.clients === 10_000 ? { met: c.rssWaitingMB < 300 && c.held >= c.clients } : {}),
    })),
    ...(withoutFlags ? [rssRow(withoutFlags, "without the unit's settings", 300)] : []),
    ...(onPostgres ? [rssRow(onPostgres, 'on a PostgreSQL server', 200)] : []),
    ...(onPostgresWithoutFlags
      ? [rssRow(onPostgresWithoutFlags, "on a PostgreSQL server, without the unit's settings", 200)]
      : []),
    ...(scaleOutResult && onPostgres
      ? [
          {
            figure: `cloud RSS per instance, ${scaleOutResult.clients} waiting over 2 instances, one PostgreSQL server${scaleOutResult.instances.some((i) => i.held < i.clients) ? ` (held ${scaleOutResult.instances.map((i) => i.held).join(' + ')})` : ''}`,
            value: scaleOutResult.instances.map((i) => `${i.rssWaitingMB}`).join(' / ') + ' MB',
            baseline: `${onPostgres.rssWaitingMB} MB (one instance, ${onPostgres.clients})`,
            ratio: ratio(Math.max(...scaleOutResult.instances.map((i) => i.rssWaitingMB)), onPostgres.rssWaitingMB),
            target: '',
          } satisfies Row,
          {
            figure: `wake ${scaleOutResult.answeredCorrectly} of ${scaleOutResult.clients} over 2 instances, changed through the other (LISTEN/NOTIFY)`,
            value: `${scaleOutResult.wakeAllMs} ms`,
            baseline: `${onPostgres.wakeAllMs} ms (one instance, ${onPostgres.clients})`,
            ratio: ratio(scaleOutResult.wakeAllMs, onPostgres.wakeAllMs),
            target: '',
          } satisfies Row,
        ]
      : []),
    ...(nginxResult
      ? [
          {
            figure: `${nginxResult.clients} waiting through nginx (shipped nginx.conf and site, TLS) to 2 instances: answered \`cancelled\` (held ${nginxResult.held.join(' + ')}; nginx RSS ${nginxResult.nginxRssMB} MB; all answers in ${nginxResult.wakeAllMs} ms)`,
            value: `${nginxResult.answeredCorrectly} of ${nginxResult.clients}`,
            baseline: '766 of 1,000 with Debian’s default nginx.conf',
            ratio: '',
            target: 'all',
            met: nginxResult.answeredCorrectly === nginxResult.clients,
          } satisfies Row,
        ]
      : []),
    ...capacity.map((c): Row => ({
      figure: `wake ${c.held} waiting clients (answer to all)`,
      value: `${c.wakeAllMs} ms`,
      baseline: '',
      ratio: '',
      target: '',
    })),
    ...(onPostgres
      ? [
          {
            figure: `wake ${onPostgres.held} waiting clients, on a PostgreSQL server`,
            value: `${onPostgres.wakeAllMs} ms`,
            baseline: '',
            ratio: '',
            target: '',
          } satisfies Row,
        ]
      : []),
    {
      figure: `status endpoint throughput (median of ${pair.rounds} rounds; rounds ${pair.spread.min}–${pair.spread.max}×)`,
      value: `${status.requestsPerSecond} req/s`,
      baseline: `${bare.requestsPerSecond} req/s (bare route)`,
      ratio: ratio(status.requestsPerSecond, bare.requestsPerSecond),
      target: '≥ 0.90×',
      met: status.requestsPerSecond >= 0.9 * bare.requestsPerSecond,
    },
    wrkRow(pair),
    {
      figure: 'bare route + bearer-token hook',
      value: `${bareAuth.requestsPerSecond} req/s`,
      baseline: `${bare.requestsPerSecond} req/s`,
      ratio: ratio(bareAuth.requestsPerSecond, bare.requestsPerSecond),
      target: '',
    },
    {
      figure: 'launch → list, 0 profiles',
      value: `${ui.listRenderedMs.profiles0} ms`,
      baseline: `${ui.listRenderedMs.emptyPage} ms (empty page)`,
      ratio: ratio(ui.listRenderedMs.profiles0, ui.listRenderedMs.emptyPage),
      target: '≤ 1.30×',
      met: ui.listRenderedMs.profiles0 <= 1.3 * ui.listRenderedMs.emptyPage,
    },
    {
      figure: 'launch → list, 1,000 profiles',
      value: `${ui.listRenderedMs.profiles1000} ms`,
      baseline: `${ui.listRenderedMs.emptyPage} ms`,
      ratio: ratio(ui.listRenderedMs.profiles1000, ui.listRenderedMs.emptyPage),
      target: '',
    },
    {
      figure: 'renderer, gzipped, fetched for the first screen',
      value: `${round(ui.gzipBytes.firstScreen / 1024)} KiB`,
      baseline: `${round(ui.gzipBytes.emptyPage / 1024)} KiB (empty page)`,
      ratio: ratio(ui.gzipBytes.firstScreen, ui.gzipBytes.emptyPage),
      target: '≤ 1.30×',
      met: ui.gzipBytes.firstScreen <= 1.3 * ui.gzipBytes.emptyPage,
    },
    {
      figure: 'renderer, gzipped, all chunks',
      value: `${round(ui.gzipBytes.renderer / 1024)} KiB`,
      baseline: `${round(ui.gzipBytes.emptyPage / 1024)} KiB`,
      ratio: ratio(ui.gzipBytes.renderer, ui.gzipBytes.emptyPage),
      target: '',
    },
  ];
}

/** The same pair's rounds measured by wrk: its ratio, and whether it agrees with the bench's within 0.05. */
function wrkRow(pair: PairResult): Row {
  const figure = 'same, measured by wrk -t1 -c32 in the same rounds';
  if (typeof pair.wrk === 'string') return { figure, value: pair.wrk, baseline: '', ratio: '', target: '' };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [s, b] = [median(pair.status.wrk!), median(pair.bare.wrk!)];
  return {
    figure,
    value: `${s} req/s`,
    baseline: `${b} req/s (bare route)`,
    ratio: ratio(s, b),
    target: '≥ 0.90×, within 0.05 of the bench',
    met: s >= 0.9 * b && pair.wrk.agreeWithin005,
  };
}
