// The cloud instances of cloud/testing/topology.ts (CLI processes behind nginx) and what the test reads
// from them: their request log (which instance received or holds a request), restarts that keep the
// earlier output, /readyz; and a seller's browser that notes every code and state it carries, so the
// test can search every log for them afterwards.
import { SellerBrowser } from './seller-browser';
import { startCliCloud, type CliCloud } from './cli-process';

export interface Instance {
  name: string;
  port: number;
  args: string[];
  proc: CliCloud;
  /** Output of earlier processes of this instance (before restarts). */
  earlier: string;
}

/** Everything the instance printed, its earlier processes included. */
export const instanceLog = (i: Instance) => i.earlier + i.proc.output();

export const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => {
      try {
        return JSON.parse(l) as { msg?: string; reqId?: string; req?: { path?: string; remoteAddress?: string } };
      } catch {
        return {};
      }
    });

/** Requests this instance received for a path prefix. */
export const received = (i: Instance, prefix: string) =>
  jsonLines(instanceLog(i)).filter((l) => l.msg === 'incoming request' && l.req?.path?.startsWith(prefix)).length;

/** Whether this instance's current process holds a request to this path open (received, not answered). */
export function holds(i: Instance, pathName: string): boolean {
  const lines = jsonLines(i.proc.output());
  const open = new Set(
    lines.filter((l) => l.msg === 'incoming request' && l.req?.path === pathName).map((l) => l.reqId),
  );
  for (const l of lines) if (l.msg === 'request completed') open.delete(l.reqId);
  return open.size > 0;
}

/** Stops the instance's process with `signal` and starts a new one with the same arguments. */
export async function restart(i: Instance, signal: NodeJS.Signals): Promise<number | null> {
  const code = await i.proc.stop(signal);
  i.earlier += i.proc.output();
  i.proc = await startCliCloud(i.args);
  return code;
}

/** The instance's /readyz body; not ready when it does not answer. */
export async function readyz(i: Instance): Promise<{ ready: boolean }> {
  try {
    return (await (await fetch(`http://127.0.0.1:${i.port}/readyz`)).json()) as { ready: boolean };
  } catch {
    return { ready: false };
  }
}

const SECRET_PARAMS = ['spapi_oauth_code', 'state', 'mws_auth_token', 'amazon_state'];

/** The seller's browser, adding every code and state of every URL it requests to `seen`. */
export class RecordingBrowser extends SellerBrowser {
  constructor(private readonly seen: Set<string>) {
    super();
  }
  override fetch(url: string, init: RequestInit = {}) {
    const u = new URL(url);
    for (const name of SECRET_PARAMS) {
      const value = u.searchParams.get(name);
      if (value && value.length >= 8) this.seen.add(value);
    }
    return super.fetch(url, init);
  }
}
