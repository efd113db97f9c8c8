// Errors are values with a stable code; the renderer maps the code to a sentence and a next step.
// `params` carry only non-secret facts the sentence needs (a region, a name, seconds to wait).

export interface AppError {
  code: string;
  /** Technical detail in English for the timeline/logs; never a secret, never shown raw to users. */
  detail?: string;
  params?: Record<string, string | number | boolean>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: string, detail?: string, params?: AppError['params']): Result<never> => ({
  ok: false,
  error: { code, ...(detail ? { detail } : {}), ...(params ? { params } : {}) },
});

/** A thrown error that carries a stable code; the IPC layer turns it into a Result. */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    detail?: string,
    readonly params?: AppError['params'],
  ) {
    super(detail ?? code);
    this.name = 'CodedError';
  }
}
