// Exchanges a killed instance left half done, seen by an instance that keeps running (the other one of
// two, issue 23 item 4): the running cloud's recovery finds them once their lease has run out and ends
// each one at once. The rows are put in the state a kill leaves behind (tests may write SQL); the kill of
// a real process is in exchange-crash.test.ts.
import { describe, expect, it } from 'vitest';
import { stackWithTenant } from './testing/stack-suite';
import { createSecretBox } from './crypto/secret-box';

const SELLER = 'A1EXAMPLESELLER';
const t = stackWithTenant('Erholung GmbH');

/** A pending authorization whose state was used by an instance that died; `set` is what it had stored. */
async function orphaned(
  name: string,
  set: (platformId: string, authorizationId: string) => { sql: string; params: unknown[] },
) {
  const platform = (await t.client.createPlatform(name)).body as { id: string };
  const auth = (await t.client.startAuthorization(platform.id)).body as { id: string };
  const { sql, params } = set(platform.id, auth.id);
  await t.stack.cloud.db.query(
    `UPDATE authorizations SET state_used_at = now(), code_hash = 'x', exchange_selling_partner_id = $2, exchange_lease_until = now() - interval '1 minute', ${sql} WHERE id = $1`,
    [auth.id, SELLER, ...params],
  );
  return { platformId: platform.id, authorizationId: auth.id };
}

const waitForEnd = async (id: string) =>
  (await t.client.raw('GET', `/v1/authorizations/${id}?wait=25`)).body as {
    status: string;
    sellingPartnerId?: string;
    error?: { code: string };
  };

describe('exchange recovery on a running instance', () => {
  it('finishes an exchange whose instance died after LWA answered: Amazon’s token is kept', async () => {
    const box = createSecretBox(t.stack.config.encryptionKey);
    let sealed = '';
    const { platformId, authorizationId } = await orphaned('Amazon Token gerettet', (pid) => {
      sealed = box.seal('Atzr|gerettet', pid);
      return { sql: 'exchanged_refresh_token_enc = $3', params: [sealed] };
    });
    expect(await waitForEnd(authorizationId)).toMatchObject({ status: 'authenticated', sellingPartnerId: SELLER });
    const { rows } = await t.stack.cloud.db.query<{ refresh_token_enc: string }>(
      'SELECT refresh_token_enc FROM platforms WHERE id = $1',
      [platformId],
    );
    expect(box.open(rows[0]!.refresh_token_enc, platformId)).toBe('Atzr|gerettet');
    const left = await t.stack.cloud.db.query(
      'SELECT 1 FROM authorizations WHERE id = $1 AND (exchanged_refresh_token_enc IS NOT NULL OR exchange_code_enc IS NOT NULL)',
      [authorizationId],
    );
    expect(left.rows).toEqual([]);
  });

  it('fails an exchange with nothing left to finish it with EXCHANGE_INTERRUPTED', async () => {
    const { authorizationId } = await orphaned('Amazon Nichts gerettet', () => ({
      sql: 'exchange_code_enc = NULL',
      params: [],
    }));
    expect(await waitForEnd(authorizationId)).toMatchObject({
      status: 'failed',
      error: { code: 'EXCHANGE_INTERRUPTED' },
    });
  });

  it('leaves an exchange alone while its lease runs', async () => {
    const platform = (await t.client.createPlatform('Amazon Laufend')).body as { id: string };
    const auth = (await t.client.startAuthorization(platform.id)).body as { id: string };
    await t.stack.cloud.db.query(
      "UPDATE authorizations SET state_used_at = now(), exchange_lease_until = now() + interval '1 hour' WHERE id = $1",
      [auth.id],
    );
    // Another orphan ends meanwhile, so the recovery has run at least once since.
    const { authorizationId } = await orphaned('Amazon Nachzügler', () => ({
      sql: 'exchange_code_enc = NULL',
      params: [],
    }));
    expect((await waitForEnd(authorizationId)).status).toBe('failed');
    expect((await t.client.raw('GET', `/v1/authorizations/${auth.id}`)).body.status).toBe('pending');
  });
});
