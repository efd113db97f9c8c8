// Registering a desktop platform in the cloud (POST /v1/platforms, idempotent by Idempotency-Key).
// The key is stored with the platform before the request and dropped once the answer arrived, so a
// lost answer (dropped connection, proxy, a cloud killed while answering) is replayed, not mistaken for
// a name clash: with a pending key the create is sent again first, and the cloud answers the platform
// it created then. Only a refusal of a create the cloud has not seen is a clash (PLATFORM_NAME_TAKEN).
import { randomUUID } from 'node:crypto';
import { countryByCode } from '../../../shared/amazon-regions';
import type { Platform } from '../../../shared/platform';
import { CodedError } from '../../../shared/result';
import { samePlatformName } from '../../../shared/platform-name';
import type { CloudClient } from '../cloud-client';
import { nameTaken, type PlatformService } from '../platforms';
import type { Timeline } from '../timeline';

interface RegistrationDeps {
  platforms: PlatformService;
  cloud: CloudClient;
  timeline: Timeline;
}

/** Registers the platform in the cloud (idempotent), or again when its country changed; its cloud id. */
export async function ensureRegistered(d: RegistrationDeps, p: Platform): Promise<string> {
  const { cloud } = d;
  if (p.cloudIdempotencyKey) {
    const replayed = await replayPending(d, p);
    if (replayed) return replayed;
    p = d.platforms.get(p.id);
  }
  if (p.cloudPlatformId && p.cloudCountryCode === p.countryCode) {
    try {
      await cloud.getPlatform(p.cloudPlatformId);
      return p.cloudPlatformId;
    } catch (error) {
      if (!(error instanceof CodedError && error.code === 'PLATFORM_NOT_FOUND')) throw error;
      d.timeline.add(p.id, { id: 'platformMissingInCloud' }, 'info');
    }
  } else if (p.cloudPlatformId) {
    // The consent URL's host follows the country; a new country means a new cloud platform.
    await cloud.deletePlatform(p.cloudPlatformId).catch((e: unknown) => {
      if (!(e instanceof CodedError && e.code === 'PLATFORM_NOT_FOUND')) throw e;
    });
    d.timeline.add(p.id, { id: 'countryChanged' }, 'info', `${p.cloudCountryCode} → ${p.countryCode}`);
  }
  const others = (await cloud.listPlatforms()).platforms;
  if (others.some((o) => o.id !== p.cloudPlatformId && samePlatformName(o.name, p.name)))
    throw nameTaken(p.name, 'cloud', taken(d, others));
  const key = randomUUID();
  d.platforms.patch(p.id, (x) => ({
    ...x,
    cloudIdempotencyKey: key,
    cloudIdempotencyRequest: { name: p.name, countryCode: p.countryCode },
  }));
  return create(d, p, key, { name: p.name, countryCode: p.countryCode });
}

/**
 * A create whose answer never arrived: send it again with the same key and body. The cloud answers the
 * platform it created then (adopted here, renamed when the Bezeichnung changed since), or creates it now.
 * Undefined when the replay cannot be matched (a profile of an older version, which kept no body, renamed
 * since): the key is dropped.
 */
async function replayPending(d: RegistrationDeps, p: Platform): Promise<string | undefined> {
  const key = p.cloudIdempotencyKey!;
  const request = p.cloudIdempotencyRequest ?? { name: p.name, countryCode: p.countryCode };
  d.timeline.add(p.id, { id: 'registrationReplayed' }, 'info');
  try {
    const id = await create(d, p, key, request);
    const now = d.platforms.get(p.id);
    if (now.name !== request.name) {
      await d.cloud.renamePlatform(id, now.name);
      d.timeline.add(p.id, { id: 'renamedInCloud' }, 'ok');
    }
    // A changed country: registered anew by the caller's country rule.
    return now.countryCode === request.countryCode ? id : ensureRegistered(d, d.platforms.get(p.id));
  } catch (error) {
    if (error instanceof CodedError && error.code === 'IDEMPOTENCY_KEY_REUSED') {
      forgetKey(d, p.id);
      return undefined;
    }
    throw error;
  }
}

async function create(
  d: RegistrationDeps,
  p: Platform,
  key: string,
  request: { name: string; countryCode: string },
): Promise<string> {
  const region = countryByCode(request.countryCode)!.region;
  const created = await d.cloud
    .createPlatform({ type: 'amazon', name: request.name, region, countryCode: request.countryCode }, key)
    .catch(async (e: unknown) => {
      // The cloud had not seen this key: the name is taken (another desktop of the account registered it).
      if (!(e instanceof CodedError && e.code === 'PLATFORM_NAME_TAKEN')) throw e;
      forgetKey(d, p.id);
      const others = await d.cloud.listPlatforms().then(
        (l) => l.platforms,
        () => [],
      );
      throw nameTaken(request.name, 'cloud', taken(d, others));
    });
  d.platforms.patch(p.id, (x) => {
    const { cloudIdempotencyKey: _used, cloudIdempotencyRequest: _body, ...rest } = x;
    return { ...rest, cloudPlatformId: created.id, cloudCountryCode: request.countryCode };
  });
  d.timeline.add(p.id, { id: 'platformRegistered' }, 'ok', `region ${region}`);
  return created.id;
}

function forgetKey(d: RegistrationDeps, platformId: string): void {
  d.platforms.patch(platformId, (x) => {
    const { cloudIdempotencyKey: _key, cloudIdempotencyRequest: _body, ...rest } = x;
    return rest;
  });
}

/** The name is unique in the cloud account too; a suggestion avoids both the account's and the app's names. */
function taken(d: RegistrationDeps, others: Array<{ name: string }>): string[] {
  return [...others.map((o) => o.name), ...d.platforms.list().map((x) => x.name)];
}
