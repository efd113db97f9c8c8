// The data directory's lock in one process: a second open is refused naming the owner, a dead
// owner's lock is taken over, and release removes only the lock this process holds.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, lockOwner, readLock } from './data-dir-lock';
import { openDatabase } from './database';
import { tempDirs } from '../../shared/testing/temp-dir';

const tempDir = tempDirs('acc-lock-');

/** A pid above the kernel's maximum (4194304) belongs to no process. */
const DEAD_PID = 2 ** 22 + 4321;

describe('data directory lock', () => {
  it('refuses a second holder with the owner’s pid and URL, and frees the directory on release', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    lock.announce('http://127.0.0.1:4200');
    expect(fs.statSync(lock.file).mode & 0o777).toBe(0o600);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(`(pid ${process.pid}, listening on http://127.0.0.1:4200)`);
    expect(lockOwner(dir)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:4200' });
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock whose process is dead', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: DEAD_PID, startedAt: '2026-01-01T00:00:00Z' }));
    expect(lockOwner(dir)).toBeUndefined();
    const lock = acquireDataDirLock(dir);
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('release never deletes a successor’s lock', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    fs.writeFileSync(lock.file, JSON.stringify({ pid: 1, startedAt: 'x' }));
    lock.release();
    expect(readLock(dir)?.pid).toBe(1);
  });

  it('openDatabase holds the lock until close, also for a second open in the same process', async () => {
    const dir = tempDir();
    const db = await openDatabase(dir);
    await expect(openDatabase(dir)).rejects.toThrow(DataDirLockedError);
    await db.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);
});
