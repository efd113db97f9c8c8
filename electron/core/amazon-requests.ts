// Amazon's request ids in the Protokoll: every call the cloud made to LWA or SP-API for a platform
// becomes one timeline entry with the id, because Amazon's developer support asks for it first
// (docs/amazon.md §3, §4). The cloud reports the calls with an authorization's outcome, with a settings
// import, and on the platform; an id already in the timeline is not added again.
import type { AmazonRequest } from '../../shared/cloud-api';
import type { Timeline } from './timeline';

const API_NAME: Record<AmazonRequest['api'], string> = { lwa: 'Login with Amazon', spapi: 'SP-API' };

const sameCall = (a: AmazonRequest, b: AmazonRequest) =>
  a.at === b.at && a.operation === b.operation && a.requestId === b.requestId;

export function logAmazonRequests(timeline: Timeline, platformId: string, requests: AmazonRequest[] | undefined): void {
  if (!requests?.length) return;
  const known = timeline.list(platformId).flatMap((e) => (e.amazon ? [e.amazon] : []));
  for (const r of requests) {
    if (known.some((k) => sameCall(k, r))) continue;
    const status = r.httpStatus !== undefined ? `HTTP ${r.httpStatus}` : 'no answer';
    const detail = `${status}${r.outcome === 'ok' ? '' : ` ${r.outcome}`} · x-amzn-RequestId ${r.requestId ?? '(none sent)'}`;
    timeline.add(
      platformId,
      { id: 'amazonRequest', params: { call: `${API_NAME[r.api]} ${r.operation}` } },
      r.outcome === 'ok' ? 'ok' : 'error',
      detail,
      { amazon: r },
    );
    known.push(r);
  }
}
