// Embedded default only: the seeded sandbox accounts and their current one-time codes, so a new user
// can walk the whole flow. Read from the sandbox itself (its start page lists the same), never
// shown for the real Amazon.
import axios from 'axios';
import type { SandboxHint } from '../../shared/ipc-contract';
import { totp } from '../../sandbox/totp';

interface SeedAccount {
  email: string;
  password: string;
  region: string;
  description?: string;
  name?: string;
  totpSecret?: string;
  smsPhone?: string;
}

export async function sandboxHint(origin: string, now = Date.now): Promise<SandboxHint> {
  const res = await axios.get<{ accounts: SeedAccount[] }>(`${origin}/sandbox/api/accounts`, { timeout: 5000, proxy: false });
  const t = now();
  const secondsLeft = 30 - (Math.floor(t / 1000) % 30);
  return {
    origin,
    smsInboxUrl: `${origin}/sandbox/sms`,
    accounts: (res.data.accounts ?? []).map((a) => ({
      label: a.description ?? a.name ?? a.email,
      email: a.email,
      password: a.password,
      region: a.region,
      ...(a.totpSecret ? { totp: { code: totp(a.totpSecret, t), secondsLeft } } : {}),
      ...(a.smsPhone ? { sms: true } : {}),
    })),
  };
}
