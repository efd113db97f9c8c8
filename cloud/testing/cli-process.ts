// The cloud's command line as a real child process (node with tsx's loader), for tests that need two processes on one
// data directory: `startCliCloud` waits for the "cloud listening on URL" line; `runCli` runs one
// command to its end and returns its exit code and output.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScript, type ScriptRun } from '../../shared/testing/run-script';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'cloud/cli.ts');
/** Node itself with tsx's loader: one process, so a signal (SIGKILL too) reaches the cloud, not a wrapper. */
const nodeArgs = ['--import', 'tsx', cli];

export interface CliCloud {
  url: string;
  child: ChildProcess;
  /** Everything the child wrote so far (stdout and stderr). */
  output(): string;
  /** Sends the signal and resolves with the exit code once the child is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startCliCloud(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliCloud> {
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /cloud listening on (\S+)/.exec(out);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (c: Buffer) => void (out += c.toString()));
        resolve({
          url: match[1]!,
          child,
          output: () => out,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => void (out += c.toString()));
    void exited.then((code) => reject(new Error(`cloud exited with ${code} before listening:\n${out}`)));
  });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ScriptRun> {
  return runScript('cloud/cli.ts', args, env);
}

/** key=value lines as printed by `tenant create` and `tenant rotate-secret`. */
export function parseKeyValues(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').map((l) => /^(\w+)=(.*)$/.exec(l.trim())).filter((m) => m !== null).map((m) => [m[1]!, m[2]!]));
}
