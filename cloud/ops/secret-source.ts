// SIGHUP applies the LWA client secret keys from the configuration file and the process environment,
// but under systemd the environment is fixed when the process starts, and it wins over the file: a
// secret given there can only be changed by a restart. The CLI warns at start when one is (an env file
// written by an earlier version of cloud/README.md put CLOUD_LWA_CLIENT_SECRET there).
import { ENV_KEYS } from '../config';

const RELOADABLE = new Set([
  'amazon.lwaClientSecret',
  'amazon.lwaClientSecretExpiresAt',
  'amazon.lwaNextClientSecret',
  'amazon.lwaNextClientSecretExpiresAt',
]);

/** Names (never values) of the set environment variables that carry a key SIGHUP is meant to change. */
export function reloadableKeysFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(ENV_KEYS)
    .filter(([name, key]) => RELOADABLE.has(key) && env[name] !== undefined && env[name] !== '')
    .map(([name]) => name);
}

export function environmentSecretWarning(env: NodeJS.ProcessEnv): string | undefined {
  const names = reloadableKeysFromEnvironment(env);
  if (names.length === 0) return undefined;
  return `${names.join(', ')} set in the environment: it wins over the configuration file and SIGHUP (systemctl reload) cannot change it; move the LWA client secret keys to the JSON file (cloud/README.md, "Run in production")`;
}
