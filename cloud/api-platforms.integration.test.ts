// The cloud API without Amazon, over real HTTP: platforms (register, list, rename, delete, idempotency)
// and bad input, answered with 400 and a code, never a stack trace.
import { describe, expect, it } from 'vitest';
import { CLOUD_ERROR_CODES } from '../shared/cloud-api';
import { useApiCloud } from './testing/api-cloud';

const api = useApiCloud();

describe('platforms', () => {
  it('registers, lists, reads and deletes a platform (delete is idempotent)', async () => {
    const created = await api.a.createPlatform('Amazon 123456', 'UK', 'EU');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'amazon',
      name: 'Amazon 123456',
      region: 'EU',
      countryCode: 'UK',
      status: 'not_authenticated',
    });
    const id = created.body.id;
    expect((await api.a.raw('GET', `/v1/platforms/${id}`)).body).toEqual(created.body);
    expect((await api.a.raw('GET', '/v1/platforms')).body.platforms.map((p: { id: string }) => p.id)).toContain(id);
    expect((await api.a.raw('DELETE', `/v1/platforms/${id}`)).status).toBe(204);
    expect((await api.a.raw('DELETE', `/v1/platforms/${id}`)).status).toBe(204);
    expect((await api.a.raw('GET', `/v1/platforms/${id}`)).body.error.code).toBe('PLATFORM_NOT_FOUND');
    // The name is free again.
    expect((await api.a.createPlatform('Amazon 123456', 'UK', 'EU')).status).toBe(201);
  });

  it('a second platform with the same name in a tenant gets 409 PLATFORM_NAME_TAKEN; another tenant may use it', async () => {
    const taken = api.name();
    expect((await api.a.createPlatform(taken)).status).toBe(201);
    const again = await api.a.createPlatform(taken);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PLATFORM_NAME_TAKEN');
    expect((await api.b.createPlatform(taken)).status).toBe(201);
  });

  it('renames a platform (PATCH), refusing a name the tenant already uses and an empty one', async () => {
    const first = api.name();
    const second = api.name();
    const id = (await api.a.createPlatform(first)).body.id as string;
    await api.a.createPlatform(second);
    const renamed = await api.a.raw('PATCH', `/v1/platforms/${id}`, { body: { name: `${first} neu` } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe(`${first} neu`);
    expect((await api.a.raw('GET', `/v1/platforms/${id}`)).body.name).toBe(`${first} neu`);
    const clash = await api.a.raw('PATCH', `/v1/platforms/${id}`, { body: { name: second } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('PLATFORM_NAME_TAKEN');
    expect((await api.a.raw('PATCH', `/v1/platforms/${id}`, { body: { name: ' ' } })).status).toBe(400);
    // The old name is free again.
    expect((await api.a.createPlatform(first)).status).toBe(201);
  });

  it('replays the original answer for the same Idempotency-Key', async () => {
    const first = await api.a.createPlatform('Idempotent', 'DE', 'EU', 'key-1');
    const replay = await api.a.createPlatform('Idempotent', 'DE', 'EU', 'key-1');
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const other = await api.a.createPlatform('Different', 'DE', 'EU', 'key-1');
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Keys belong to a tenant.
    expect((await api.b.createPlatform('Idempotent', 'DE', 'EU', 'key-1')).body.id).not.toBe(first.body.id);
  });
});

describe('bad input: 400 with a code and a message, never a stack trace', () => {
  const cases: [string, unknown][] = [
    ['missing fields', { type: 'amazon' }],
    ['unknown type', { type: 'ebay', name: 'x', region: 'EU', countryCode: 'DE' }],
    ['country outside the region', { type: 'amazon', name: 'x', region: 'NA', countryCode: 'DE' }],
    ['unknown country', { type: 'amazon', name: 'x', region: 'EU', countryCode: 'XX' }],
    ['empty name', { type: 'amazon', name: '  ', region: 'EU', countryCode: 'DE' }],
    ['malformed JSON', '{"type":'],
  ];
  it.each(cases)('%s', async (_label, body) => {
    const res = await api.a.raw('POST', '/v1/platforms', { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
    expect(res.body.error.message).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('a too large body, a wrong content type, an out-of-range wait and an unknown route', async () => {
    const big = await api.a.raw('POST', '/v1/platforms', {
      body: { type: 'amazon', name: 'x'.repeat(20_000), region: 'EU', countryCode: 'DE' },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const xml = await api.a.raw('POST', '/v1/platforms', {
      body: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const id = await api.platform();
    const auth = await api.a.startAuthorization(id);
    expect((await api.a.raw('GET', `/v1/authorizations/${auth.body.id}?wait=31`)).body.error.code).toBe(
      'INVALID_REQUEST',
    );
    expect((await api.a.raw('GET', '/v1/nothing')).body.error.code).toBe('NOT_FOUND');
    expect((await api.a.raw('POST', `/v1/platforms/${id}/authorizations`, { body: { mode: 'sideways' } })).status).toBe(
      400,
    );
  });

  it('every code the cloud can send is in the shared list', async () => {
    const res = await api.a.raw('GET', '/v1/platforms/plt_unknown');
    expect(Object.keys(CLOUD_ERROR_CODES)).toContain(res.body.error.code);
  });
});
