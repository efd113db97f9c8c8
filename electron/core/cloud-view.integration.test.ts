// The cloud view for support (real core, cloud, sandbox, keychain): platforms of this tenant that exist
// in the cloud but not in this desktop are listed; adopt keeps the authorization; delete removes them
// in the cloud; another tenant's platforms never show; a platform used here is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { startStack, type Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import type { Desktop } from './testing/desktop';
import { connectedDesktop } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
let stack: Stack;
let here: Desktop;
let elsewhere: Desktop;
let otherTenant: Desktop;

beforeAll(async () => {
  stack = await startStack();
  const tenant = await stack.cloud.createTenant('Cloud Sicht GmbH');
  const other = await stack.cloud.createTenant('Andere GmbH');
  const desktop = { sandboxUrl: stack.sandbox.url };
  here = await connectedDesktop(stack.cloud.url, tenant, desktop);
  elsewhere = await connectedDesktop(stack.cloud.url, tenant, desktop);
  otherTenant = await connectedDesktop(stack.cloud.url, other, desktop);
});
afterAll(async () => {
  for (const d of [here, elsewhere, otherTenant]) await d?.close();
  await stack?.close();
});

describe('platforms only in the cloud', () => {
  it('lists, adopts (authorization kept) and deletes them; never another tenant’s', async () => {
    // Created on another computer of the same tenant: one authenticated, one left over.
    const a = await elsewhere.newPlatform('Amazon Filiale', 'FR');
    await elsewhere.call('signIn', { id: a.id, mode: 'login' });
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, elsewhere.opened.at(-1)!, EU, stack.sandbox.url));
    await elsewhere.until(a.id, (p) => p.auth.status === 'authenticated');
    const b = await elsewhere.newPlatform('Amazon Rest');
    await elsewhere.call('signIn', { id: b.id, mode: 'login' });
    const o = await otherTenant.newPlatform('Amazon Fremd');
    await otherTenant.call('signIn', { id: o.id, mode: 'login' });
    const mine = await here.newPlatform('Amazon Hier');
    await here.call('signIn', { id: mine.id, mode: 'login' });

    const list = await here.call('listCloudOnlyPlatforms');
    expect(list.map((c) => c.name).sort()).toEqual(['Amazon Filiale', 'Amazon Rest']);
    const filiale = list.find((c) => c.name === 'Amazon Filiale')!;
    expect(filiale).toMatchObject({
      countryCode: 'FR',
      region: 'EU',
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });

    const adopted = await here.call('adoptCloudPlatform', { cloudPlatformId: filiale.id });
    expect(adopted).toMatchObject({
      name: 'Amazon Filiale',
      countryCode: 'FR',
      useCloud: true,
      cloudPlatformId: filiale.id,
      auth: { status: 'authenticated', sellingPartnerId: EU.sellingPartnerId },
    });
    // The adopted profile works: its marketplaces can be imported with the cloud's authorization.
    expect((await here.call('importSettings', { id: adopted.id })).marketplaces?.length).toBe(8);

    const rest = list.find((c) => c.name === 'Amazon Rest')!;
    expect(await here.call('deleteCloudPlatform', { cloudPlatformId: rest.id })).toEqual({ id: rest.id });
    expect(await here.call('listCloudOnlyPlatforms')).toEqual([]);

    // A cloud platform a profile here uses is not offered and cannot be deleted this way.
    const used = (await here.platform(mine.id)).cloudPlatformId!;
    expect(await here.failure('deleteCloudPlatform', { cloudPlatformId: used })).toMatchObject({
      code: 'CLOUD_PLATFORM_IN_USE',
    });
    expect(await here.failure('adoptCloudPlatform', { cloudPlatformId: used })).toMatchObject({
      code: 'CLOUD_PLATFORM_IN_USE',
    });
    // Another tenant's platform: the cloud does not know it for this tenant.
    const foreign = (await otherTenant.platform(o.id)).cloudPlatformId!;
    expect(await here.failure('adoptCloudPlatform', { cloudPlatformId: foreign })).toMatchObject({
      code: 'PLATFORM_NOT_FOUND',
    });
    expect(await here.failure('deleteCloudPlatform', { cloudPlatformId: foreign })).toMatchObject({
      code: 'PLATFORM_NOT_FOUND',
    });
    expect(await otherTenant.call('listCloudOnlyPlatforms')).toEqual([]);
  });
});
