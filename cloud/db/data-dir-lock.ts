// One process per embedded data directory. PGlite has no postmaster that refuses a second opener: two
// processes on one directory each keep their own copy of the pages and overwrite each other's writes
// (a tenant created by `tenant create` next to a running cloud vanished). So the directory carries a
// lock file created atomically (O_EXCL) holding the owner's pid; a lock whose pid is dead is stale and
// taken over. The running cloud also records its URL there so admin commands can reach it instead.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'cloud.lock';

interface LockInfo {
  pid: number;
  startedAt: string;
  /** Set by a listening cloud: where its admin API answers. */
  url?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `The data directory ${dataDir} is in use by another cloud process (pid ${owner.pid}${owner.url ? `, listening on ${owner.url}` : ''}). ` +
        'Only one process may open an embedded database; stop that process or use the admin commands, which talk to it. ' +
        `If no such process runs, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Adds the listening URL to the lock file (read by admin commands). */
  announce(url: string): void;
  release(): void;
}

/** Alive = signal 0 can be delivered, or it exists but belongs to another user (EPERM). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) && info.pid > 0 ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The live owner of the directory, if any (a stale lock counts as none). */
export function lockOwner(dataDir: string): LockInfo | undefined {
  const info = readLock(dataDir);
  return info && processAlive(info.pid) ? info : undefined;
}

/** Takes the directory's lock or throws DataDirLockedError naming the owner's pid. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readLock(dataDir);
    // Our own pid: another open in this very process, which would corrupt the data just the same.
    if (owner && (owner.pid === process.pid || processAlive(owner.pid))) throw new DataDirLockedError(dataDir, owner);
    if (!owner && attempt === 0) {
      // Created but not written yet by a process starting this instant: look once more.
      sleepSync(50);
      continue;
    }
    if (attempt > 3) throw new Error(`Could not take the lock ${file}: it keeps changing; is another cloud starting?`);
    breakStaleLock(file, owner);
  }
  let held = true;
  const releaseOnExit = () => release();
  function release() {
    if (!held) return;
    held = false;
    process.off('exit', releaseOnExit);
    // Only our own lock: never delete a successor's.
    if (readLock(dataDir)?.pid === process.pid) fs.rmSync(file, { force: true });
  }
  process.on('exit', releaseOnExit);
  return {
    file,
    announce(url) {
      info = { ...info, url };
      if (held) fs.writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
    },
    release,
  };
}

/**
 * Removes a dead owner's lock. Renaming it aside first is atomic: if two starters race, only one
 * rename finds the file; and if what it moved is not the stale lock it read (a successor's fresh
 * one), it is put back.
 */
function breakStaleLock(file: string, stale: LockInfo | undefined): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // Someone else moved it; try to create again.
  }
  let moved: LockInfo | undefined;
  try {
    moved = JSON.parse(fs.readFileSync(aside, 'utf8')) as LockInfo;
  } catch {
    moved = undefined;
  }
  if (moved && stale && moved.pid !== stale.pid && processAlive(moved.pid)) {
    // A live successor's lock: restore it (link fails if yet another one exists meanwhile; then both stay valid owners' files).
    try {
      fs.linkSync(aside, file);
    } catch {
      // leave it
    }
  }
  fs.rmSync(aside, { force: true });
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
