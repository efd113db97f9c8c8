// Which Seller Central error page the sandbox showed for which sign-in: support tooling and the desktop
// (sandbox mode only) read it back to name the account's real region ("Ihr Konto gehört zu
// Nordamerika → Region US"). A sign-in is identified by a hash of its `state` parameter, never the state.
import type { Region } from '../shared/amazon-regions';
import type { SellerCentralErrorKey } from '../shared/seller-central-errors';

interface PageErrorRecord {
  at: string;
  key: SellerCentralErrorKey;
  amazonCode?: string;
  email?: string;
  /** The region the signed-in account belongs to. */
  accountRegion?: Region;
  /** The region of the Seller Central host the page was shown on. */
  hostRegion?: Region;
  stateTag?: string;
}

const MAX_RECORDS = 200;

export { stateTag } from '../shared/state-tag';

/** The `state` parameter of a raw query string, tolerant of malformed queries (MD9999 pages). */
export function stateOfQuery(rawQuery: string): string | undefined {
  try {
    return new URLSearchParams(rawQuery.split('?')[0]).get('state') ?? undefined;
  } catch {
    return undefined;
  }
}

export class PageErrorLog {
  private records: PageErrorRecord[] = [];

  add(record: PageErrorRecord): void {
    this.records = [record, ...this.records].slice(0, MAX_RECORDS);
  }

  /** Newest first. */
  list(tag?: string): PageErrorRecord[] {
    return this.records.filter((r) => !tag || r.stateTag === tag).map((r) => ({ ...r }));
  }

  clear(): void {
    this.records = [];
  }
}
