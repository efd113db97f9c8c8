// Holds long-polls in a process of its own, for the scale-out figure: one process may open only as many
// sockets as its open-file limit (often 20,000), and 20,000 waiting clients would not fit beside the
// bench's own. Opens every path as fast as the cloud accepts connections (bench/load.ts, startPaced),
// reports 'opened', then 'done' with the time the last answer arrived and how many said `expect`.
// A long-poll that times out before the change is sent again, as the desktop does (at most 3 times).
import { Pool } from 'undici';
import { now } from './stack';
import { CONNECTING_WINDOW, startPaced } from './load';

export interface WaiterConfig {
  origin: string;
  token: string;
  /** Sent over IPC (10,000 paths are too long for an environment variable). */
  paths: string[];
  /** The status every answer should carry. */
  expect: string;
  /** A CA to trust (nginx's self-signed certificate in the nginx run). */
  ca?: string;
}

export interface WaitersDone {
  type: 'done';
  lastAt: number;
  correct: number;
  total: number;
  /** Long-polls that timed out before the change and were sent again. */
  repolls: number;
  /** Every answer's status (`http <code>` = an answer other than 200, `error <code>` = no HTTP answer). */
  statuses: Record<string, number>;
}

const config = await new Promise<WaiterConfig>((resolve) =>
  process.once('message', (msg) => resolve(msg as WaiterConfig)),
);
const pool = new Pool(config.origin, {
  connections: config.paths.length,
  pipelining: 1,
  headersTimeout: 60_000,
  bodyTimeout: 60_000,
  connectTimeout: 30_000,
  ...(config.ca ? { connect: { ca: config.ca } } : {}),
});
/** One client: asks again when its long-poll ends still pending (as the desktop does), until it has an answer. */
async function client(path: string): Promise<{ at: number; status: string; repolls: number }> {
  for (let repolls = 0; ; repolls++) {
    try {
      const res = await pool.request({ method: 'GET', path, headers: { authorization: `Bearer ${config.token}` } });
      // A proxy's error page (nginx: 500 when out of connections, 502/504) is counted by its status.
      if (res.statusCode !== 200) {
        await res.body.text();
        return { at: now(), status: `http ${res.statusCode}`, repolls };
      }
      const status = ((await res.body.json()) as { status: string }).status;
      if (status !== 'pending' || repolls >= 3) return { at: now(), status, repolls };
    } catch (error) {
      // Which failure (undici's code: a connect or headers timeout, a reset), not only that there was one.
      const code = (error as { code?: unknown }).code;
      return { at: now(), status: `error ${typeof code === 'string' ? code : 'other'}`, repolls };
    }
  }
}
const answers = await startPaced(pool, config.paths.length, CONNECTING_WINDOW, (i) => client(config.paths[i]!));
process.send!({ type: 'opened' });
const results = await Promise.all(answers);
const done: WaitersDone = {
  type: 'done',
  lastAt: Math.max(...results.map((r) => r.at)),
  correct: results.filter((r) => r.status === config.expect).length,
  total: results.length,
  repolls: results.reduce((sum, r) => sum + r.repolls, 0),
  statuses: results.reduce<Record<string, number>>((out, r) => ({ ...out, [r.status]: (out[r.status] ?? 0) + 1 }), {}),
};
// Exits once the message is out (an exit right after send could drop it).
process.send!(done, () => process.exit(0));
