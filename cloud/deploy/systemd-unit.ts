// What the shipped systemd unit (amazon-cloud@.service) starts: plain node, its flags, and the cloud
// built by `npm run build -- cloud`. Read from the unit itself, so that the bench and the tests that run
// the cloud as a process run it exactly as deployed, and a change to the unit changes what they measure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const UNIT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'amazon-cloud@.service');

/** The built cloud, relative to the unit's WorkingDirectory (the project's root). */
export const DEPLOYED_SCRIPT = 'dist/cloud/cli.mjs';

/**
 * The process environment the unit sets for the runtime (`Environment=` lines, e.g. GLIBC_TUNABLES),
 * without the cloud's own configuration (CLOUD_*), which the bench and the tests set themselves.
 */
export function deployedEnvironment(unitText: string = readFileSync(UNIT, 'utf8')): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [, line] of unitText.matchAll(/^Environment=(.+)$/gm)) {
    // systemd: space-separated assignments, each optionally in double quotes.
    for (const [, quoted, plain] of line!.matchAll(/"([^"]*)"|(\S+)/g)) {
      const assignment = quoted ?? plain!;
      const eq = assignment.indexOf('=');
      if (eq > 0 && !assignment.startsWith('CLOUD_')) env[assignment.slice(0, eq)] = assignment.slice(eq + 1);
    }
  }
  return env;
}

/** The node flags of the unit's ExecStart (`/usr/bin/node <flags…> dist/cloud/cli.mjs <arguments…>`). */
export function deployedNodeFlags(unitText: string = readFileSync(UNIT, 'utf8')): string[] {
  const exec = /^ExecStart=(.+)$/m.exec(unitText)?.[1]?.trim().split(/\s+/);
  if (!exec || !/(^|\/)node$/.test(exec[0]!)) throw new Error('amazon-cloud@.service: ExecStart does not start node');
  const script = exec.indexOf(DEPLOYED_SCRIPT);
  if (script < 0) throw new Error(`amazon-cloud@.service: ExecStart does not run ${DEPLOYED_SCRIPT}`);
  return exec.slice(1, script);
}
