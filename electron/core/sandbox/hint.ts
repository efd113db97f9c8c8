// Embedded default only: the seeded sandbox accounts and their current one-time codes, so a new user
// can walk the whole flow. Read from the sandbox's own API over HTTP (its start page lists the same;
// the sandbox computes the codes by its clock), never shown for the real Amazon.
import axios from 'axios';
import { z } from 'zod';
import type { SandboxHint } from '../../../shared/ipc-contract';

const LIMIT = 200;
const text = z.string().max(LIMIT);
const accountsSchema = z.object({
  accounts: z
    .array(
      z.object({
        email: text,
        password: text,
        region: text,
        description: text.optional(),
        name: text.optional(),
        totp: z
          .object({ code: z.string().regex(/^\d{6,8}$/), secondsLeft: z.number().int().min(0).max(30) })
          .optional(),
        smsPhone: text.optional(),
      }),
    )
    .max(LIMIT),
});

export async function sandboxHint(origin: string): Promise<SandboxHint> {
  const res = await axios.get<unknown>(`${origin}/sandbox/api/accounts`, { timeout: 5000, proxy: false });
  const { accounts } = accountsSchema.parse(res.data);
  return {
    origin,
    smsInboxUrl: `${origin}/sandbox/sms`,
    accounts: accounts.map((a) => ({
      label: a.description ?? a.name ?? a.email,
      email: a.email,
      password: a.password,
      region: a.region,
      ...(a.totp ? { totp: a.totp } : {}),
      ...(a.smsPhone ? { sms: true } : {}),
    })),
  };
}
