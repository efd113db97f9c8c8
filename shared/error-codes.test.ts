// The compile-time guarantees of error-codes.ts, kept honest: each `@ts-expect-error` below fails the
// type check (`npm test` runs tsc) if the line it marks ever compiles, e.g. when `code` widens to string.
import { describe, expect, it } from 'vitest';
import { CodedError, err, type AppError } from './result';
import { ERROR_CODES, errorCodeSchema, isErrorCode, type ErrorCode } from './error-codes';

describe('error codes', () => {
  it('rejects an unknown code at compile time and maps one read from outside to INTERNAL', () => {
    // @ts-expect-error a misspelt code is no ErrorCode
    const wrong = err('PLATFORM_NOT_FOND');
    // @ts-expect-error CodedError takes only known codes
    const thrown = new CodedError('NO_SUCH_CODE');
    // @ts-expect-error an AppError's code is typed, not any string
    const value: AppError = { code: 'whatever' };
    expect([wrong.ok, thrown.code, value.code]).toEqual([false, 'NO_SUCH_CODE', 'whatever']);
    expect(errorCodeSchema.parse('NO_SUCH_CODE')).toBe('INTERNAL');
    expect(errorCodeSchema.parse('SPAPI_WRONG_REGION')).toBe('SPAPI_WRONG_REGION');
  });

  it('lists each code once, desktop and cloud together', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    const sample: ErrorCode[] = ['SANDBOX_UNREACHABLE', 'NOT_IMPORTED', 'LWA_INVALID_GRANT'];
    expect(sample.every(isErrorCode)).toBe(true);
  });
});
