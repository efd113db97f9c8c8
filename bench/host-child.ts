// The browser host for the start-up bench in its own process, as `npm start` runs it: apart from the
// bench's own work (Playwright's client, and a heap left large by the capacity runs), which otherwise
// shares the host's event loop and garbage collector. One host at a time, started and stopped on
// request over IPC: {type:'launch', userDataDir, rendererDir} → {type:'launched', url};
// {type:'close'} → {type:'closed'}.
import { runBrowserHost } from '../electron/browser-host/main';
import { MemoryVault } from '../electron/core/vault';

type Request = { type: 'launch'; userDataDir: string; rendererDir: string } | { type: 'close' };

let running: Awaited<ReturnType<typeof runBrowserHost>> | undefined;

process.on('message', (msg: Request) => {
  void (async () => {
    if (msg.type === 'launch') {
      running = await runBrowserHost({
        userDataDir: msg.userDataDir,
        rendererDir: msg.rendererDir,
        openExternal: async () => undefined,
        env: {},
        vault: { available: true, vault: new MemoryVault(), plaintextFallback: false },
      });
      process.send!({ type: 'launched', url: running.host.url });
    } else {
      await running?.host.close();
      await running?.core.dispose();
      running = undefined;
      process.send!({ type: 'closed' });
    }
  })();
});
process.on('disconnect', () => process.exit(0));
process.send!({ type: 'ready' });
