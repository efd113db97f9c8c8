import { describe, expect, it } from 'vitest';
import { CodedError, type ErrorCode } from '../../shared/result';
import { pollWithBackoff, SETTINGS_NEEDED_CODES, SIGN_IN_STOP_CODES } from './poll-with-backoff';

const backoff = { baseMs: 1, capMs: 2, random: () => 0 };

/** Polls failing with the given codes in turn, then succeeding; what happened. */
async function run(codes: ErrorCode[], stopOn: ReadonlySet<ErrorCode>) {
  const seen: string[] = [];
  let polls = 0;
  await pollWithBackoff({
    signal: new AbortController().signal,
    backoff,
    stopOn,
    poll: async () => {
      const code = codes[polls++];
      if (code) throw new CodedError(code, 'refused');
      return true;
    },
    onStop: (e) => seen.push(`stop ${e.code}`),
    onError: (e) => (seen.push(`retry ${e.code}`), false),
  });
  return { polls, seen };
}

describe('pollWithBackoff', () => {
  it('a sign-in stops at an authorization or tenant that is gone; the feed retries those', async () => {
    for (const code of ['AUTHORIZATION_NOT_FOUND', 'TENANT_DISABLED'] as const) {
      expect(await run([code], SIGN_IN_STOP_CODES)).toEqual({ polls: 1, seen: [`stop ${code}`] });
      expect(await run([code], SETTINGS_NEEDED_CODES)).toEqual({ polls: 2, seen: [`retry ${code}`] });
    }
  });

  it('both stop when the cloud settings must change first', async () => {
    for (const stopOn of [SIGN_IN_STOP_CODES, SETTINGS_NEEDED_CODES]) {
      expect(await run(['CLOUD_UNREACHABLE', 'INVALID_CLIENT_CREDENTIALS'], stopOn)).toEqual({
        polls: 2,
        seen: ['retry CLOUD_UNREACHABLE', 'stop INVALID_CLIENT_CREDENTIALS'],
      });
    }
  });

  it('ends when onError says so, and at once when aborted', async () => {
    let polls = 0;
    await pollWithBackoff({
      signal: new AbortController().signal,
      backoff,
      stopOn: SIGN_IN_STOP_CODES,
      poll: () => (polls++, Promise.reject(new Error('boom'))),
      onError: (e) => e.code === 'INTERNAL',
    });
    expect(polls).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await pollWithBackoff({
      signal: controller.signal,
      backoff,
      stopOn: SIGN_IN_STOP_CODES,
      poll: () => (polls++, Promise.resolve(false)),
    });
    expect(polls).toBe(1);
  });
});
