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
  'login_uri_new_seller',
  'login_uri_relative_callback',
  'pricing_role_missing',
  'fees_client_error',
  'fees_429',
  'redirect_seller_id_edited',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/**
 * When each scenario acts. `sign-in`: on the sign-in itself (Seller Central, consent, the code
 * exchange) — the desktop switches it off again once the sign-in it was armed for has ended. `after`:
 * on what follows (import, token refresh, the Login URI) — it stays until "alle zurücksetzen". A new
 * scenario id does not compile until it is placed here.
 */
const SCENARIO_PHASE: Record<ScenarioId, 'sign-in' | 'after'> = {
  consent_cancelled: 'sign-in',
  otp_always_wrong: 'sign-in',
  draft_limit_reached: 'sign-in',
  code_expired: 'sign-in',
  invalid_client: 'sign-in',
  lwa_500: 'sign-in',
  lwa_503: 'sign-in',
  lwa_slow: 'sign-in',
  refresh_revoked: 'after',
  roles_missing: 'after',
  spapi_429: 'after',
  spapi_500: 'after',
  consent_md1000: 'sign-in',
  consent_md5101: 'sign-in',
  consent_md5110: 'sign-in',
  consent_md9000: 'after',
  consent_md9010: 'after',
  consent_md9100: 'sign-in',
  consent_md9999: 'sign-in',
  consent_session_expired: 'sign-in',
  login_uri_new_seller: 'after',
  login_uri_relative_callback: 'after',
  pricing_role_missing: 'after',
  fees_client_error: 'after',
  fees_429: 'after',
  redirect_seller_id_edited: 'sign-in',
};

export const SIGN_IN_SCENARIO_IDS: readonly ScenarioId[] = SCENARIO_IDS.filter(
  (id) => SCENARIO_PHASE[id] === 'sign-in',
);
