// Every stable error code, as types the compiler checks. Adding a code is one line: a desktop code in
// DESKTOP_ERROR_CODES below, a cloud code (with its English meaning) in CLOUD_ERROR_CODES in cloud-error-codes.ts.
// The compiler then asks for its German and English text (renderer/src/i18n/errors.*.ts are typed
// `Record<ErrorCode, string>`), and rejects a misspelt code at `err('…')` or `new CodedError('…')`.
import { z } from 'zod';
import { CLOUD_ERROR_CODE_LIST, type CloudErrorCode } from './cloud-api';

export type { CloudErrorCode } from './cloud-api';

/** Codes the desktop (core, hosts, renderer) produces besides the cloud's, which it passes through. */
const DESKTOP_ERROR_CODES = [
  'KEYCHAIN_UNAVAILABLE',
  'CLOUD_NOT_CONFIGURED',
  'CLOUD_SECRET_REQUIRED',
  'CLOUD_URL_INVALID',
  'CLOUD_UNREACHABLE',
  'CLOUD_ERROR',
  'CONSENT_URL_REJECTED',
  'BROWSER_OPEN_FAILED',
  'SIGN_IN_IN_PROGRESS',
  'NOT_AUTHENTICATED',
  /** The region was changed on a platform signed in for another region: sign in again (status sign_in_required). */
  'REGION_CHANGED',
  /** A region change that would end a valid sign-in was sent without the user's confirmation. */
  'REGION_CHANGE_UNCONFIRMED',
  'NOT_IMPORTED',
  'SANDBOX_UNREACHABLE',
  'CLOUD_NOT_ENABLED',
  'AUTH_TIMEOUT',
  'AUTH_CANCELLED',
  'NOT_WAITING',
  'NO_SELLER_CHANGE',
  'CLOUD_URL_REQUIRED',
  'CLOUD_URL_TOO_LONG',
  'CLIENT_ID_REQUIRED',
  'CLIENT_ID_TOO_LONG',
  'CLIENT_ID_INVALID',
  'CLIENT_SECRET_REQUIRED',
  'CLIENT_SECRET_TOO_LONG',
  'INVALID_INPUT',
  'NAME_REQUIRED',
  'NAME_TOO_LONG',
  'NAME_INVALID',
  'STORE_CORRUPT',
  'PROFILES_UNREADABLE',
  'HOST_DISCONNECTED',
  'HOST_UNREACHABLE',
  'HOST_TOKEN_INVALID',
  'FORBIDDEN_SENDER',
  'UNKNOWN_REQUEST',
  'INTERNAL',
  /** A request the core aborted itself (a cancelled sign-in's long-poll); normally never shown. */
  'ABORTED',
  /** The browser host received a WebSocket message that is not a request. */
  'INVALID_MESSAGE',
  'SANDBOX_ONLY',
  'IMPORT_INVALID',
  'IMPORT_TOO_LARGE',
  'CLOUD_PLATFORM_IN_USE',
  /** The Cloud-URL answers, but not as our cloud (404 without our error body, or another service's page). */
  'NOT_A_CLOUD',
  /** The platform's *Aktiv* is off: no sign-in, no import, no sign-in started in Seller Central is followed. */
  'PLATFORM_INACTIVE',
  /** Seller Central's refusals the merchant reports while waiting (shared/seller-central-errors.ts). */
  'SELLER_CENTRAL_WRONG_REGION',
  'SELLER_CENTRAL_NOT_PRIMARY',
  'SELLER_CENTRAL_INDIVIDUAL_ACCOUNT',
  'SELLER_CENTRAL_DRAFT_LIMIT',
  'SELLER_CENTRAL_OTP_REJECTED',
  'SELLER_CENTRAL_CONSENT_CANCELLED',
  'SELLER_CENTRAL_BROWSER_CLOSED',
  'SELLER_CENTRAL_SESSION_EXPIRED',
  'SELLER_CENTRAL_MD1000',
  'SELLER_CENTRAL_MD5101',
  'SELLER_CENTRAL_MD5110',
  'SELLER_CENTRAL_MD9000',
  'SELLER_CENTRAL_MD9010',
  'SELLER_CENTRAL_MD9100',
  'SELLER_CENTRAL_MD9999',
  'SELLER_CENTRAL_AMAZON_STATE_INVALID',
  'SELLER_CENTRAL_LOGIN_URI_MISSING',
] as const;

export type DesktopErrorCode = (typeof DESKTOP_ERROR_CODES)[number];

/** Any code an error value on the desktop may carry: its own or one the cloud sent. */
export type ErrorCode = DesktopErrorCode | CloudErrorCode;

export const ERROR_CODES: readonly ErrorCode[] = [
  ...new Set<ErrorCode>([...DESKTOP_ERROR_CODES, ...CLOUD_ERROR_CODE_LIST]),
];

const known = new Set<string>(ERROR_CODES);
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && known.has(value);

/**
 * An error code read from outside (a stored profile written by another version, a message over the
 * WebSocket): a known code stays, anything else becomes INTERNAL rather than failing the whole parse.
 */
export const errorCodeSchema = z.string().transform((s): ErrorCode => (isErrorCode(s) ? s : 'INTERNAL'));
