// The status long-poll's shared read of Amazon requests: the windows woken by one change share one
// query, and nothing is kept once it is answered (a later read sees later rows).
import { describe, expect, it } from 'vitest';
import type { CloudContext } from '../context';
import { sharedAmazonRequests } from './status-long-poll';

function countingContext() {
  const queries: string[] = [];
  let rows = [{ api: 'lwa', operation: 'token', http_status: 200, request_id: 'r1', outcome: 'ok', at: new Date(0) }];
  const db = {
    query: async (sql: string) => {
      queries.push(sql);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { rows, affectedRows: rows.length };
    },
  };
  return { ctx: { db } as unknown as CloudContext, queries, setRows: (r: typeof rows) => (rows = r) };
}

describe('shared Amazon-request reads of the status long-poll', () => {
  it('one query for the requests woken together, a new one afterwards, none shared between clouds', async () => {
    const a = countingContext();
    const b = countingContext();
    const together = await Promise.all([sharedAmazonRequests(a.ctx, 'auth_1'), sharedAmazonRequests(a.ctx, 'auth_1'), sharedAmazonRequests(a.ctx, 'auth_1')]);
    expect(a.queries).toHaveLength(1);
    expect(together[0]).toHaveLength(1);
    expect(together[1]).toBe(together[0]);
    await sharedAmazonRequests(a.ctx, 'auth_2');
    expect(a.queries).toHaveLength(2);
    a.setRows([]);
    expect(await sharedAmazonRequests(a.ctx, 'auth_1')).toHaveLength(0);
    expect(a.queries).toHaveLength(3);
    await sharedAmazonRequests(b.ctx, 'auth_1');
    expect(b.queries).toHaveLength(1);
  });
});
