// `--env-file`: the systemd unit's EnvironmentFile (/etc/amazon-cloud/cloud.env) read into the process
// environment the way systemd reads it (deploy/env-file.ts: a `#` after a value is part of the value),
// so that `npm run cloud -- tenant … --env-file /etc/amazon-cloud/cloud.env` sees the very values the
// instances see. A malformed line is named by its number, never its text.
import { readFileSync } from 'node:fs';
import { parseEnvironmentFile } from '../deploy/env-file';

export function parseEnvFile(text: string, file = 'the environment file'): Record<string, string> {
  try {
    return parseEnvironmentFile(text);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

/** Reads the file into `env`; variables already set (not empty) there win, as with node's --env-file. */
export function loadEnvFile(file: string, env: NodeJS.ProcessEnv = process.env): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(
      `--env-file: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); run as root or the cloud's user`,
    );
  }
  for (const [key, value] of Object.entries(parseEnvFile(text, file))) if (!env[key]) env[key] = value;
}
