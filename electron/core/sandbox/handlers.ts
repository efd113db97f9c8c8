// The sandbox's requests, registered only when the app runs against the Amazon sandbox: the test
// cases support staff arm, the seeded accounts' hint, and a merchant's Protokoll set up to happen again.
// Without a sandbox the same requests answer WITHOUT_SANDBOX (nothing to show, or SANDBOX_ONLY).
import { CodedError } from '../../../shared/result';
import type { HandlerModule } from '../handlers';
import type { PlatformService } from '../platforms';
import type { Timeline } from '../timeline';
import { sandboxHint } from './hint';
import { importForReplay } from './replay';
import type { SandboxRequests } from './requests';

type SandboxRequestNames =
  'getSandboxScenarios' | 'armSandboxScenario' | 'resetSandboxScenarios' | 'getSandboxHint' | 'importTimeline';

export function sandboxHandlers(d: {
  origin: string;
  sandbox: SandboxRequests;
  platforms: PlatformService;
  timeline: Timeline;
}): HandlerModule<SandboxRequestNames> {
  return {
    getSandboxScenarios: () => d.sandbox.view(),
    armSandboxScenario: (p) => d.sandbox.arm(p.id, p.scenario, p.account),
    resetSandboxScenarios: () => d.sandbox.reset(),
    getSandboxHint: async () => {
      try {
        return await sandboxHint(d.origin);
      } catch {
        throw new CodedError('SANDBOX_UNREACHABLE', `sandbox at ${d.origin} did not answer`, { url: d.origin });
      }
    },
    importTimeline: (p) => importForReplay(d.platforms, d.timeline, p.text),
  };
}

const sandboxOnly = (what: string) => () => {
  throw new CodedError('SANDBOX_ONLY', `${what} needs the Amazon sandbox`);
};

export const WITHOUT_SANDBOX: HandlerModule<SandboxRequestNames> = {
  getSandboxScenarios: () => null,
  getSandboxHint: () => null,
  armSandboxScenario: sandboxOnly('arming a test case'),
  resetSandboxScenarios: sandboxOnly('resetting the test cases'),
  importTimeline: sandboxOnly('replay'),
};
