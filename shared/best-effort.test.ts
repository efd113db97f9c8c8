import { describe, expect, it } from 'vitest';
import { bestEffort, errorKind } from './best-effort';

describe('bestEffort', () => {
  it('passes a result through and logs nothing', async () => {
    const lines: string[] = [];
    expect(await bestEffort('reading', Promise.resolve(42), (l) => lines.push(l))).toBe(42);
    expect(lines).toEqual([]);
  });

  it('turns a failure into undefined and one line naming what failed and the kind, not the message', async () => {
    const lines: string[] = [];
    const err = Object.assign(new TypeError('GET https://x.example/?code=SECRET-CODE failed'), { code: 'ECONNRESET' });
    expect(await bestEffort('closing the pool', Promise.reject(err), (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual(['best effort: closing the pool failed (TypeError ECONNRESET)']);
    expect(lines.join('')).not.toContain('SECRET');
  });

  it('catches a function that throws before it returns a promise', async () => {
    const lines: string[] = [];
    const work = (): Promise<number> => {
      throw new Error('sync');
    };
    expect(await bestEffort('starting', work, (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual(['best effort: starting failed (Error)']);
  });

  it("logs through a logger's warn", async () => {
    const lines: string[] = [];
    const logger = { warn: (line: string) => lines.push(line) };
    expect(await bestEffort('reading', Promise.reject(new RangeError('x')), logger)).toBeUndefined();
    expect(lines).toEqual(['best effort: reading failed (RangeError)']);
  });

  it('names thrown non-errors by their type', () => {
    expect(errorKind('text')).toBe('string');
    expect(errorKind(null)).toBe('object');
    expect(errorKind({ name: 'AbortError', code: 20 })).toBe('AbortError 20');
  });
});
