// Which Seller Central error page the sandbox showed for which sign-in: support tooling and the desktop
// (sandbox mode only) read it back to name the account's real region ("Ihr Konto gehört zu
// Nordamerika → Region US"). A sign-in is identified by a hash of its `state` parameter, never the state.
import { createHash } from 'node:crypto';
import type { Region } from '../shared/amazon-regions';
import type { SellerCentralErrorKey } from '../shared/seller-central-errors';

export interface PageErrorRecord {
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

/** The tag both sides compute from a consent URL's `state`. */
export function stateTag(state: string): string {
  return createHash('sha256').update(state).digest('hex').slice(0, 32);
}

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
