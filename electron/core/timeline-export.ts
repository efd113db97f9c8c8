// Builds the Protokoll export (shared/timeline-export.ts) in the core, where the ids live: the cloud
// host and tenant id (asked of the cloud, best effort), the platform's and its authorizations' ids,
// Amazon request ids found in the (already redacted) details, and the sandbox's scenario set. The
// platform's status goes out as status + code + params only — never the consent URL (it carries state).
import { countryByCode } from '../../shared/amazon-regions';
import type { AppInfo } from '../../shared/ipc-contract';
import { EXPORT_FORMAT, timelineExportSchema, type TimelineExport } from '../../shared/timeline-export';
import { stepText } from '../../shared/timeline-steps';
import type { CloudClient } from './cloud-client';
import type { CloudSettings } from './cloud-settings';
import type { PlatformService } from './platforms';
import type { SandboxRequests } from './sandbox/requests';
import type { Timeline } from './timeline';
import { bestEffort } from '../../shared/best-effort';

interface ExportDeps {
  platforms: PlatformService;
  timeline: Timeline;
  settings: CloudSettings;
  cloud: CloudClient;
  /** Set only when the app runs against the Amazon sandbox. */
  sandbox?: SandboxRequests;
  appVersion: string;
  amazon: AppInfo['amazon'];
  now: () => number;
}

/** Amazon's request ids as they appear in details ("x-amzn-RequestId: …", "requestId=…", "Amazon request id …"). */
const REQUEST_ID = /(?:x-amzn-requestid|request[ _-]?id)["']?\s*[:=]?\s*["']?([A-Za-z0-9][A-Za-z0-9-]{7,99})/gi;

const localTime = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'medium' });
};

export async function buildTimelineExport(d: ExportDeps, platformId: string): Promise<TimelineExport> {
  const p = d.platforms.get(platformId);
  const entries = d.timeline.list(platformId);
  const view = await bestEffort('reading the cloud settings', d.settings.view());
  let cloudHost: string | undefined;
  try {
    cloudHost = view?.url ? new URL(view.url).host : undefined;
  } catch {
    cloudHost = undefined;
  }
  const who = await bestEffort('asking the cloud who we are', d.cloud.whoami());
  const scenarios = d.sandbox ? await bestEffort('reading the sandbox scenarios', d.sandbox.view()) : undefined;
  const authorizationIds = new Set<string>();
  const requestIds = new Set<string>();
  for (const e of entries) {
    if (e.authorizationId) authorizationIds.add(e.authorizationId);
    if (e.amazon?.requestId) requestIds.add(e.amazon.requestId);
    for (const m of (e.detail ?? '').matchAll(REQUEST_ID)) requestIds.add(m[1]!);
  }
  if (p.auth.status === 'waiting') authorizationIds.add(p.auth.authorizationId);
  const auth = p.auth;
  // While waiting, what the merchant reported Seller Central shows is the failure support replays.
  const error =
    auth.status === 'failed' ||
    auth.status === 'expired' ||
    auth.status === 'cancelled' ||
    auth.status === 'sign_in_required'
      ? auth.error
      : auth.status === 'waiting'
        ? auth.hint
        : undefined;
  const seller =
    auth.status === 'authenticated'
      ? auth.sellingPartnerId
      : auth.status !== 'not_authenticated'
        ? auth.previous?.sellingPartnerId
        : undefined;

  const out: TimelineExport = {
    format: EXPORT_FORMAT,
    version: 1,
    header: {
      exportedAt: new Date(d.now()).toISOString(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      appVersion: d.appVersion,
      amazon: d.amazon.kind,
      ...(cloudHost ? { cloudHost } : {}),
      ...(who ? { tenantId: who.tenantId } : {}),
      platform: {
        id: p.id,
        ...(p.cloudPlatformId ? { cloudPlatformId: p.cloudPlatformId } : {}),
        name: p.name,
        type: p.type,
        countryCode: p.countryCode,
        region: countryByCode(p.countryCode)!.region,
      },
      authorizationIds: [...authorizationIds],
      amazonRequestIds: [...requestIds],
      ...(scenarios ? { scenarios: scenarios.active } : {}),
    },
    status: {
      status: auth.status,
      ...(error ? { code: error.code, ...(error.params ? { params: error.params } : {}) } : {}),
      ...(seller ? { sellingPartnerId: seller } : {}),
    },
    timeline: entries.map((e) => ({
      at: e.at,
      local: localTime(e.at),
      step: e.step.slice(0, 200),
      text: stepText(e, 'de').slice(0, 200),
      outcome: e.outcome,
      ...(e.code ? { code: e.code } : {}),
      ...(e.detail ? { detail: e.detail.slice(0, 2000) } : {}),
      ...(e.authorizationId ? { authorizationId: e.authorizationId } : {}),
    })),
  };
  // What goes out is what an import accepts.
  return timelineExportSchema.parse(out);
}
