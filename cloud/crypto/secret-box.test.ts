import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createSecretBox } from './secret-box';
import { hashClientSecret, newClientSecret, secretMatches } from './client-secret';

const box = createSecretBox(randomBytes(32).toString('base64'));

describe('secret box (AES-256-GCM)', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = box.seal('Atzr|secret-refresh-token', 'plt_1');
    expect(sealed).not.toContain('Atzr');
    expect(box.open(sealed, 'plt_1')).toBe('Atzr|secret-refresh-token');
    expect(box.seal('x', 'plt_1')).not.toBe(box.seal('x', 'plt_1'));
  });

  it('refuses another row, a tampered ciphertext and another key', () => {
    const sealed = box.seal('token', 'plt_1');
    expect(() => box.open(sealed, 'plt_2')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tokem').toString('base64url');
    expect(() => box.open(parts.join('.'), 'plt_1')).toThrow();
    expect(() => createSecretBox(randomBytes(32).toString('base64')).open(sealed, 'plt_1')).toThrow();
    expect(() => createSecretBox(randomBytes(16).toString('base64'))).toThrow();
  });
});

describe('client secrets', () => {
  it('are 32 random bytes, stored as a hash, compared exactly', () => {
    const secret = newClientSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const hash = hashClientSecret(secret);
    expect(hash).not.toContain(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(`${secret}x`, hash)).toBe(false);
  });
});
