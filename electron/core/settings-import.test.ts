// The desktop's import offers only marketplaces of Amazon's table, also when a cloud of an older version
// still sends "Non-Amazon" or undocumented entries among them, and never takes the store name from those.
import { describe, expect, it } from 'vitest';
import type { CloudMarketplace } from '../../shared/cloud-api';
import type { CloudClient } from './cloud-client';
import { PlatformService } from './platforms';
import { ProfileStore, openConfStore } from './profile-store';
import { importSettings } from './settings-import';
import { Timeline } from './timeline';
import { tempDirs } from '../../shared/testing/temp-dir';

const freshDir = tempDirs('settings-import-');

const entry = (id: string, name: string, storeName: string): CloudMarketplace => ({
  id,
  name,
  countryCode: 'DE',
  defaultCurrencyCode: 'EUR',
  defaultLanguageCode: 'de_DE',
  domainName: 'www.amazon.de',
  storeName,
  isParticipating: true,
  hasSuspendedListings: false,
});
const shadow = entry('AHRY1CZE9ZY4H', 'Amazon.com Invoicing Shadow Marketplace', 'Invoicing_1000_A2EXAMPLE');
const nonAmazon = entry('A1ZFFQZ3HTUKT9', 'Non-Amazon', 'Non-Amazon');
const de = entry('A1PA6795UKMFR9', 'Amazon.de', 'Müller Handel');

function setup(answer: { marketplaces: CloudMarketplace[]; otherMarketplaces?: CloudMarketplace[] }) {
  const dir = freshDir();
  const { store } = openConfStore(dir);
  const platforms = new PlatformService(new ProfileStore(store), () => {});
  const timeline = new Timeline(store);
  const p = platforms.create('amazon', 'Amazon Import');
  platforms.patch(p.id, (x) => ({
    ...x,
    cloudPlatformId: 'cp-1',
    auth: { status: 'authenticated', sellingPartnerId: 'A2EXAMPLE', authorizedAt: new Date().toISOString() },
  }));
  // A fake of the one call this module makes: the cloud's answer is the point of the test.
  const cloud = {
    importSettings: async () => ({ ...answer, amazonRequests: [] }),
    getPlatform: async () => undefined,
  } as unknown as CloudClient;
  return { run: () => importSettings(platforms, cloud, timeline, p.id) };
}

describe('settings import on the desktop', () => {
  it('keeps entries outside the table aside when an older cloud sends them among the marketplaces', async () => {
    const imported = await setup({ marketplaces: [shadow, nonAmazon, de] }).run();
    expect(imported.marketplaces?.map((m) => m.id)).toEqual(['A1PA6795UKMFR9']);
    expect(imported.otherMarketplaces?.map((m) => m.id)).toEqual(['AHRY1CZE9ZY4H', 'A1ZFFQZ3HTUKT9']);
    expect(imported.auth).toMatchObject({ storeName: 'Müller Handel' });
  });

  it("keeps the cloud's otherMarketplaces and takes no store name when only they name one", async () => {
    const imported = await setup({ marketplaces: [{ ...de, storeName: '' }], otherMarketplaces: [shadow] }).run();
    expect(imported.marketplaces?.map((m) => m.id)).toEqual(['A1PA6795UKMFR9']);
    expect(imported.otherMarketplaces?.map((m) => m.id)).toEqual(['AHRY1CZE9ZY4H']);
    expect(imported.auth).not.toHaveProperty('storeName');
  });
});
