// The sandbox's scenario ids: the sandbox implements them, the core arms them over the sandbox's HTTP API
// (sandbox mode only), so both read the list from here.
export const SCENARIO_IDS = [
  'consent_cancelled',
  'otp_always_wrong',
  'draft_limit_reached',
  'code_expired',
  'invalid_client',
  'lwa_500',
  'lwa_503',
  'lwa_slow',
  'refresh_revoked',
  'roles_missing',
  'spapi_429',
  'spapi_500',
  'consent_md1000',
  'consent_md5101',
  'consent_md5110',
  'consent_md9000',
  'consent_md9010',
  'consent_md9100',
  'consent_md9999',
  'consent_session_expired',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];
