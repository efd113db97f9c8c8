// Profiles (non-secret) in a JSON store: electron-store in the Electron host, `conf` in the browser
// host (electron-store is built on conf, so both take the same options and schema).
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { platformSchema, type Platform } from '../../shared/platform';

type StoreKey =
  | 'platforms'
  | 'cloud'
  | 'pendingCloudDeletions'
  | 'timelines'
  | 'amazonStartedFeed'
  | 'renewalNotifiedDay'
  | 'uiLanguage';

/** The part of conf/electron-store the core uses. */
export interface KeyValueStore {
  get(key: StoreKey): unknown;
  set(key: StoreKey, value: unknown): void;
  readonly path: string;
}

/** JSON schema conf/electron-store check on every read and write (the same in both hosts). */
export const STORE_SCHEMA = {
  platforms: { type: 'array', items: { type: 'object' }, default: [] },
  cloud: {
    type: 'object',
    properties: { url: { type: 'string' }, clientId: { type: 'string' } },
    additionalProperties: false,
  },
  pendingCloudDeletions: { type: 'array', items: { type: 'object' }, default: [] },
  timelines: { type: 'object', default: {} },
  /** Cursor of the cloud's feed of sign-ins started in Seller Central / the Appstore (amazon-started.ts). */
  amazonStartedFeed: {
    type: 'object',
    properties: { key: { type: 'string' }, cursor: { type: 'string' } },
    additionalProperties: false,
  },
  /** Platform id → the local day (YYYY-MM-DD) its renewal reminder was last shown (electron/core/renewal.ts). */
  renewalNotifiedDay: { type: 'object', additionalProperties: { type: 'string' }, default: {} },
  /** The UI's language for the core's notifications (ui-language.ts; anything but de/en reads as de). */
  uiLanguage: { type: 'string', maxLength: 8 },
} as const;

/**
 * The store holds the cloud URL, the platforms and, while a sign-in waits, the cloud's state JWT:
 * readable by the user only. conf/electron-store take this as `configFileMode` (the mode every
 * atomic write gives the file).
 */
export const STORE_FILE_MODE = 0o600;
const STORE_DIR_MODE = 0o700;

/** Creates the store's folder 0700 and tightens a folder or file an earlier version left readable. */
function protectStoreLocation(filePath: string): void {
  const dir = path.dirname(filePath);
  fs.mkdirSync(dir, { recursive: true, mode: STORE_DIR_MODE });
  if (process.platform === 'win32') return; // Windows: the profile folder's ACL protects it.
  fs.chmodSync(dir, STORE_DIR_MODE);
  if (fs.existsSync(filePath)) fs.chmodSync(filePath, STORE_FILE_MODE);
}

export interface StoreOpenResult {
  store: KeyValueStore;
  /** Set when the file on disk could not be read: it was moved aside, never silently replaced. */
  warning?: { code: 'STORE_CORRUPT'; backupPath: string; detail: string };
}

/**
 * Opens a store; if the file is not valid JSON or fails the schema, the bad file is renamed to
 * `<name>.corrupt-<time>.json` (kept for support) and a fresh store is opened.
 */
export function openStoreSafely(open: () => KeyValueStore, filePath: string, now = () => Date.now()): StoreOpenResult {
  protectStoreLocation(filePath);
  try {
    return { store: open() };
  } catch (error) {
    if (!fs.existsSync(filePath)) throw error;
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const backupPath = filePath.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
    fs.renameSync(filePath, backupPath);
    return {
      store: open(),
      warning: { code: 'STORE_CORRUPT', backupPath, detail: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** conf-based store for the browser host and tests. */
export function openConfStore(dir: string): StoreOpenResult {
  const filePath = path.join(dir, 'config.json');
  return openStoreSafely(
    () =>
      new Conf<Record<StoreKey, unknown>>({
        projectName: 'amazon-cloud-connect',
        cwd: dir,
        schema: STORE_SCHEMA as never,
        configFileMode: STORE_FILE_MODE,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
      }) as unknown as KeyValueStore,
    filePath,
  );
}

/**
 * The store the core writes through: normally straight to the file; inside `hold` the writes are kept
 * (reads see them) and written together, in one file write, when `hold` returns.
 */
class HoldingStore implements KeyValueStore {
  private held: Map<StoreKey, unknown> | undefined;

  constructor(private readonly kv: KeyValueStore) {}

  get path() {
    return this.kv.path;
  }

  get(key: StoreKey): unknown {
    return this.held?.has(key) ? this.held.get(key) : this.kv.get(key);
  }

  set(key: StoreKey, value: unknown): void {
    if (this.held) this.held.set(key, value);
    else this.kv.set(key, value);
  }

  hold<T>(fn: () => T): T {
    if (this.held) return fn();
    const held = (this.held = new Map());
    try {
      return fn();
    } finally {
      this.held = undefined;
      // conf and electron-store write several keys with one file write; another store key by key.
      if (held.size > 1 && this.kv instanceof Conf)
        (this.kv as unknown as { set(values: Record<string, unknown>): void }).set(Object.fromEntries(held));
      else for (const [key, value] of held) this.kv.set(key, value);
    }
  }
}

/** Typed access to the profiles; entries that fail validation are reported, not dropped on write. */
export class ProfileStore {
  private rejected: unknown[] = [];
  private readonly kv: HoldingStore;

  constructor(kv: KeyValueStore) {
    this.kv = new HoldingStore(kv);
  }

  /**
   * Runs `fn` with every write to the store held, and writes them all with one file write when it
   * returns — after what `fn` emitted. For a change that may be lost in a crash without losing anything:
   * a sign-in's outcome, which the cloud answers again after a restart (the waiting state resumes).
   */
  holdWrites<T>(fn: () => T): T {
    return this.kv.hold(fn);
  }

  get filePath() {
    return this.kv.path;
  }

  /** The raw store, for the other non-secret records (cloud settings, queued deletions, timelines). */
  get raw(): KeyValueStore {
    return this.kv;
  }

  list(): Platform[] {
    const raw = this.kv.get('platforms');
    const items = Array.isArray(raw) ? raw : [];
    const good: Platform[] = [];
    this.rejected = [];
    for (const item of items) {
      const parsed = platformSchema.safeParse(item);
      if (parsed.success) good.push(parsed.data);
      else this.rejected.push(item);
    }
    return good;
  }

  get(id: string): Platform | undefined {
    return this.list().find((p) => p.id === id);
  }

  /** How many entries on disk this version cannot read (kept as they are, reported to the user). */
  unreadableCount(): number {
    this.list();
    return this.rejected.length;
  }

  /** Writes the whole list back, keeping any entries this version could not read. */
  save(platforms: Platform[]): void {
    for (const p of platforms) platformSchema.parse(p);
    this.kv.set('platforms', [...platforms, ...this.rejected]);
  }

  update(id: string, change: (p: Platform) => Platform): Platform | undefined {
    const all = this.list();
    const index = all.findIndex((p) => p.id === id);
    if (index < 0) return undefined;
    const next = change(all[index]!);
    all[index] = next;
    this.save(all);
    return next;
  }
}
