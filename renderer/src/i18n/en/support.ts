// English texts of the sandbox and support tools, renderer/src/features/support/: key for key those of
// de/support.ts (DeepStrings), part of en.ts.
import type { supportDe } from '../de/support';
import type { DeepStrings } from '../keys';

export const supportEn: DeepStrings<typeof supportDe> = {
  sandboxScenarios: {
    title: 'Test case for the next sign-in',
    none: '— no test case (normal sign-in) —',
    scenarios: 'Sandbox scenarios',
    accounts: 'Test accounts that fail',
    armed: '{{btnSignIn}} will trigger: {{what}}',
    accountArmed: 'test account {{email}} (filled in on the sign-in page)',
    accountWrongRegion: '{{email}} – account of region {{region}}',
    banner: 'Sandbox scenarios active: {{list}}',
    forAccount: '{{id}} for {{account}}',
    remaining: '{{id}} ({{count}}× left)',
    resetAll: 'reset all',
    wasReset:
      'The Amazon sandbox was reset on {{date}}: earlier sandbox sign-ins are no longer valid – please {{btnSignIn}} again.',
    stateKeptAside:
      'The saved state of the Amazon sandbox was damaged and was moved to {{path}}; the sandbox started afresh. Please {{btnSignIn}} again.',
    ids: {
      consent_cancelled: 'Consent cancelled / browser closed',
      otp_always_wrong: 'One-time code always rejected',
      draft_limit_reached: 'Draft app: 25 authorizations reached',
      code_expired: 'Code expired at exchange (invalid_grant)',
      invalid_client: 'LWA credentials wrong (invalid_client)',
      lwa_500: 'Login with Amazon: internal error (500)',
      lwa_503: 'Login with Amazon unavailable (503)',
      lwa_slow: 'Login with Amazon answers slowly',
      refresh_revoked: 'Access removed in Seller Central (refresh token invalid)',
      roles_missing: 'Roles missing (SP-API 403)',
      spapi_429: 'SP-API throttles (429)',
      spapi_500: 'SP-API: internal error (500)',
      consent_md1000: 'Seller Central shows MD1000',
      consent_md5101: 'Seller Central shows MD5101',
      consent_md5110: 'Seller Central shows MD5110',
      consent_md9000: 'Seller Central shows MD9000',
      consent_md9010: 'Seller Central shows MD9010',
      consent_md9100: 'Seller Central shows MD9100',
      consent_md9999: 'Seller Central shows MD9999',
      consent_session_expired: 'Seller Central session expired',
      login_uri_new_seller: 'New seller: Amazon calls the Login URI after the consent',
      login_uri_relative_callback: 'Login URI gets amazon_callback_uri as a relative path',
      pricing_role_missing: 'Role for Product Fees missing (seller id unproven)',
      fees_client_error: 'Product Fees: ClientError (seller id still named)',
      fees_429: 'Product Fees throttles (429, seller id unproven)',
      redirect_seller_id_edited: 'Redirect with an edited seller id',
    },
  },
  replay: {
    import: 'Import log',
    of: 'Replaying a merchant’s log: {{code}} – “{{text}}”',
  },
  sandbox: {
    title: 'Amazon sandbox: test accounts',
    notReal: 'This is the Amazon sandbox, not the real Amazon. Sign in in the browser with one of these test accounts.',
    label: 'Account',
    email: 'E-mail',
    password: 'Password',
    region: 'Region',
    code: 'One-time code',
    secondsLeft: '{{seconds}} seconds left',
    sms: 'by SMS',
    smsInbox: 'Open the sandbox SMS inbox',
  },
};
