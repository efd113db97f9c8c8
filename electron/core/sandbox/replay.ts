// "Protokoll importieren" (sandbox mode): a merchant's export is read back and its failure set up to
// happen again — a new platform with the same country (so the same region), the cloud switched on, and
// armed for its next ANMELDEN with a seeded account of the same kind and the scenario that produces the
// same error. Failures that stay on Amazon's page are reproduced as that page; support then reports
// what it shows, exactly as the merchant did ("Seller Central zeigt einen Fehler?").
import type { Region } from '../../../shared/amazon-regions';
import type { ReplayPlan } from '../../../shared/ipc-contract';
import type { Platform } from '../../../shared/platform';
import { CodedError } from '../../../shared/result';
import { isErrorCode, type ErrorCode } from '../../../shared/error-codes';
import { suggestFreeName } from '../../../shared/platform-name';
import { sellerCentralErrorByCode } from '../../../shared/seller-central-errors';
import {
  finalErrorCode,
  MAX_IMPORT_CHARS,
  timelineExportSchema,
  type TimelineExport,
} from '../../../shared/timeline-export';
import type { PlatformService } from '../platforms';
import type { Timeline } from '../timeline';

/** The seller account a region's merchants use in the sandbox (primary user, Professional, authenticator app where possible). */
const PRIMARY: Record<Region, string> = {
  EU: 'eu.haendler@example.com',
  NA: 'na.seller@example.com',
  FE: 'fe.seller@example.com',
};

/** Failures the region's primary account reproduces: the sandbox scenario, what support reports, the step after the sign-in. */
const WITH_PRIMARY: Partial<Record<ErrorCode, Omit<ReplayPlan, 'account'>>> = {
  SELLER_CENTRAL_DRAFT_LIMIT: { scenario: 'draft_limit_reached', report: 'draft_limit' },
  SELLER_CENTRAL_OTP_REJECTED: { scenario: 'otp_always_wrong', report: 'otp_rejected' },
  SELLER_CENTRAL_CONSENT_CANCELLED: { scenario: 'consent_cancelled', report: 'consent_cancelled' },
  SELLER_CENTRAL_BROWSER_CLOSED: { report: 'browser_closed' },
  SELLER_CENTRAL_SESSION_EXPIRED: { scenario: 'consent_session_expired', report: 'session_expired' },
  LWA_INVALID_GRANT: { scenario: 'code_expired' },
  LWA_INVALID_CLIENT: { scenario: 'invalid_client' },
  LWA_UNAVAILABLE: { scenario: 'lwa_500' },
  REFRESH_TOKEN_REVOKED: { scenario: 'refresh_revoked', afterSignIn: 'importSettings' },
  SPAPI_ROLES_MISSING: { scenario: 'roles_missing', afterSignIn: 'importSettings' },
  SPAPI_RATE_LIMITED: { scenario: 'spapi_429', afterSignIn: 'importSettings' },
  SPAPI_SERVER_ERROR: { scenario: 'spapi_500', afterSignIn: 'importSettings' },
  SELLER_ID_DISPROVEN: { scenario: 'redirect_seller_id_edited' },
};

/** How each failure the app explains is produced again. */
function replayPlan(code: string | undefined, region: Region, params: Record<string, unknown> = {}): ReplayPlan {
  const primary = PRIMARY[region];
  const sc = code ? sellerCentralErrorByCode(code) : undefined;
  const withPrimary = code && isErrorCode(code) ? WITH_PRIMARY[code] : undefined;
  if (withPrimary) return { ...withPrimary, account: primary };
  switch (code) {
    case 'SELLER_CENTRAL_WRONG_REGION': {
      const actual =
        typeof params.actualRegion === 'string' && params.actualRegion in PRIMARY
          ? (params.actualRegion as Region)
          : region === 'NA'
            ? 'EU'
            : 'NA';
      return { account: PRIMARY[actual], report: 'wrong_region' };
    }
    case 'SELLER_CENTRAL_NOT_PRIMARY':
      return { account: 'mitarbeiter@example.com', report: 'not_primary' };
    case 'SELLER_CENTRAL_INDIVIDUAL_ACCOUNT':
      return { account: 'privatverkaeufer@example.com', report: 'individual_account' };
    default:
      // MD codes: the sandbox shows that page (consent_md…); anything else: a normal sign-in to watch.
      if (sc?.amazonCode?.startsWith('MD'))
        return { scenario: `consent_${sc.amazonCode.toLowerCase()}`, account: primary, report: sc.key };
      return { account: primary };
  }
}

/** Parses an export file's text: size first, then JSON, then the schema; each with a clear error. */
function parseExport(text: string): TimelineExport {
  if (text.length > MAX_IMPORT_CHARS)
    throw new CodedError('IMPORT_INVALID', `file larger than ${MAX_IMPORT_CHARS} characters`, { reason: 'too_large' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CodedError('IMPORT_INVALID', 'not JSON', { reason: 'not_json' });
  }
  const parsed = timelineExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CodedError('IMPORT_INVALID', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`, {
      reason: 'schema',
      field: (issue?.path.join('.') ?? '').slice(0, 80),
    });
  }
  return parsed.data;
}

export function importForReplay(
  platforms: PlatformService,
  timeline: Timeline,
  text: string,
): { platform: Platform; plan: ReplayPlan; errorCode?: string } {
  const exported = parseExport(text);
  const code = finalErrorCode(exported);
  const region = exported.header.platform.region;
  const plan = replayPlan(code, region, exported.status.code === code ? exported.status.params : undefined);
  const base = `Nachstellung ${exported.header.platform.name}`.slice(0, 70);
  // The one name rule (shared/platform-name.ts): a free name in the same sense the cloud checks.
  const name = suggestFreeName(
    base,
    platforms.list().map((p) => p.name),
  );
  const created = platforms.create('amazon', name);
  platforms.update(created.id, { useCloud: true, countryCode: exported.header.platform.countryCode });
  const platform = platforms.patch(created.id, (x) => ({
    ...x,
    sandboxArmed: {
      ...(plan.scenario ? { scenario: plan.scenario } : {}),
      account: plan.account,
      ...(code && isErrorCode(code) ? { replayOf: code } : {}),
    },
  }));
  timeline.add(
    created.id,
    { id: 'replayImported' },
    'info',
    `${code ?? 'no failure'}; platform ${exported.header.platform.id}`,
  );
  return { platform, plan, ...(code ? { errorCode: code } : {}) };
}
