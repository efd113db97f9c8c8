// The environment file of the systemd unit (EnvironmentFile=/etc/amazon-cloud/cloud.env), read the way
// systemd reads it, so that `npm run cloud -- tenant … --env-file /etc/amazon-cloud/cloud.env` sees the
// very values the instances see: `KEY=value` lines, blank lines and lines starting with `#` or `;`
// ignored, a value in single or double quotes unquoted (backslash escapes in double quotes), otherwise
// the value as written up to the line's end (trailing white space dropped) — a ` # …` after a value is
// part of the value for systemd, and so it is here. A malformed line is named by its number, never its text.
import { readFileSync } from 'node:fs';

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseEnvFile(text: string, file = 'the environment file'): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!KEY.test(key)) throw new Error(`${file}, line ${i + 1}: expected KEY=value`);
    let value = line.slice(eq + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\(["\\$`])/g, '$1');
    }
    out[key] = value;
  });
  return out;
}

/** Reads the file into `env`; variables already set (not empty) there win, as with node's --env-file. */
export function loadEnvFile(file: string, env: NodeJS.ProcessEnv = process.env): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`--env-file: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); run as root or the cloud's user`);
  }
  for (const [key, value] of Object.entries(parseEnvFile(text, file))) if (!env[key]) env[key] = value;
}
