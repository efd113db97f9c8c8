// Errors are values with a stable code; the renderer maps the code to a sentence and a next step.
// `params` carry only non-secret facts the sentence needs (a region, a name, seconds to wait).
import type { ErrorCode } from './error-codes';

export type { ErrorCode } from './error-codes';

export interface AppError {
  code: ErrorCode;
  /** Technical detail in English for the timeline/logs; never a secret, never shown raw to users. */
  detail?: string;
  params?: Record<string, string | number | boolean>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, detail?: string, params?: AppError['params']): Result<never> => ({
  ok: false,
  error: { code, ...(detail ? { detail } : {}), ...(params ? { params } : {}) },
});

/** A thrown error that carries a stable code; the IPC layer turns it into a Result. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly params?: AppError['params'],
  ) {
    super(detail ?? code);
    this.name = 'CodedError';
  }
}
