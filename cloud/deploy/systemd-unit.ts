// What the shipped systemd unit (amazon-cloud@.service) starts: plain node, its flags, and the cloud
// built by `npm run build -- cloud`. Read from the unit itself, so that the bench and the tests that run
// the cloud as a process run it exactly as deployed, and a change to the unit changes what they measure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const UNIT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'amazon-cloud@.service');

/** The built cloud, relative to the unit's WorkingDirectory (the project's root). */
export const DEPLOYED_SCRIPT = 'dist/cloud/cli.mjs';

/** The node flags of the unit's ExecStart (`/usr/bin/node <flags…> dist/cloud/cli.mjs <arguments…>`). */
export function deployedNodeFlags(unitText: string = readFileSync(UNIT, 'utf8')): string[] {
  const exec = /^ExecStart=(.+)$/m.exec(unitText)?.[1]?.trim().split(/\s+/);
  if (!exec || !/(^|\/)node$/.test(exec[0]!)) throw new Error('amazon-cloud@.service: ExecStart does not start node');
  const script = exec.indexOf(DEPLOYED_SCRIPT);
  if (script < 0) throw new Error(`amazon-cloud@.service: ExecStart does not run ${DEPLOYED_SCRIPT}`);
  return exec.slice(1, script);
}
