// Every scenario the sandbox offers has a test: the list names, per scenario id, the test files that arm
// it, and each of those files must exist and name the scenario. A new id does not compile until it is
// placed here; a test file that drops its last test of a scenario fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS, type ScenarioId } from '../../shared/sandbox-scenario-ids';

const ROOT = join(import.meta.dirname, '..', '..');
const SELLER_CENTRAL = 'electron/core/scenarios-seller-central.integration.test.ts';
const LWA = 'electron/core/scenarios-lwa.integration.test.ts';
const SPAPI = 'electron/core/scenarios-spapi.integration.test.ts';
const REPLAY = 'electron/core/sandbox/replay.integration.test.ts';
const LOGIN_URI = ['cloud/login-uri-step.test.ts', 'sandbox/login-uri.test.ts'];
const FEES = ['electron/core/seller-id-proof.integration.test.ts', 'sandbox/fees.integration.test.ts'];

const SCENARIO_TESTS: Record<ScenarioId, readonly string[]> = {
  consent_cancelled: [SELLER_CENTRAL],
  otp_always_wrong: [SELLER_CENTRAL],
  draft_limit_reached: [SELLER_CENTRAL],
  code_expired: [LWA],
  invalid_client: [LWA],
  lwa_500: [LWA],
  lwa_503: [LWA],
  lwa_slow: [LWA],
  refresh_revoked: [SPAPI],
  roles_missing: [SPAPI],
  spapi_429: [SPAPI],
  spapi_500: [SPAPI],
  consent_md1000: [REPLAY],
  consent_md5101: [REPLAY],
  consent_md5110: [REPLAY],
  consent_md9000: [REPLAY],
  consent_md9010: [REPLAY],
  consent_md9100: [REPLAY],
  consent_md9999: [REPLAY],
  consent_session_expired: [REPLAY, 'e2e/replay-every-code.spec.ts'],
  login_uri_new_seller: [
    'electron/core/login-uri.integration.test.ts',
    ...LOGIN_URI,
    'e2e/first-sign-in-login-uri.spec.ts',
  ],
  login_uri_relative_callback: LOGIN_URI,
  pricing_role_missing: FEES,
  fees_client_error: FEES,
  fees_429: FEES,
  redirect_seller_id_edited: ['electron/core/seller-id-proof.integration.test.ts', 'e2e/replay-every-code.spec.ts'],
};

describe('scenario coverage', () => {
  it('lists exactly the sandbox’s scenario ids', () => {
    expect(Object.keys(SCENARIO_TESTS).sort()).toEqual([...SCENARIO_IDS].sort());
  });

  it.each(SCENARIO_IDS.map((id) => ({ id, files: SCENARIO_TESTS[id] })))(
    '$id is armed in its test files',
    ({ id, files }) => {
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(join(ROOT, file), 'utf8');
        expect(text, `${file} does not name ${id}`).toMatch(new RegExp(`['"\`:]${id}['"\`]`));
      }
    },
  );
});
