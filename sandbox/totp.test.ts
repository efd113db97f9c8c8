import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, totp, verifyTotp } from './totp';

// RFC 6238 Appendix B, SHA-1 rows: seed "12345678901234567890", 8 digits.
const SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('totp (RFC 6238)', () => {
  it('base32 round-trips and matches RFC 4648', () => {
    expect(SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq====').toString()).toBe('12345678901234567890');
    expect(() => base32Decode('1!')).toThrow();
  });

  it.each(VECTORS)('matches the SHA-1 test vector at T=%i', (seconds, expected) => {
    expect(totp(SECRET, seconds * 1000, 8)).toBe(expected);
    // Six digits are the last six of the eight (same truncation, smaller modulus).
    expect(totp(SECRET, seconds * 1000)).toBe(expected.slice(-6));
  });

  it('accepts one step either side, not two', () => {
    const t = 1111111109_000;
    const code = totp(SECRET, t);
    expect(verifyTotp(SECRET, code, t)).toBe(true);
    expect(verifyTotp(SECRET, code, t + 30_000)).toBe(true);
    expect(verifyTotp(SECRET, code, t - 30_000)).toBe(true);
    expect(verifyTotp(SECRET, code, t + 60_000)).toBe(false);
    expect(verifyTotp(SECRET, 'abcdef', t)).toBe(false);
    expect(verifyTotp(SECRET, '12345', t)).toBe(false);
  });
});
