// Exchanges another instance left half done (killed between using the state and storing the tokens):
// every instance looks for exchanges whose lease ran out, at start and then every few seconds, and ends
// each one at once: finished from Amazon's stored token, finished by exchanging the stored code again
// while it can still be valid (5 minutes), or failed with EXCHANGE_INTERRUPTED ("sign in again"). A
// PGlite cloud owns its data directory alone, so at start every exchange it finds is orphaned.
import type { CloudContext } from '../context';
import { CloudError } from '../cloud-error';
import type { AuthorizationRow } from '../repositories/authorizations/row';
import { claimOrphanedExchanges } from '../repositories/authorizations/exchange';
import { codeAad, complete, exchangeAndComplete, EXCHANGE_LEASE_MS, failExchange, leaseFrom } from './code-exchange';

/** Amazon's spapi_oauth_code is valid for five minutes (docs/amazon.md). */
const CODE_VALID_MS = 5 * 60_000;
const BATCH = 20;

type Recovered = 'finished' | 'exchanged_again' | 'failed';

/** Ends one orphaned exchange; its lease is held by the caller. */
async function recoverExchange(ctx: CloudContext, row: AuthorizationRow): Promise<Recovered> {
  const seller = row.exchange_selling_partner_id;
  if (row.exchanged_refresh_token_enc && seller) {
    try {
      await complete(ctx, row, seller, row.exchanged_refresh_token_enc);
      return 'finished';
    } catch (err) {
      await failExchange(ctx, row, err instanceof CloudError ? err : new CloudError('INTERNAL_ERROR'));
      return 'failed';
    }
  }
  const fresh = row.state_used_at !== null && ctx.now() - row.state_used_at.getTime() < CODE_VALID_MS;
  const code = row.exchange_code_enc && seller && fresh ? openCode(ctx, row) : undefined;
  if (code && seller) {
    // Amazon refusing the code now means the interrupted attempt spent it: the tokens it gave are gone.
    const explain = (err: CloudError) => (err.code === 'LWA_INVALID_GRANT' ? interrupted() : err);
    return exchangeAndComplete(ctx, row, code, seller, explain).then(
      () => 'exchanged_again' as const,
      () => 'failed' as const,
    );
  }
  await failExchange(ctx, row, interrupted());
  return 'failed';
}

const interrupted = () => new CloudError('EXCHANGE_INTERRUPTED');

function openCode(ctx: CloudContext, row: AuthorizationRow): string | undefined {
  try {
    return ctx.secretBox.open(row.exchange_code_enc!, codeAad(row.id));
  } catch {
    return undefined;
  }
}

/** Claims and ends orphaned exchanges; `all` claims every one whatever its lease (a PGlite cloud at start). */
async function recoverOrphanedExchanges(
  ctx: CloudContext,
  all = false,
  log?: (entry: object) => void,
): Promise<number> {
  const wall = Date.now();
  let done = 0;
  for (;;) {
    const rows = await claimOrphanedExchanges(ctx.db, {
      leaseBefore: all ? new Date(8.64e15) : new Date(wall),
      leaseUntil: leaseFrom(),
      limit: BATCH,
    });
    for (const row of rows) {
      const outcome = await recoverExchange(ctx, row).catch(() => 'failed' as const);
      log?.({ authorizationId: row.id, outcome });
    }
    done += rows.length;
    if (rows.length < BATCH) return done;
  }
}

/** Runs the recovery at start and every half lease; stop() waits for a run in progress. */
export function startExchangeRecovery(
  ctx: CloudContext,
  exclusive: boolean,
  log: (entry: object) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = recoverOrphanedExchanges(ctx, exclusive, log).catch(() => 0);
  const timer = setInterval(() => {
    running = running.then(() => recoverOrphanedExchanges(ctx, false, log).catch(() => 0));
  }, EXCHANGE_LEASE_MS / 2);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
