// Identifiers and secrets in the shapes Amazon uses, so clients that check prefixes or lengths behave
// as they would against the real service.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function letters(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += LETTERS[randomInt(LETTERS.length)];
  return out;
}

/** spapi_oauth_code, e.g. "RHgdIRpWnNZmkwYVGvCp". */
export const newOAuthCode = (): string => letters(20);
export const newMwsAuthToken = (): string => `amzn.mws.${randomUUID()}`;
export const newAccessToken = (): string => `Atza|${randomBytes(180).toString('base64url')}`;
export const newRefreshToken = (): string => `Atzr|${randomBytes(180).toString('base64url')}`;
export const newRequestId = (): string => randomUUID();
/** Six digits for the SMS one-time password. */
export const newSmsCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
