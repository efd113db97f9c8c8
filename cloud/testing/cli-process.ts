// The cloud's command line as a real child process, for tests that need two processes on one data
// directory or a server in front: `startCliCloud` runs it as the systemd unit does (the cloud built by
// `npm run build -- cloud`, plain node with the unit's flags) and waits for the "cloud listening on
// URL" line; `runCli` runs one command (under tsx) to its end and returns its exit code and output.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScript, type ScriptRun } from '../../shared/testing/run-script';
import { buildCloud } from '../../scripts/build';
import { deployedEnvironment, deployedNodeFlags } from '../deploy/systemd-unit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let built: Promise<string> | undefined;
/** Built once per test process, inside the project (where node finds node_modules), not in dist/; removed at exit. */
const deployedCli = () => {
  if (!built) {
    const dir = path.join(root, '.tmp', 'cloud-cli', String(process.pid));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    built = buildCloud(path.join(dir, 'cli.mjs'));
  }
  return built;
};

export interface CliCloud {
  url: string;
  child: ChildProcess;
  /** Everything the child wrote so far (stdout and stderr). */
  output(): string;
  /** Sends the signal and resolves with the exit code once the child is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startCliCloud(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliCloud> {
  // Node itself, no wrapper: a signal (SIGKILL too) reaches the cloud.
  const child = spawn(process.execPath, [...deployedNodeFlags(), await deployedCli(), ...args], {
    cwd: root,
    env: { ...process.env, ...deployedEnvironment(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  return Object.fromEntries(
    text
      .split('\n')
      .map((l) => /^(\w+)=(.*)$/.exec(l.trim()))
      .filter((m) => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}
