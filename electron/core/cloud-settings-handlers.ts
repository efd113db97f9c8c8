// Cloud-Zugangsdaten: the cloud URL, Client-ID and Client-Secret (kept in the keychain), and TESTEN.
import type { HandlerModule } from './handlers';
import { CloudClient } from './cloud-client';
import type { CloudSettings } from './cloud-settings';

export function cloudSettingsHandlers(d: {
  settings: CloudSettings;
  now: () => number;
  saved: (configured: boolean) => void;
}): HandlerModule<'getCloudSettings' | 'saveCloudSettings' | 'testCloudConnection'> {
  return {
    getCloudSettings: () => d.settings.view(),
    saveCloudSettings: async (p) => {
      const view = await d.settings.save(p.url, p.clientId, p.clientSecret);
      d.saved(Boolean(view.url && view.clientId && view.hasSecret));
      return view;
    },
    testCloudConnection: async (p) => {
      const who = await CloudClient.test(await d.settings.merged(p), { now: d.now });
      return { tenantName: who.name, tenantId: who.tenantId };
    },
  };
}
