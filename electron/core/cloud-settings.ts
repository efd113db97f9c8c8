// The tenant's cloud access (the ERP's credentials record of type "Cloud"): URL and Client-ID in
// the profile store, the Client-Secret only in the vault (OS keychain).
import type { CloudSettingsView } from '../../shared/ipc-contract';
import { CodedError } from '../../shared/result';
import type { CloudCredentials } from './cloud-client';
import type { KeyValueStore } from './profile-store';
import type { Vault } from './vault';
import { bestEffort } from '../../shared/best-effort';

/** The form URLs are saved and compared in: trimmed, without trailing slashes. */
const normaliseUrl = (url: string) => url.trim().replace(/\/+$/, '');

const secretAccount = (clientId: string) => `cloud-client-secret:${clientId}`;

export class CloudSettings {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly vault: Vault | undefined,
  ) {}

  private stored(): { url: string; clientId: string } | undefined {
    const raw = this.kv.get('cloud') as { url?: unknown; clientId?: unknown } | undefined;
    return raw && typeof raw.url === 'string' && typeof raw.clientId === 'string'
      ? { url: raw.url, clientId: raw.clientId }
      : undefined;
  }

  /**
   * The saved secret, or null when none is saved. A keychain that fails (locked, its service gone) is
   * KEYCHAIN_UNAVAILABLE, never "no secret": that would send the user to re-enter credentials that exist.
   */
  private async readSecret(vault: Vault, clientId: string): Promise<string | null> {
    try {
      return await vault.get(secretAccount(clientId));
    } catch (error) {
      throw new CodedError(
        'KEYCHAIN_UNAVAILABLE',
        `the keychain failed to read the Client-Secret: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async view(): Promise<CloudSettingsView> {
    const s = this.stored();
    if (!s) return { url: '', clientId: '', hasSecret: false };
    const secret = this.vault ? await this.readSecret(this.vault, s.clientId) : null;
    return { url: s.url, clientId: s.clientId, hasSecret: Boolean(secret) };
  }

  /**
   * SPEICHERN. Another URL or Client-ID without a typed secret is refused (CLOUD_SECRET_REQUIRED), the
   * same rule as TESTEN: keeping the saved secret would send it to the new address on the next call.
   */
  async save(url: string, clientId: string, clientSecret?: string): Promise<CloudSettingsView> {
    const saved = this.stored();
    if (
      clientSecret === undefined &&
      saved &&
      (normaliseUrl(url) !== normaliseUrl(saved.url) || clientId !== saved.clientId)
    ) {
      throw new CodedError(
        'CLOUD_SECRET_REQUIRED',
        'the saved Client-Secret is only sent to the saved cloud URL and Client-ID; type the secret to save other values',
      );
    }
    if (clientSecret !== undefined) {
      if (!this.vault) throw new CodedError('KEYCHAIN_UNAVAILABLE', 'no keychain to keep the Client-Secret');
      await this.vault.set(secretAccount(clientId), clientSecret);
    }
    const previous = this.stored();
    this.kv.set('cloud', { url: normaliseUrl(url), clientId });
    // A secret stored for a Client-ID that is no longer used should not linger in the keychain.
    if (previous && previous.clientId !== clientId && this.vault)
      await bestEffort('removing the old Client-Secret', this.vault.delete(secretAccount(previous.clientId)));
    return this.view();
  }

  /** The full credentials for a cloud call; a clear error when anything is missing. */
  async credentials(): Promise<CloudCredentials> {
    const s = this.stored();
    if (!s) throw new CodedError('CLOUD_NOT_CONFIGURED', 'no cloud URL/Client-ID saved');
    if (!this.vault) throw new CodedError('KEYCHAIN_UNAVAILABLE', 'no keychain to read the Client-Secret from');
    const secret = await this.readSecret(this.vault, s.clientId);
    if (!secret) throw new CodedError('CLOUD_NOT_CONFIGURED', 'no Client-Secret in the keychain');
    return { url: s.url, clientId: s.clientId, clientSecret: secret };
  }

  /**
   * Completes partial dialog values with the saved ones (TESTEN before SPEICHERN). The saved secret
   * is used only for the saved URL and Client-ID: it must never be sent to an address the request
   * names (any page that reaches the core could otherwise collect it); another URL or Client-ID needs
   * the secret typed in.
   */
  async merged(partial: {
    url?: string | undefined;
    clientId?: string | undefined;
    clientSecret?: string | undefined;
  }): Promise<CloudCredentials> {
    const s = this.stored();
    const url = normaliseUrl(partial.url ?? s?.url ?? '');
    const clientId = partial.clientId ?? s?.clientId;
    if (!url || !clientId) throw new CodedError('CLOUD_NOT_CONFIGURED', 'cloud URL or Client-ID missing');
    if (partial.clientSecret !== undefined) return { url, clientId, clientSecret: partial.clientSecret };
    if (!s || url !== normaliseUrl(s.url) || clientId !== s.clientId) {
      throw new CodedError(
        'CLOUD_SECRET_REQUIRED',
        'the saved Client-Secret is only sent to the saved cloud URL and Client-ID; type the secret to test other values',
      );
    }
    if (!this.vault) throw new CodedError('KEYCHAIN_UNAVAILABLE', 'no keychain to read the Client-Secret from');
    const secret = await this.readSecret(this.vault, clientId);
    if (!secret) throw new CodedError('CLOUD_NOT_CONFIGURED', 'no Client-Secret given or saved');
    return { url, clientId, clientSecret: secret };
  }

  /** Embedded default: adopt the development tenant's credentials when none are configured yet. */
  async adoptIfUnset(creds: CloudCredentials): Promise<boolean> {
    if (!this.vault) return false;
    const s = this.stored();
    if (s && (await this.vault.get(secretAccount(s.clientId)))) {
      // Same tenant, new port of the embedded cloud: follow it.
      if (s.clientId === creds.clientId && s.url !== creds.url)
        this.kv.set('cloud', { url: creds.url, clientId: s.clientId });
      return false;
    }
    await this.save(creds.url, creds.clientId, creds.clientSecret);
    return true;
  }
}
