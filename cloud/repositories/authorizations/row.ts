// The authorizations table, one module in this folder per job: the row (here), its life from start to
// end (lifecycle.ts), a seller change (seller-change.ts), the code exchange (exchange.ts) and the feed
// of sign-ins started at Amazon (amazon-started.ts, reads only). Every statement that writes
// `authorizations` is in this folder and nowhere else (cloud/no-sql-outside-repositories.test.ts): each
// status change is one statement whose WHERE clause states the status it starts from, so two racing
// writers cannot both win. Callers pass a Queryable, so a transaction may span several calls.
import type { AuthorizationMode, AuthorizationStatus, CloudErrorCode, SellerDecision } from '../../../shared/cloud-api';

export interface AuthorizationRow {
  id: string;
  tenant_id: string;
  platform_id: string;
  mode: AuthorizationMode;
  status: AuthorizationStatus;
  expires_at: Date;
  state_used_at: Date | null;
  code_hash: string | null;
  error_code: CloudErrorCode | null;
  error_message: string | null;
  selling_partner_id: string | null;
  selling_partner_id_changed: boolean | null;
  store_name: string | null;
  previous_selling_partner_id: string | null;
  previous_store_name: string | null;
  /** Sealed refresh token of the other seller while status is seller_changed and undecided. */
  held_refresh_token_enc: string | null;
  seller_decision: SellerDecision | null;
  seller_decided_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  /** 'amazon' when started at the Login URI (Re-Authorize in Seller Central, Authorize now in the Appstore). */
  origin: 'desktop' | 'amazon';
  /** Set when the Login URI identified the platform by Amazon's selling_partner_id: the redirect must bring it back. */
  expected_selling_partner_id: string | null;
  /** While the code exchange runs (migration 8): the sealed code, the seller, the lease, Amazon's sealed token. */
  exchange_code_enc: string | null;
  exchange_selling_partner_id: string | null;
  exchange_lease_until: Date | null;
  exchanged_refresh_token_enc: string | null;
  /** With a held seller change: SP-API confirmed the held token belongs to selling_partner_id (migration 10). */
  seller_id_proven: boolean;
}

/** Every column of AuthorizationRow (the compiler keeps this complete). */
const COLUMNS: Record<keyof AuthorizationRow, true> = {
  id: true,
  tenant_id: true,
  platform_id: true,
  mode: true,
  status: true,
  expires_at: true,
  state_used_at: true,
  code_hash: true,
  error_code: true,
  error_message: true,
  selling_partner_id: true,
  selling_partner_id_changed: true,
  store_name: true,
  previous_selling_partner_id: true,
  previous_store_name: true,
  held_refresh_token_enc: true,
  seller_decision: true,
  seller_decided_at: true,
  completed_at: true,
  created_at: true,
  origin: true,
  expected_selling_partner_id: true,
  exchange_code_enc: true,
  exchange_selling_partner_id: true,
  exchange_lease_until: true,
  exchanged_refresh_token_enc: true,
  seller_id_proven: true,
};

/**
 * The row's columns spelt out, for prepared statements (db/queryable.ts): a column a newer release adds
 * does not change their result, as `*` would. `alias`: the table's alias in the statement.
 */
export const authorizationColumns = (alias?: string) =>
  Object.keys(COLUMNS)
    .map((c) => (alias ? `${alias}.${c}` : c))
    .join(', ');

/** Every end of an authorization drops what its code exchange kept (the sealed code and token). */
export const CLEAR_EXCHANGE =
  'exchange_code_enc = NULL, exchanged_refresh_token_enc = NULL, exchange_lease_until = NULL';

/** The end states a pending authorization reaches without tokens. */
export type ClosedStatus = Exclude<AuthorizationStatus, 'pending' | 'authenticated' | 'seller_changed'>;
