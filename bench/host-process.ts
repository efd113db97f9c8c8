// The start-up bench's host process (bench/host-child.ts under tsx, as `npm start` runs the browser
// host): one browser host at a time, launched and closed over IPC.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The host process: one browser host at a time, launched and closed over IPC. */
export class HostProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<HostProcess> {
    const child = fork(path.join(root, 'bench', 'host-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const host = new HostProcess(child);
    await host.next('ready');
    return host;
  }

  async launch(userDataDir: string, rendererDir: string): Promise<string> {
    this.child.send({ type: 'launch', userDataDir, rendererDir });
    return ((await this.next('launched')) as { url: string }).url;
  }

  async close(): Promise<void> {
    this.child.send({ type: 'close' });
    await this.next('closed');
  }

  stop(): void {
    this.child.disconnect();
  }

  private next(type: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const onMessage = (msg: { type: string }) => {
        if (msg.type !== type) return;
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        resolve(msg);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`bench host process exited (${code}) while waiting for "${type}"`));
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
    });
  }
}
