// The notice of a rename the cloud's upgrade made (migration 2), between the real core and the real
// cloud: adopting the platform brings the notice and one Protokoll entry; reading the cloud again adds
// no second entry; another desktop of the tenant acknowledging it clears it here at the next read; this
// desktop's own acknowledgement reaches the cloud, and another tenant cannot acknowledge it.
import { describe, expect, it } from 'vitest';
import { TestCloudHttp, type Stack } from '../../cloud/testing/stack';
import type { Desktop } from './testing/desktop';
import { useDesktopStack } from './testing/desktop-stack';

let stack: Stack;
let desk: Desktop;
let client: TestCloudHttp;
let tenantId: string;
let clientId: string;
let clientSecret: string;

useDesktopStack(
  'Umbenannt GmbH',
  (started) =>
    void ({
      stack,
      desk,
      client,
      tenant: { tenantId, clientId, clientSecret },
    } = started),
);

/** A cloud platform as migration 2 leaves it: renamed, with its record in platform_renames. */
async function renamedInCloud(oldName: string, newName: string): Promise<string> {
  const created = await client.createPlatform(newName);
  expect(created.status).toBe(201);
  await stack.cloud.db.query(
    "INSERT INTO platform_renames (platform_id, tenant_id, old_name, new_name, reason, renamed_at) VALUES ($1, $2, $3, $4, 'name clash under the shared name rule', now())",
    [created.body.id, tenantId, oldName, newName],
  );
  return created.body.id as string;
}

const renameEntries = async (id: string) =>
  (await desk.call('getTimeline', { id })).filter(
    (e) => e.step === 'renamed in the cloud account by an upgrade of the cloud',
  );
const resync = () => desk.call('saveCloudSettings', { url: stack.cloud.url, clientId, clientSecret });

describe("the cloud upgrade's rename on the desktop", () => {
  it('comes with the adopted platform, once in the Protokoll, and goes when another desktop acknowledges it', async () => {
    const cloudId = await renamedInCloud('Amazon EU', 'AMAZON EU (2)');
    const adopted = await desk.call('adoptCloudPlatform', { cloudPlatformId: cloudId });
    expect(adopted.cloudRenameNotice).toMatchObject({
      oldName: 'Amazon EU',
      newName: 'AMAZON EU (2)',
      reason: 'name_clash',
    });
    expect(await renameEntries(adopted.id)).toHaveLength(1);

    // Adopting another platform reads the cloud's list again (and waits for it): no second entry.
    const plain = await client.createPlatform('Amazon Nebenbei');
    await desk.call('adoptCloudPlatform', { cloudPlatformId: plain.body.id });
    expect(await renameEntries(adopted.id)).toHaveLength(1);
    expect((await desk.platform(adopted.id)).cloudRenameNotice).toBeDefined();

    // Another desktop of the tenant: "Verstanden" there.
    expect((await client.raw('POST', `/v1/platforms/${cloudId}/rename-notice/acknowledge`)).status).toBe(204);
    await resync();
    const cleared = await desk.until(adopted.id, (p) => p.cloudRenameNotice === undefined);
    expect(cleared.name).toBe('AMAZON EU (2)');
  });

  it('"Verstanden" here acknowledges it in the cloud; another tenant gets 404 for it', async () => {
    const cloudId = await renamedInCloud('Amazon FR', 'AMAZON FR (2)');
    const other = await stack.cloud.createTenant('Fremd GmbH');
    const stranger = new TestCloudHttp(stack.cloud.url, other);
    expect((await stranger.raw('POST', `/v1/platforms/${cloudId}/rename-notice/acknowledge`)).status).toBe(404);

    const adopted = await desk.call('adoptCloudPlatform', { cloudPlatformId: cloudId });
    expect(adopted.cloudRenameNotice).toBeDefined();
    const acknowledged = await desk.call('acknowledgeRenameNotice', { id: adopted.id });
    expect(acknowledged.cloudRenameNotice).toBeUndefined();
    expect((await client.raw('GET', `/v1/platforms/${cloudId}`)).body.renamedByUpgrade).toBeUndefined();
    expect((await desk.call('getTimeline', { id: adopted.id })).map((e) => e.step)).toContain(
      'notice of the rename acknowledged',
    );
    // Again: nothing to do, no error.
    expect((await desk.call('acknowledgeRenameNotice', { id: adopted.id })).cloudRenameNotice).toBeUndefined();
  });
});
