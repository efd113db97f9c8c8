// The end of a chaos run (chaos.ts): every flow classified against the desktop's and the cloud's state.
import { errorsDe as ERRORS_DE } from '../../renderer/src/i18n/errors.de';
import { TestCloudHttp } from './stack';
import type { Rig } from './chaos-rig';
import type { FlowRecord } from './chaos-flow';
import type { ChaosResult } from './chaos-types';

export async function classify(
  rig: Rig,
  records: FlowRecord[],
): Promise<Omit<ChaosResult, 'faults' | 'durationMs' | 'flows'>> {
  const r = {
    authenticated: 0,
    clearError: 0,
    stuck: 0,
    lost: 0,
    mixedUp: 0,
    orphans: 0,
    errors: {} as Record<string, number>,
    attempts: 0,
    problems: [] as string[],
  };
  const client = new TestCloudHttp(rig.cloud.url, rig.tenant);
  const cloudPlatforms = (await client.raw('GET', '/v1/platforms')).body.platforms as Array<{
    id: string;
    name: string;
    status: string;
    sellingPartnerId?: string;
  }>;
  const byId = new Map(cloudPlatforms.map((c) => [c.id, c]));
  const known = new Set<string>();
  for (const rec of records) {
    r.attempts += rec.attempts;
    const p = await rig.desks[rec.desk]!.platform(rec.platformId);
    const c = p.cloudPlatformId ? byId.get(p.cloudPlatformId) : undefined;
    if (p.cloudPlatformId) known.add(p.cloudPlatformId);
    const problem = (kind: 'stuck' | 'lost' | 'mixedUp', why: string) => {
      r[kind]++;
      r.problems.push(`flow ${rec.index} ${kind}: ${why}`);
    };
    if (p.auth.status === 'authenticated') {
      if (p.auth.sellingPartnerId !== rec.expected || (c?.sellingPartnerId && c.sellingPartnerId !== rec.expected))
        problem(
          'mixedUp',
          `desktop ${p.auth.sellingPartnerId}, cloud ${c?.sellingPartnerId}, consented ${rec.expected}`,
        );
      else if (c?.status !== 'authenticated')
        problem('lost', `desktop authenticated, cloud ${c?.status ?? 'has no platform'}`);
      else r.authenticated++;
    } else if (
      (p.auth.status === 'failed' || p.auth.status === 'expired') &&
      p.auth.error &&
      p.auth.error.code in ERRORS_DE
    ) {
      if (c?.status === 'authenticated')
        problem('lost', `cloud authenticated, desktop ${p.auth.status} ${p.auth.error.code}`);
      else {
        r.clearError++;
        r.errors[p.auth.error.code] = (r.errors[p.auth.error.code] ?? 0) + 1;
      }
    } else if (p.auth.status === 'not_authenticated' && rec.startError && rec.startError in ERRORS_DE) {
      // Never started: the merchant was shown why (the cloud unreachable for the whole time they tried).
      if (c?.status === 'authenticated')
        problem('lost', `cloud authenticated, desktop never started (${rec.startError})`);
      else {
        r.clearError++;
        r.errors[rec.startError] = (r.errors[rec.startError] ?? 0) + 1;
      }
    } else
      problem(
        'stuck',
        `desktop ${JSON.stringify(p.auth).slice(0, 200)}${rec.startError ? `, last start ${rec.startError}` : ''}`,
      );
  }
  for (const c of cloudPlatforms) {
    if (!known.has(c.id)) {
      r.orphans++;
      r.problems.push(`orphan in the cloud: ${c.name} (${c.status})`);
    }
  }
  return r;
}
