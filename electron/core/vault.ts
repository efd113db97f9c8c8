// Secrets (the cloud Client-Secret, any per-platform credential) live only in the OS keychain,
// behind this interface. keytar is a native N-API module: it is loaded here, in the main process
// (or the browser host's Node), never in a renderer or preload.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface Vault {
  readonly kind: 'keychain' | 'plaintext' | 'memory';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

const VAULT_SERVICE = 'amazon-cloud-connect';

export type VaultStatus =
  { available: true; vault: Vault; plaintextFallback: boolean } | { available: false; detail: string };

interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

class KeytarVault implements Vault {
  readonly kind = 'keychain' as const;
  constructor(
    private readonly keytar: KeytarLike,
    private readonly service = VAULT_SERVICE,
  ) {}
  get(account: string) {
    return this.keytar.getPassword(this.service, account);
  }
  set(account: string, secret: string) {
    return this.keytar.setPassword(this.service, account, secret);
  }
  delete(account: string) {
    return this.keytar.deletePassword(this.service, account);
  }
}

/** For unit tests of single modules only. */
export class MemoryVault implements Vault {
  readonly kind = 'memory' as const;
  private readonly items = new Map<string, string>();
  async get(account: string) {
    return this.items.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.items.set(account, secret);
  }
  async delete(account: string) {
    return this.items.delete(account);
  }
}

/**
 * Plain-text secrets in a 0600 file: ONLY when the user started the app with the explicit flag
 * `--insecure-plaintext-secrets`; the UI then shows a permanent warning.
 */
class PlaintextFileVault implements Vault {
  readonly kind = 'plaintext' as const;
  constructor(private readonly file: string) {}
  private read(): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }
  private write(items: Record<string, string>) {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(this.file, JSON.stringify(items, null, 2), { mode: 0o600 });
    fs.chmodSync(this.file, 0o600);
  }
  async get(account: string) {
    return this.read()[account] ?? null;
  }
  async set(account: string, secret: string) {
    this.write({ ...this.read(), [account]: secret });
  }
  async delete(account: string) {
    const items = this.read();
    const had = account in items;
    delete items[account];
    this.write(items);
    return had;
  }
}

/**
 * Loads keytar and checks that a Secret Service / keychain answers. Without one the app says so
 * (KEYCHAIN_UNAVAILABLE) and never falls back to plain text unless explicitly allowed.
 */
export async function openVault(opts: {
  plaintextFile?: string;
  allowPlaintext?: boolean;
  loadKeytar?: () => Promise<KeytarLike>;
}): Promise<VaultStatus> {
  let detail: string;
  try {
    const keytar = await (opts.loadKeytar ?? loadKeytar)();
    await keytar.getPassword(VAULT_SERVICE, '__probe__');
    return { available: true, vault: new KeytarVault(keytar), plaintextFallback: false };
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
  }
  if (opts.allowPlaintext && opts.plaintextFile) {
    return { available: true, vault: new PlaintextFileVault(opts.plaintextFile), plaintextFallback: true };
  }
  return { available: false, detail };
}

/** keytar is CommonJS with a native addon: `require` it (also inside Electron's asar, where it is unpacked). */
async function loadKeytar(): Promise<KeytarLike> {
  return createRequire(import.meta.url)('keytar') as KeytarLike;
}
