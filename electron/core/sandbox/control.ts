// Sandbox mode only: the core talks to the sandbox's admin API over HTTP so support staff can pick a
// failure in the app. A scenario (or a seeded account that fails) is armed on a platform and applied
// when that platform's next ANMELDEN starts: the scenario is switched on in the sandbox (one-shot
// failures for one occurrence only) and the chosen account's credentials are filled into the next
// Seller Central sign-in page.
import axios, { type AxiosInstance } from 'axios';
import type { SandboxScenarioView } from '../../../shared/ipc-contract';
import type { SellerCentralErrorKey } from '../../../shared/seller-central-errors';
import { CodedError } from '../../../shared/result';
import { SCENARIO_IDS, SIGN_IN_SCENARIO_IDS, type ScenarioId } from '../../../shared/sandbox-scenario-ids';

/** How an armed scenario is switched on: one-shot failures once, the rest until "alle zurücksetzen". */
const ARM_DEFAULTS: Record<ScenarioId, { count?: number; ms?: number }> = {
  consent_cancelled: { count: 1 },
  otp_always_wrong: {},
  draft_limit_reached: {},
  code_expired: { count: 1 },
  invalid_client: { count: 1 },
  // More than the cloud's LWA attempts (default 4), so the sign-in really fails.
  lwa_500: { count: 10 },
  lwa_503: { count: 10 },
  lwa_slow: { count: 1, ms: 15_000 },
  refresh_revoked: {},
  roles_missing: {},
  spapi_429: { count: 1 },
  spapi_500: {},
  consent_md1000: { count: 1 },
  consent_md5101: { count: 1 },
  consent_md5110: { count: 1 },
  consent_md9000: { count: 1 },
  consent_md9010: { count: 1 },
  consent_md9100: { count: 1 },
  consent_md9999: { count: 1 },
  consent_session_expired: { count: 1 },
  login_uri_new_seller: {},
  login_uri_relative_callback: {},
  pricing_role_missing: {},
  fees_client_error: {},
  fees_429: { count: 1 },
  redirect_seller_id_edited: { count: 1 },
};

/**
 * Scenarios that act on the sign-in itself (Seller Central, consent, the code exchange): switched off
 * again once the sign-in they were armed for has ended, so what one sign-in did not consume cannot break
 * the next one (issue 24: LWA 500 armed 10 failures while a sign-in uses 4). The others act after the
 * sign-in (import, token refresh) and stay until "alle zurücksetzen".
 */
export const SIGN_IN_SCENARIOS: ReadonlySet<ScenarioId> = new Set(SIGN_IN_SCENARIO_IDS);

export function isScenarioId(value: string): value is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(value);
}

interface SandboxAccount {
  email: string;
  name?: string;
  description?: string;
  region: string;
  role?: string;
  accountType?: string;
  manageAuthorizedPartners?: boolean;
}

interface SandboxStatus {
  persisted?: boolean;
  resetAt?: string;
  stateWarning?: string;
}

interface ScenarioList {
  available: { id: string; description: string; area: string }[];
  active: { id: string; target?: { email?: string; sellingPartnerId: string }; remaining?: number; ms?: number }[];
}

/** Why a seeded account cannot authorize, whatever the region (a wrong region depends on the platform). */
function accountFailure(a: SandboxAccount): SellerCentralErrorKey | undefined {
  if (a.accountType === 'individual') return 'individual_account';
  if (a.role === 'secondary' && !a.manageAuthorizedPartners) return 'not_primary';
  return undefined;
}

export class SandboxControl {
  private readonly http: AxiosInstance;

  constructor(readonly origin: string) {
    this.http = axios.create({ baseURL: origin, timeout: 5000, proxy: false });
  }

  async view(): Promise<SandboxScenarioView> {
    const [scenarios, accounts, status] = await this.guard(() =>
      Promise.all([
        this.http.get<ScenarioList>('/sandbox/api/scenarios'),
        this.http.get<{ accounts: SandboxAccount[] }>('/sandbox/api/accounts'),
        this.http.get<SandboxStatus>('/sandbox/api/status'),
      ]),
    );
    return {
      available: scenarios.data.available.map((s) => ({ id: s.id, description: s.description, area: s.area })),
      active: scenarios.data.active.map((s) => ({
        id: s.id,
        ...(s.target ? { account: s.target.email ?? s.target.sellingPartnerId } : {}),
        ...(s.remaining !== undefined ? { remaining: s.remaining } : {}),
        ...(s.ms !== undefined ? { ms: s.ms } : {}),
      })),
      accounts: accounts.data.accounts.map((a) => {
        const failure = accountFailure(a);
        return {
          email: a.email,
          label: a.description ?? a.name ?? a.email,
          region: a.region,
          ...(failure ? { failure } : {}),
        };
      }),
      ...(status.data.persisted !== undefined ? { persisted: status.data.persisted } : {}),
      ...(status.data.resetAt ? { resetAt: status.data.resetAt } : {}),
      ...(status.data.stateWarning ? { stateWarning: status.data.stateWarning } : {}),
    };
  }

  async knowsAccount(email: string): Promise<boolean> {
    const res = await this.guard(() => this.http.get<{ accounts: SandboxAccount[] }>('/sandbox/api/accounts'));
    return res.data.accounts.some((a) => a.email.toLowerCase() === email.toLowerCase());
  }

  /** Switches the armed scenario on (for the chosen account, if any) and fills that account into the next sign-in page. */
  async apply(armed: { scenario?: string; account?: string; replayOf?: string }): Promise<void> {
    await this.guard(async () => {
      if (armed.scenario && isScenarioId(armed.scenario)) {
        await this.http.put('/sandbox/api/scenarios', {
          id: armed.scenario,
          ...(armed.account ? { account: armed.account } : {}),
          ...ARM_DEFAULTS[armed.scenario],
        });
      }
      if (armed.account) await this.http.put('/sandbox/api/signin-prefill', { email: armed.account });
    });
  }

  /** Switches one scenario off for one account (the others' and other accounts' stay). */
  async clearScenario(id: ScenarioId, account: string): Promise<void> {
    await this.guard(() =>
      this.http.delete(`/sandbox/api/scenarios/${encodeURIComponent(id)}`, { params: { account } }),
    );
  }

  async resetScenarios(): Promise<void> {
    await this.guard(() => this.http.delete('/sandbox/api/scenarios'));
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const detail = axios.isAxiosError(error)
        ? `${error.code ?? ''} ${error.response?.status ?? ''}`.trim()
        : String(error);
      throw new CodedError('SANDBOX_UNREACHABLE', `sandbox at ${this.origin} did not answer: ${detail}`, {
        url: this.origin,
      });
    }
  }
}
