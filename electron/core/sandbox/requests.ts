// The sandbox panel's requests (sandbox mode only): the scenario view, arming a scenario or a failing
// seeded account on a platform, "alle zurücksetzen", and applying the armed choice when ANMELDEN starts.
import type { RequestResults } from '../../../shared/ipc-contract';
import type { Platform } from '../../../shared/platform';
import { countryByCode, type Region } from '../../../shared/amazon-regions';
import { CodedError } from '../../../shared/result';
import type { PlatformService } from '../platforms';
import { isScenarioId, SIGN_IN_SCENARIOS, type SandboxControl } from './control';
import type { ScenarioId } from '../../../shared/sandbox-scenario-ids';

/** The seeded account a test case is scoped to when support chose none: the region's primary seller. */
const REGION_ACCOUNT: Record<Region, string> = {
  EU: 'eu.haendler@example.com',
  NA: 'na.seller@example.com',
  FE: 'fe.seller@example.com',
};
import type { Timeline } from '../timeline';

export class SandboxRequests {
  constructor(
    private readonly control: SandboxControl | undefined,
    private readonly platforms: PlatformService,
    private readonly timeline: Timeline,
  ) {}

  /** Sign-in scenarios applied per platform, switched off when that platform's sign-in ends. */
  private readonly applied = new Map<
    string,
    { scenario: ScenarioId; account: string; started: boolean; authBefore: string }
  >();
  private readonly importByHand = new Set<string>();

  view(): Promise<RequestResults['getSandboxScenarios']> {
    return this.control ? this.control.view() : Promise.resolve(null);
  }

  async arm(id: string, scenario?: string, account?: string): Promise<Platform> {
    const control = this.need();
    this.platforms.get(id);
    if (scenario !== undefined && !isScenarioId(scenario))
      throw new CodedError('INVALID_INPUT', `unknown scenario ${scenario}`, {
        field: 'scenario',
        reason: 'unknown scenario',
      });
    if (account !== undefined && !(await control.knowsAccount(account)))
      throw new CodedError('INVALID_INPUT', 'not a seeded sandbox account', {
        field: 'account',
        reason: 'unknown account',
      });
    const armed = { ...(scenario ? { scenario } : {}), ...(account ? { account: account.toLowerCase() } : {}) };
    return this.platforms.patch(id, (x) => {
      const { sandboxArmed: _old, ...rest } = x;
      return scenario || account ? { ...rest, sandboxArmed: armed } : rest;
    });
  }

  async reset(): Promise<RequestResults['resetSandboxScenarios']> {
    const control = this.need();
    await control.resetScenarios();
    for (const p of this.platforms.list()) {
      if (p.sandboxArmed) this.disarm(p.id);
    }
    return control.view();
  }

  /** SignInManager's beforeStart: the armed choice goes live in the sandbox for this sign-in. */
  async applyArmed(p: Platform): Promise<void> {
    if (!p.sandboxArmed || !this.control) return;
    // A test case is scoped to one account (the chosen one, else the region's primary seller, filled into
    // the sign-in page), so it never fires for another platform's sign-in.
    const scenario =
      p.sandboxArmed.scenario && isScenarioId(p.sandboxArmed.scenario) ? p.sandboxArmed.scenario : undefined;
    const account =
      p.sandboxArmed.account ?? (scenario ? REGION_ACCOUNT[countryByCode(p.countryCode)?.region ?? 'EU'] : undefined);
    const armed = { ...p.sandboxArmed, ...(account ? { account } : {}) };
    await this.control.apply(armed);
    if (scenario && account && SIGN_IN_SCENARIOS.has(scenario))
      this.applied.set(p.id, { scenario, account, started: false, authBefore: JSON.stringify(p.auth) });
    // A test case of the import (SP-API, refresh token) is support's to trigger: no automatic import after this sign-in.
    if (scenario && !SIGN_IN_SCENARIOS.has(scenario)) this.importByHand.add(p.id);
    this.timeline.add(
      p.id,
      { id: 'sandboxScenarioApplied' },
      'info',
      [armed.scenario, armed.account].filter(Boolean).join(', '),
    );
    this.disarm(p.id);
  }

  /** True once for a platform whose sign-in was armed with a test case of the import (auto-import.ts asks). */
  takeImportByHand(id: string): boolean {
    return this.importByHand.delete(id);
  }

  /**
   * After every change of the platforms: a sign-in scenario whose sign-in has ended is switched off, so
   * nothing it did not consume is left armed for the next sign-in. Best effort (the sandbox may be gone).
   */
  settle(platforms: Platform[]): void {
    if (!this.control || this.applied.size === 0) return;
    for (const [id, applied] of [...this.applied]) {
      const p = platforms.find((x) => x.id === id);
      // Applied just before the sign-in starts: it ends once the platform has waited and stops waiting
      // (or the start itself failed).
      if (p?.auth.status === 'waiting') {
        applied.started = true;
        continue;
      }
      if (p && !applied.started && JSON.stringify(p.auth) === applied.authBefore) continue;
      this.applied.delete(id);
      void this.control.clearScenario(applied.scenario, applied.account).then(
        () =>
          p &&
          this.timeline.add(id, { id: 'sandboxScenarioCleared' }, 'info', `${applied.scenario}, ${applied.account}`),
        () => undefined,
      );
    }
  }

  private disarm(id: string) {
    this.platforms.patch(id, (x) => {
      const { sandboxArmed: _old, ...rest } = x;
      return rest;
    });
  }

  private need(): SandboxControl {
    if (!this.control) throw new CodedError('SANDBOX_ONLY', 'only with the Amazon sandbox');
    return this.control;
  }
}
