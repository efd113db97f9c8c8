// `npm test`: type check, lint, format check, vitest (unit, integration, fuzz), Playwright — and one
// closing line `N passed, N failed` summing all suites (CI reads that line). Runs itself inside a
// private D-Bus session with an unlocked gnome-keyring, so the keychain tests use a real Secret Service
// and never the user's.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary';
import { reexecInKeyringSession } from './keyring-session';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}

const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

async function check(name: string, cmd: string, args: string[]): Promise<Tally> {
  console.log(`\n=== ${name}`);
  const code = await run(cmd, args);
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

async function vitest(): Promise<Tally> {
  console.log('\n=== vitest');
  const out = path.join(tmp, 'vitest.json');
  fs.rmSync(out, { force: true });
  const code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!fs.existsSync(out)) return { name: 'vitest', passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  // A file that fails to load has no tests but still fails the suite.
  const failed = r.numFailedTests + (r.numFailedTests === 0 && (r.numFailedTestSuites > 0 || code !== 0) ? 1 : 0);
  return { name: 'vitest', passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
}

async function playwright(): Promise<Tally> {
  console.log('\n=== playwright');
  const out = path.join(tmp, 'playwright.json');
  fs.rmSync(out, { force: true });
  const electronBinary = findElectronBinary();
  if (!electronBinary.found)
    console.log(`playwright: the Electron e2e test is skipped — Electron binary absent: ${electronBinary.reason}`);
  // The Electron app needs a display; give it a virtual one when there is none.
  const needsX = findElectronBinary().found && !process.env.DISPLAY && process.platform === 'linux' && has('xvfb-run');
  const [cmd, args] = needsX ? ['xvfb-run', ['-a', bin('playwright'), 'test']] : [bin('playwright'), ['test']];
  const code = await run(cmd, args, { PW_JSON_OUTPUT: out });
  if (!fs.existsSync(out)) return { name: 'playwright', passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  const failed =
    r.stats.unexpected +
    r.stats.flaky +
    ((r.errors?.length ?? 0) > 0 || (code !== 0 && r.stats.unexpected === 0) ? 1 : 0);
  return { name: 'playwright', passed: r.stats.expected, failed, skipped: r.stats.skipped };
}

reexecInKeyringSession(fileURLToPath(import.meta.url), 'test');
fs.mkdirSync(tmp, { recursive: true });
const only = process.argv[2];
const tallies: Tally[] = [];
if (!only || only === 'static') {
  tallies.push(await check('typecheck', bin('tsc'), ['-p', 'tsconfig.json']));
  tallies.push(await check('typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json']));
  tallies.push(await check('lint', bin('eslint'), ['.']));
  // Formatting is checked, not fixed: `npm run format` writes it. A file out of format fails this suite.
  tallies.push(await check('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']));
}
if (!only || only === 'unit') tallies.push(await vitest());
if (!only || only === 'e2e') tallies.push(await playwright());

console.log('\n=== summary');
for (const t of tallies) console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
const sum = (k: 'passed' | 'failed' | 'skipped') => tallies.reduce((n, t) => n + t[k], 0);
console.log(`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(sum('failed') > 0 ? 1 : 0);
