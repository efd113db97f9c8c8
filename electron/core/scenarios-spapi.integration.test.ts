// The sandbox's SP-API scenarios driven through the real core against the real cloud, the real sandbox
// and the real keychain: "Einstellungen importieren" ends with the cloud's code and its German message.
// electron/core/scenario-coverage.test.ts lists these scenarios here.
import { describe, expect, it } from 'vitest';
import type { ScenarioId } from '../../sandbox/scenarios';
import { EU, ended, germanMessage, useScenarioDesk } from './testing/scenario-desk';

const sd = useScenarioDesk('Szenario SP-API GmbH');
const { scenario, authenticated, consent } = sd;

describe('SP-API: Einstellungen importieren', () => {
  it('refresh_revoked → REFRESH_TOKEN_REVOKED, and the platform’s status says so', async () => {
    const p = await authenticated();
    await scenario('refresh_revoked');
    const error = await sd.desk.failure('importSettings', { id: p.id });
    expect(error.code).toBe('REFRESH_TOKEN_REVOKED');
    germanMessage(error.code, error.params);
    expect((await sd.desk.platform(p.id)).auth).toMatchObject({
      status: 'failed',
      error: { code: 'REFRESH_TOKEN_REVOKED' },
    });
    expect(await sd.desk.failure('importSettings', { id: p.id })).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('refresh_revoked during AKTUALISIEREN: the import fails, the running refresh still completes', async () => {
    const p = await authenticated();
    await sd.desk.call('signIn', { id: p.id, mode: 'refresh' });
    const url = sd.desk.opened.at(-1)!;
    await scenario('refresh_revoked', { count: 1 });
    const error = await sd.desk.failure('importSettings', { id: p.id });
    expect(error.code).toBe('REFRESH_TOKEN_REVOKED');
    // The revoked authorization is no longer kept to fall back on, but the seller can still confirm.
    const waiting = await sd.desk.platform(p.id);
    expect(waiting.auth.status).toBe('waiting');
    expect(waiting.auth).not.toHaveProperty('previous');
    await consent(url);
    expect((await sd.desk.until(p.id, ended)).auth).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
    expect((await sd.desk.call('importSettings', { id: p.id })).marketplaces).toHaveLength(8);
  });

  it.each<{ id: ScenarioId; count: number | undefined; code: string }>([
    // Every import until the scenario is removed; the sign-in stays valid.
    { id: 'roles_missing', count: undefined, code: 'SPAPI_ROLES_MISSING' },
    // Once: the next import works.
    { id: 'spapi_429', count: 1, code: 'SPAPI_RATE_LIMITED' },
    { id: 'spapi_500', count: undefined, code: 'SPAPI_SERVER_ERROR' },
  ])('$id → $code', async ({ id, count, code }) => {
    const p = await authenticated();
    await scenario(id, count ? { count } : {});
    const error = await sd.desk.failure('importSettings', { id: p.id });
    expect(error.code).toBe(code);
    const message = germanMessage(error.code, error.params);
    if (code === 'SPAPI_RATE_LIMITED') {
      // With the seconds to wait.
      const retryAfter = error.params?.retryAfter;
      expect(typeof retryAfter === 'number' && retryAfter > 0).toBe(true);
      expect(message).toContain(`${String(retryAfter)} Sekunden`);
    }
    expect((await sd.desk.platform(p.id)).auth.status).toBe('authenticated');
    if (count) expect((await sd.desk.call('importSettings', { id: p.id })).marketplaces).toHaveLength(8);
  });
});
