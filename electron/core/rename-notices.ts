// The cloud's upgrade renamed some platforms in the cloud account (migration 2: names that clash under
// the shared name rule got a suffix such as " (2)"). The cloud lists such a rename on the platform
// (renamedByUpgrade) until a desktop of the tenant acknowledges it; this keeps it on the local profile
// (cloudRenameNotice, shown on the platform), writes it once into the Protokoll, and passes the
// merchant's acknowledgement to the cloud.
import type { PlatformRenameNotice } from '../../shared/cloud-api';
import type { Platform } from '../../shared/platform';
import { CodedError } from '../../shared/result';
import type { CloudClient } from './cloud-client';
import type { Logger } from './host';
import type { PlatformService } from './platforms';
import type { Timeline } from './timeline';

const sameNotice = (a: PlatformRenameNotice | undefined, b: PlatformRenameNotice | undefined) =>
  a?.oldName === b?.oldName && a?.newName === b?.newName && a?.reason === b?.reason && a?.renamedAt === b?.renamedAt;

export class RenameNotices {
  constructor(
    private readonly cloud: Pick<CloudClient, 'listPlatforms' | 'acknowledgeRenameNotice'>,
    private readonly platforms: PlatformService,
    private readonly timeline: Timeline,
    private readonly logger: Logger,
  ) {}

  /** Reads the cloud's platform list and sets or clears each local platform's notice to match it. */
  async sync(): Promise<void> {
    const { platforms: cloud } = await this.cloud.listPlatforms();
    const byCloudId = new Map(cloud.map((c) => [c.id, c.renamedByUpgrade]));
    for (const p of this.platforms.list()) {
      if (!p.cloudPlatformId || !byCloudId.has(p.cloudPlatformId)) continue;
      this.apply(p.id, byCloudId.get(p.cloudPlatformId));
    }
  }

  /** Background sync (start, new credentials): a cloud that cannot be reached is tried again next time. */
  syncQuietly(): void {
    this.sync().catch((error: unknown) =>
      this.logger.warn("could not read the cloud upgrade's renames", {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }

  /** Sets (or, with undefined, clears) the notice of a local platform; a new one goes into the Protokoll once. */
  apply(id: string, notice: PlatformRenameNotice | undefined): void {
    const current = this.platforms.find(id);
    if (!current || sameNotice(current.cloudRenameNotice, notice)) return;
    this.platforms.patch(id, (p) => {
      const { cloudRenameNotice: _old, ...rest } = p;
      return notice ? { ...rest, cloudRenameNotice: notice } : rest;
    });
    if (notice)
      this.timeline.add(
        id,
        { id: 'renamedByUpgrade' },
        'info',
        `${JSON.stringify(notice.oldName)} → ${JSON.stringify(notice.newName)} (${notice.reason})`,
      );
  }

  /** The merchant read the notice: the cloud stops listing it, and it goes from the profile. */
  async acknowledge(id: string): Promise<Platform> {
    const p = this.platforms.get(id);
    if (!p.cloudRenameNotice) return p;
    if (p.cloudPlatformId) {
      try {
        await this.cloud.acknowledgeRenameNotice(p.cloudPlatformId);
      } catch (error) {
        // Gone from the cloud: there is nothing left to acknowledge there.
        if (!(error instanceof CodedError && error.code === 'PLATFORM_NOT_FOUND')) throw error;
      }
    }
    const next = this.platforms.patch(id, ({ cloudRenameNotice: _seen, ...rest }) => rest);
    this.timeline.add(id, { id: 'renameNoticeAcknowledged' }, 'info');
    return next;
  }
}
