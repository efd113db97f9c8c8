// Seller Central's sign-in over real HTTP with a cookie-keeping client: password, lock-out, the one-time
// code by authenticator app or SMS, and the session a signed-in browser keeps.
import { describe, expect, it } from 'vitest';
import { formFields, latestSms, pageKind, signIn, sharedTestSandbox, T0 } from './testing/test-client';
import { Browser, EU, EU_HOST, FE, prodUrl, reachConsent } from './testing/consent-fixture';
import { totp } from './totp';

const sb = sharedTestSandbox();

describe('sign-in', () => {
  it('wrong password and unknown e-mail keep the user on the sign-in page with a message', async () => {
    const b = new Browser(sb.url);
    const wrong = await signIn(b, prodUrl(), EU, 'nope');
    expect(pageKind(wrong.text)).toBe('signin');
    expect(wrong.text).toContain('Ihr Passwort ist falsch.');
    const unknown = await signIn(b, prodUrl(), { ...EU, email: 'nobody@example.com' });
    expect(unknown.text).toContain('Wir können kein Konto mit dieser E-Mail-Adresse finden.');
  });

  it('locks the account after 5 failures, even for the right password', async () => {
    const b = new Browser(sb.url);
    for (let i = 0; i < 4; i++)
      expect((await signIn(b, prodUrl(), EU, 'wrong')).text).toContain('Ihr Passwort ist falsch.');
    expect((await signIn(b, prodUrl(), EU, 'wrong')).text).toContain('vorübergehend gesperrt');
    const right = await signIn(b, prodUrl(), EU);
    expect(pageKind(right.text)).toBe('signin');
    expect(right.text).toContain('vorübergehend gesperrt');
    sb.state.reset();
    expect(pageKind((await signIn(b, prodUrl(), EU)).text)).toBe('mfa');
  });

  it('TOTP: wrong code stays on the page; current, previous and next step pass; two steps off fails', async () => {
    const b = new Browser(sb.url);
    const mfa = await signIn(b, prodUrl(), EU);
    expect(pageKind(mfa.text)).toBe('mfa');
    expect(mfa.text).toContain('data-method="totp"');
    const post = (otp: string) => b.post(`/sc/${EU_HOST}/ap/mfa`, { ...formFields(mfa.text), otp, action: 'verify' });
    const twoOff = await post(totp(EU.totpSecret!, T0 - 60_000));
    expect(pageKind(twoOff.text)).toBe('mfa');
    expect(twoOff.text).toContain('Das eingegebene Einmalpasswort ist ungültig.');
    const prev = await post(totp(EU.totpSecret!, T0 - 30_000));
    expect(prev.status).toBe(302);
    expect(pageKind((await b.follow(prev)).text)).toBe('consent');
  });

  it('SMS: the code arrives in the inbox, allows 3 tries, and expires after 5 minutes', async () => {
    const b = new Browser(sb.url);
    const mfa = await signIn(b, prodUrl('sellercentral.amazon.co.jp'), FE);
    expect(mfa.text).toContain('data-method="sms"');
    expect(mfa.text).toContain('+81 ••• ••• 78');
    const code = await latestSms(sb.url, FE.email);
    expect(code).toMatch(/^\d{6}$/);
    const inbox = await b.get('/sandbox/sms');
    expect(inbox.text).toContain(code);

    const post = (otp: string, action = 'verify') =>
      b.post(`/sc/sellercentral.amazon.co.jp/ap/mfa`, { ...formFields(mfa.text), otp, action });
    const bad = code === '000000' ? '111111' : '000000';
    expect((await post(bad)).text).toContain('ungültig');
    expect((await post(bad)).text).toContain('ungültig');
    expect((await post(bad)).text).toContain('Zu viele ungültige Versuche');
    expect((await post(code)).text).toContain('Zu viele ungültige Versuche');

    const resent = await post('', 'resend');
    expect(resent.text).toContain('neues Einmalpasswort gesendet');
    const fresh = await latestSms(sb.url, FE.email);
    sb.clock.now += 5 * 60_000 + 1;
    expect((await post(fresh)).text).toContain('abgelaufen');

    await post('', 'resend');
    const ok = await post(await latestSms(sb.url, FE.email));
    expect(ok.status).toBe(302);
    expect(pageKind((await b.follow(ok)).text)).toBe('consent');
  });

  it('a signed-in browser is not asked again; the session belongs to its host', async () => {
    const b = new Browser(sb.url);
    await reachConsent(b, sb, prodUrl(), EU);
    const again = await b.get(prodUrl(EU_HOST, { state: 'second' }));
    expect(again.status).toBe(200);
    expect(pageKind(again.text)).toBe('consent');
    const otherHost = await b.get(prodUrl('sellercentral.amazon.nl'));
    expect(otherHost.status).toBe(302);
    expect(otherHost.location).toContain('/sc/sellercentral.amazon.nl/ap/signin');
  });
});
