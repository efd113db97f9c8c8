// The rules for Cloud-Zugangsdaten (cloud URL, Client-ID, Client-Secret), shared by the dialog (field-
// level German messages before anything is sent) and the core's request schemas (the same codes as the
// reason of INVALID_INPUT). Each problem is a stable error code with a text in both languages.
import { z } from 'zod';
import type { ErrorCode } from './error-codes';

export const CLOUD_URL_MAX = 300;
export const CLIENT_ID_MAX = 200;
export const CLIENT_SECRET_MAX = 500;

export type CloudSettingsField = 'url' | 'clientId' | 'clientSecret';
export type CloudSettingsProblems = Partial<Record<CloudSettingsField, ErrorCode>>;

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

function cloudUrlProblem(raw: string): ErrorCode | undefined {
  const s = raw.trim();
  if (!s) return 'CLOUD_URL_REQUIRED';
  if (s.length > CLOUD_URL_MAX) return 'CLOUD_URL_TOO_LONG';
  try {
    const u = new URL(s);
    const allowed = u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.includes(u.hostname));
    return allowed && !u.username && !u.password ? undefined : 'CLOUD_URL_INVALID';
  } catch {
    return 'CLOUD_URL_INVALID';
  }
}

function clientIdProblem(raw: string): ErrorCode | undefined {
  const s = raw.trim();
  if (!s) return 'CLIENT_ID_REQUIRED';
  if (s.length > CLIENT_ID_MAX) return 'CLIENT_ID_TOO_LONG';
  // Client-IDs are printable ASCII without spaces; anything else is a copy-and-paste accident.
  if (!/^[\x21-\x7e]+$/.test(s)) return 'CLIENT_ID_INVALID';
  return undefined;
}

function clientSecretProblem(raw: string, hasStoredSecret: boolean): ErrorCode | undefined {
  if (!raw) return hasStoredSecret ? undefined : 'CLIENT_SECRET_REQUIRED';
  if (raw.length > CLIENT_SECRET_MAX) return 'CLIENT_SECRET_TOO_LONG';
  return undefined;
}

export function cloudSettingsProblems(
  v: { url: string; clientId: string; clientSecret: string },
  hasStoredSecret: boolean,
): CloudSettingsProblems {
  const out: CloudSettingsProblems = {};
  const url = cloudUrlProblem(v.url);
  const clientId = clientIdProblem(v.clientId);
  const clientSecret = clientSecretProblem(v.clientSecret, hasStoredSecret);
  if (url) out.url = url;
  if (clientId) out.clientId = clientId;
  if (clientSecret) out.clientSecret = clientSecret;
  return out;
}

/** zod schemas with the same codes as messages, for the core's request contract. */
const fromProblem = (problem: (s: string) => string | undefined) =>
  z.string().superRefine((s, ctx) => {
    const p = problem(s);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  });

export const cloudUrlSchema = z
  .string()
  .max(CLOUD_URL_MAX * 4, 'CLOUD_URL_TOO_LONG')
  .pipe(fromProblem(cloudUrlProblem))
  .transform((s) => s.trim());
export const clientIdSchema = z
  .string()
  .max(CLIENT_ID_MAX * 4, 'CLIENT_ID_TOO_LONG')
  .pipe(fromProblem(clientIdProblem))
  .transform((s) => s.trim());
export const clientSecretSchema = z
  .string()
  .min(1, 'CLIENT_SECRET_REQUIRED')
  .max(CLIENT_SECRET_MAX, 'CLIENT_SECRET_TOO_LONG');
