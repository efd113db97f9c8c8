import { describe, expect, it } from 'vitest';
import { cookieState, signInCookie, startLink } from './start-link';

describe('start link and sign-in cookie', () => {
  it('builds the start link under the public URL, a proxy prefix included', () => {
    expect(startLink('https://cloud.example.com/oauth/amazon/login', 'auth_1', 'a.b.c')).toBe(
      'https://cloud.example.com/oauth/amazon/start/auth_1?state=a.b.c',
    );
    expect(startLink('https://cloud.example.com/relay/oauth/amazon/login', 'auth_1', 'a.b.c')).toBe(
      'https://cloud.example.com/relay/oauth/amazon/start/auth_1?state=a.b.c',
    );
  });

  it('sets a cookie that is HttpOnly and SameSite=Lax, Secure on https only, for the OAuth paths, no longer than the sign-in', () => {
    expect(signInCookie('https://cloud.example.com/relay/oauth/amazon/login', 'a.b.c', 1799.6)).toBe(
      'acc_signin=a.b.c; Max-Age=1799; Path=/relay/oauth/amazon; HttpOnly; SameSite=Lax; Secure',
    );
    expect(signInCookie('http://127.0.0.1:4200/oauth/amazon/login', 'a.b.c', -5)).toBe(
      'acc_signin=a.b.c; Max-Age=0; Path=/oauth/amazon; HttpOnly; SameSite=Lax',
    );
  });

  it('reads the state from the Cookie header, refusing anything that is not a token', () => {
    expect(cookieState('other=1; acc_signin=eyJ.x-y_z.s; more=2')).toBe('eyJ.x-y_z.s');
    expect(cookieState(undefined)).toBeUndefined();
    expect(cookieState('acc_signin_x=a.b.c')).toBeUndefined();
    expect(cookieState('acc_signin=a b')).toBeUndefined();
    expect(cookieState('acc_signin=a%00b')).toBeUndefined();
    expect(cookieState('acc_signin=')).toBeUndefined();
    expect(cookieState(`acc_signin=${'x'.repeat(3000)}`)).toBeUndefined();
    expect(cookieState(`x=${'y'.repeat(9000)}; acc_signin=a.b.c`)).toBeUndefined();
  });
});
