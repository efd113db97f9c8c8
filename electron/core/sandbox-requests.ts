// The sandbox panel's requests (sandbox mode only): the scenario view, arming a scenario or a failing
// seeded account on a platform, "alle zurücksetzen", and applying the armed choice when ANMELDEN starts.
import type { RequestResults } from '../../shared/ipc-contract';
import type { Platform } from '../../shared/platform';
import { CodedError } from '../../shared/result';
import type { PlatformService } from './platforms';
import { isScenarioId, type SandboxControl } from './sandbox-control';
import type { Timeline } from './timeline';

export class SandboxRequests {
  constructor(
    private readonly control: SandboxControl | undefined,
    private readonly platforms: PlatformService,
    private readonly timeline: Timeline,
  ) {}

  view(): Promise<RequestResults['getSandboxScenarios']> {
    return this.control ? this.control.view() : Promise.resolve(null);
  }

  async arm(id: string, scenario?: string, account?: string): Promise<Platform> {
    const control = this.need();
    this.platforms.get(id);
    if (scenario !== undefined && !isScenarioId(scenario)) throw new CodedError('INVALID_INPUT', `unknown scenario ${scenario}`, { field: 'scenario', reason: 'unknown scenario' });
    if (account !== undefined && !(await control.knowsAccount(account))) throw new CodedError('INVALID_INPUT', 'not a seeded sandbox account', { field: 'account', reason: 'unknown account' });
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
    await this.control.apply(p.sandboxArmed);
    this.timeline.add(p.id, 'sandbox scenario applied', 'info', [p.sandboxArmed.scenario, p.sandboxArmed.account].filter(Boolean).join(', '));
    this.disarm(p.id);
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
