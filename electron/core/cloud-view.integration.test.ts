// The cloud view for support (real core, cloud, sandbox, keychain): platforms of this tenant that exist
// in the cloud but not in this desktop are listed; adopt keeps the authorization; delete removes them
// in the cloud; another tenant's platforms never show; a platform used here is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import type { Desktop } from './testing/desktop';
import { connectedDesktop, useDesktopStack, type DesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
let env: DesktopStack;
let elsewhere: Desktop;
let otherTenant: Desktop;

// This desktop (env.desk), another one of the same tenant, and one of another tenant.
useDesktopStack('Cloud Sicht GmbH', (started) => (env = started));
beforeAll(async () => {
  const desktop = { sandboxUrl: env.stack.sandbox.url };
  elsewhere = await connectedDesktop(env.stack.cloud.url, env.tenant, desktop);
  otherTenant = await connectedDesktop(env.stack.cloud.url, await env.stack.cloud.createTenant('Andere GmbH'), desktop);
});
afterAll(async () => {
  for (const d of [elsewhere, otherTenant]) await d?.close();
});

describe('platforms only in the cloud', () => {
  it('lists, adopts (authorization kept) and deletes them; never another tenant’s', async () => {
    // Created on another computer of the same tenant: one authenticated, one left over.
    const a = await elsewhere.newPlatform('Amazon Filiale', 'FR');
    await elsewhere.call('signIn', { id: a.id, mode: 'login' });
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, elsewhere.opened.at(-1)!, EU, env.stack.sandbox.url));
    await elsewhere.until(a.id, (p) => p.auth.status === 'authenticated');
    const b = await elsewhere.newPlatform('Amazon Rest');
    await elsewhere.call('signIn', { id: b.id, mode: 'login' });
    const o = await otherTenant.newPlatform('Amazon Fremd');
    await otherTenant.call('signIn', { id: o.id, mode: 'login' });
    const mine = await env.desk.newPlatform('Amazon Hier');
    await env.desk.call('signIn', { id: mine.id, mode: 'login' });

    const list = await env.desk.call('listCloudOnlyPlatforms');
    expect(list.map((c) => c.name).sort()).toEqual(['Amazon Filiale', 'Amazon Rest']);
    const filiale = list.find((c) => c.name === 'Amazon Filiale')!;
    expect(filiale).toMatchObject({
      countryCode: 'FR',
      region: 'EU',
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });

    const adopted = await env.desk.call('adoptCloudPlatform', { cloudPlatformId: filiale.id });
    expect(adopted).toMatchObject({
      name: 'Amazon Filiale',
      countryCode: 'FR',
      useCloud: true,
      cloudPlatformId: filiale.id,
      auth: { status: 'authenticated', sellingPartnerId: EU.sellingPartnerId },
    });
    // The adopted profile works: its marketplaces can be imported with the cloud's authorization.
    expect((await env.desk.call('importSettings', { id: adopted.id })).marketplaces?.length).toBe(8);

    const rest = list.find((c) => c.name === 'Amazon Rest')!;
    expect(await env.desk.call('deleteCloudPlatform', { cloudPlatformId: rest.id })).toEqual({ id: rest.id });
    expect(await env.desk.call('listCloudOnlyPlatforms')).toEqual([]);

    // A cloud platform a profile here uses is not offered and cannot be deleted this way.
    const used = (await env.desk.platform(mine.id)).cloudPlatformId!;
    expect(await env.desk.failureCode('deleteCloudPlatform', { cloudPlatformId: used })).toBe('CLOUD_PLATFORM_IN_USE');
    expect(await env.desk.failureCode('adoptCloudPlatform', { cloudPlatformId: used })).toBe('CLOUD_PLATFORM_IN_USE');
    // Another tenant's platform: the cloud does not know it for this tenant.
    const foreign = (await otherTenant.platform(o.id)).cloudPlatformId!;
    expect(await env.desk.failureCode('adoptCloudPlatform', { cloudPlatformId: foreign })).toBe('PLATFORM_NOT_FOUND');
    expect(await env.desk.failureCode('deleteCloudPlatform', { cloudPlatformId: foreign })).toBe('PLATFORM_NOT_FOUND');
    expect(await otherTenant.call('listCloudOnlyPlatforms')).toEqual([]);
  });
});
