// Platform profiles (Plattformen): create, change (the Bezeichnung in the cloud account too), delete,
// the settings import and marketplace choice, the Protokoll, and the cloud's platforms missing here.
import { normalizePlatformName } from '../../shared/platform-name';
import { CodedError } from '../../shared/result';
import type { CloudClient } from './cloud-client';
import type { CloudView } from './cloud-view';
import type { Deletions } from './deletions';
import type { HandlerModule } from './handlers';
import { nameTaken, type PlatformService } from './platforms';
import { importSettings, selectMarketplaces } from './settings-import';
import { disconnectPlatform } from './disconnect';
import { assertActive } from './inactive';
import type { RenameNotices } from './rename-notices';
import type { Timeline } from './timeline';
import { bestEffort } from '../../shared/best-effort';

interface PlatformDeps {
  platforms: PlatformService;
  cloud: CloudClient;
  timeline: Timeline;
  deletions: Deletions;
  cloudView: CloudView;
  renameNotices: RenameNotices;
  now: () => number;
}

type PlatformRequests =
  | 'listPlatforms'
  | 'createPlatform'
  | 'updatePlatform'
  | 'deletePlatform'
  | 'importSettings'
  | 'disconnectPlatform'
  | 'acknowledgeRenameNotice'
  | 'selectMarketplaces'
  | 'getTimeline'
  | 'listCloudOnlyPlatforms'
  | 'adoptCloudPlatform'
  | 'deleteCloudPlatform';

export function platformHandlers(d: PlatformDeps): HandlerModule<PlatformRequests> {
  return {
    listPlatforms: () => d.platforms.list(),
    createPlatform: (p) => d.platforms.create(p.type, p.name),
    updatePlatform: async (p) => {
      if (p.patch.name !== undefined) await renameInCloud(d, p.id, p.patch.name);
      const before = d.platforms.get(p.id);
      const next = d.platforms.update(p.id, p.patch);
      if (next.auth.status === 'sign_in_required' && before.auth.status !== 'sign_in_required') {
        d.timeline.add(p.id, { id: 'regionChanged' }, 'info', `${before.countryCode} → ${next.countryCode}`);
      }
      return next;
    },
    deletePlatform: (p) => d.deletions.remove(p.id, p.mode),
    importSettings: (p) => {
      assertActive(d.platforms.get(p.id));
      return importSettings(d.platforms, d.cloud, d.timeline, p.id, d.now);
    },
    disconnectPlatform: (p) =>
      disconnectPlatform({ platforms: d.platforms, cloud: d.cloud, timeline: d.timeline }, p.id),
    acknowledgeRenameNotice: (p) => d.renameNotices.acknowledge(p.id),
    selectMarketplaces: (p) => selectMarketplaces(d.platforms, p.id, p.marketplaceIds),
    getTimeline: (p) => {
      d.platforms.get(p.id);
      return d.timeline.list(p.id);
    },
    listCloudOnlyPlatforms: () => d.cloudView.list(),
    adoptCloudPlatform: async (p) => {
      const adopted = await d.cloudView.adopt(p.cloudPlatformId);
      await bestEffort('reading the rename notices', d.renameNotices.sync());
      return d.platforms.get(adopted.id);
    },
    deleteCloudPlatform: (p) => d.cloudView.remove(p.cloudPlatformId),
  };
}

/**
 * The Bezeichnung is the platform's name in the cloud account too: rename it there first, so a name
 * the account already uses is refused before anything changes here.
 */
async function renameInCloud(d: PlatformDeps, id: string, name: string): Promise<void> {
  const current = d.platforms.get(id);
  if (!current.cloudPlatformId || current.name === normalizePlatformName(name)) return;
  d.platforms.assertNameFree(id, name);
  try {
    await d.cloud.renamePlatform(current.cloudPlatformId, name);
    d.timeline.add(id, { id: 'renamedInCloud' }, 'ok');
  } catch (error) {
    // Gone from the cloud: the next ANMELDEN registers it again under the new name.
    if (error instanceof CodedError && error.code === 'PLATFORM_NOT_FOUND') return;
    if (error instanceof CodedError && error.code === 'PLATFORM_NAME_TAKEN') {
      const cloudNames = await d.cloud.listPlatforms().then(
        (l) => l.platforms.map((x) => x.name),
        () => [],
      );
      throw nameTaken(name, 'cloud', [...cloudNames, ...d.platforms.list().map((x) => x.name)]);
    }
    throw error;
  }
}
