// Where the completion time goes (issue 26): marks taken in the bench process with performance.now()
// (through `now()`) from Node's diagnostics channels — the sandbox's HTTP server (LWA's token endpoint
// and any other Amazon call the cloud makes) and the fetches of the core and of the seller's browser
// stand-in (the long-poll's answer, the callback's HTML page). Nothing is added to the cloud or to any
// production log; the cloud child is seen only through the requests it makes and answers.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { now } from './stack';
import { summarize, type Summary } from './stats';

interface Mark {
  at: number;
  what: string;
}

/** The phases of one flow, in ms; each between two marks (see PHASES). */
type FlowPhases = Record<(typeof PHASES)[number][0], number>;

export const PHASES = [
  [
    'callbackToTokenRequest',
    'redirect fetched → LWA token request arrives (state check, the statement that uses up the state)',
  ],
  ['tokenExchange', 'LWA token request → its answer sent (sandbox stand-in)'],
  [
    'exchangeToLongPollAnswer',
    'token answer sent → long-poll answer headers at the core (token stored, DB writes, NOTIFY/wake, send)',
  ],
  ['coreToEvent', 'long-poll answer at the core → platformsChanged emitted (core)'],
  ['callbackPage', 'redirect fetched → callback HTML headers at the browser stand-in (for comparison)'],
] as const;

/** Collects marks while armed; `flow(t0, t1)` turns the marks of one flow into its phases. */
export function phaseRecorder() {
  let marks: Mark[] = [];
  const mark = (what: string) => marks.push({ at: now(), what });
  const onServerStart = (m: unknown) => {
    const req = (m as { request: IncomingMessage }).request;
    if (req.url?.startsWith('/auth/o2/token')) mark('tokenStart');
  };
  const onServerFinish = (m: unknown) => {
    const req = (m as { request: IncomingMessage }).request;
    if (req.url?.startsWith('/auth/o2/token')) mark('tokenFinish');
  };
  const onClientHeaders = (m: unknown) => {
    const path = (m as { request: { path?: string } }).request.path ?? '';
    if (/^\/v1\/authorizations\/[^/?]+\?wait=/.test(path)) mark('longPollAnswer');
    else if (path.startsWith('/oauth/amazon/callback')) mark('callbackHeaders');
  };
  // The core's cloud client is axios on node:http: its answer is seen when its headers are parsed.
  const onHttpClientResponse = (m: unknown) =>
    onClientHeaders({ request: { path: (m as { request: { path?: string } }).request.path } });
  subscribe('http.server.request.start', onServerStart);
  subscribe('http.server.response.finish', onServerFinish);
  subscribe('undici:request:headers', onClientHeaders);
  subscribe('http.client.response.finish', onHttpClientResponse);
  const samples: FlowPhases[] = [];
  return {
    /** Drops every mark taken so far (call right before t0). */
    reset: () => void (marks = []),
    /** The phases of the flow between t0 and t1 (the first of each mark after t0); kept for `summary`. */
    flow(t0: number, t1: number): FlowPhases | undefined {
      const first = (what: string) => marks.find((m) => m.what === what && m.at >= t0)?.at;
      const [ts, tf, lp, cb] = [
        first('tokenStart'),
        first('tokenFinish'),
        first('longPollAnswer'),
        first('callbackHeaders'),
      ];
      if (ts === undefined || tf === undefined || lp === undefined || cb === undefined) {
        if (process.env.DEBUG_PHASES) console.error(marks.map((m) => `${m.what} ${(m.at - t0).toFixed(1)}`).join(', '));
        return undefined;
      }
      const p: FlowPhases = {
        callbackToTokenRequest: ts - t0,
        tokenExchange: tf - ts,
        exchangeToLongPollAnswer: lp - tf,
        coreToEvent: t1 - lp,
        callbackPage: cb - t0,
      };
      samples.push(p);
      return p;
    },
    summary(): Record<string, Summary> {
      return Object.fromEntries(PHASES.map(([k]) => [k, summarize(samples.map((s) => s[k]))]));
    },
    close() {
      unsubscribe('http.server.request.start', onServerStart);
      unsubscribe('http.server.response.finish', onServerFinish);
      unsubscribe('undici:request:headers', onClientHeaders);
      unsubscribe('http.client.response.finish', onHttpClientResponse);
    },
  };
}
export type PhaseRecorder = ReturnType<typeof phaseRecorder>;
