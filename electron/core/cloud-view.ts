// A cloud view for support: the tenant's platforms that exist in the cloud but not in this desktop
// (created on another machine, or left over after a local profile was lost), with adopt (a local
// profile that points at the cloud platform, keeping its authorization) or delete (in the cloud).
// The cloud's GET /v1/platforms is tenant-scoped, so only this tenant's platforms are ever seen.
import type { CloudOnlyPlatform } from '../../shared/ipc-contract';
import { platformNameSchema, type Platform } from '../../shared/platform';
import { COUNTRY_CODES } from '../../shared/amazon-regions';
import { CodedError } from '../../shared/result';
import type { CloudClient } from './cloud-client';
import type { Deletions } from './deletions';
import type { PlatformService } from './platforms';
import type { Timeline } from './timeline';
import { withAuthEvent } from '../../shared/auth-machine';

export class CloudView {
  constructor(
    private readonly cloud: CloudClient,
    private readonly platforms: PlatformService,
    private readonly deletions: Deletions,
    private readonly timeline: Timeline,
  ) {}

  async list(): Promise<CloudOnlyPlatform[]> {
    const local = new Set(
      this.platforms
        .list()
        .map((p) => p.cloudPlatformId)
        .filter(Boolean),
    );
    const queued = new Set(this.deletions.queue().map((q) => q.cloudPlatformId));
    const { platforms } = await this.cloud.listPlatforms();
    return platforms
      .filter((c) => !local.has(c.id) && !queued.has(c.id))
      .map((c) => ({
        id: c.id,
        name: c.name,
        countryCode: c.countryCode,
        region: c.region,
        status: c.status,
        createdAt: c.createdAt,
        ...(c.sellingPartnerId ? { sellingPartnerId: c.sellingPartnerId } : {}),
        ...(c.authorizedAt ? { authorizedAt: c.authorizedAt } : {}),
      }));
  }

  async adopt(cloudPlatformId: string): Promise<Platform> {
    const c = await this.onlyInCloud(cloudPlatformId);
    const name = platformNameSchema.safeParse(c.name);
    if (!name.success)
      throw new CodedError('INVALID_INPUT', 'the cloud platform has a name this desktop cannot use', {
        field: 'name',
        reason: 'NAME_INVALID',
      });
    if (!(COUNTRY_CODES as readonly string[]).includes(c.countryCode))
      throw new CodedError('INVALID_INPUT', 'unknown country in the cloud', {
        field: 'countryCode',
        reason: 'unknown',
      });
    const created = this.platforms.create('amazon', name.data);
    this.platforms.update(created.id, { useCloud: true, countryCode: c.countryCode });
    const adopted = this.platforms.patch(created.id, (x) => {
      const linked = { ...x, cloudPlatformId: c.id, cloudCountryCode: c.countryCode };
      if (c.status !== 'authenticated' || !c.sellingPartnerId || !c.authorizedAt) return linked;
      return withAuthEvent(linked, {
        type: 'adopted',
        sellingPartnerId: c.sellingPartnerId,
        authorizedAt: c.authorizedAt,
        ...(c.renewalDueAt ? { renewalDueAt: c.renewalDueAt } : {}),
      });
    });
    this.timeline.add(created.id, { id: 'adoptedFromCloud' }, 'info', `cloud platform ${c.id}`);
    return adopted;
  }

  async remove(cloudPlatformId: string): Promise<{ id: string }> {
    await this.onlyInCloud(cloudPlatformId);
    await this.cloud.deletePlatform(cloudPlatformId);
    return { id: cloudPlatformId };
  }

  /** The cloud platform, refused when a local profile uses it (deleting it there is "Löschen" in the list). */
  private async onlyInCloud(cloudPlatformId: string) {
    if (this.platforms.list().some((p) => p.cloudPlatformId === cloudPlatformId)) {
      throw new CodedError('CLOUD_PLATFORM_IN_USE', 'a platform of this desktop uses it');
    }
    return this.cloud.getPlatform(cloudPlatformId);
  }
}
