// Re-runs the calling script inside a private D-Bus session with an unlocked gnome-keyring, so that
// the real keychain code (keytar, Secret Service) runs against a throw-away keyring and never the
// user's. Used by `npm test` and `npm run chaos` (desktop cores keep their Client-Secret there).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Returns when already inside such a session (or none can be made); otherwise runs `script` in one and exits with its code. */
export function reexecInKeyringSession(script: string, name: string): never | void {
  if (process.env.ACC_KEYRING_SESSION || process.platform !== 'linux' || process.env.ACC_NO_KEYRING_SESSION) return;
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    console.warn(
      `${name}: dbus-run-session/gnome-keyring-daemon missing; keychain tests will report the keychain as unavailable`,
    );
    return;
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-test-home-'));
  fs.mkdirSync(path.join(home, '.local/share/keyrings'), { recursive: true });
  const inner = `printf 'pw\\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "${process.execPath}" --import tsx "${script}" "$@"`;
  const child = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, name, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, HOME: home, ACC_KEYRING_SESSION: '1', XDG_DATA_HOME: path.join(home, '.local/share') },
  });
  fs.rmSync(home, { recursive: true, force: true });
  process.exit(child.status ?? 1);
}
