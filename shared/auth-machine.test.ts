// The machine against its table of arrows, and docs/architecture.md's diagram against the same table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  AUTH_ARROWS,
  AUTH_STATUSES,
  transition,
  type AuthEvent,
  type AuthEventType,
  type AuthStatus,
} from './auth-machine';
import type { AuthState } from './platform';

const AT = '2026-03-01T10:00:00.000Z';
const previous = { sellingPartnerId: 'A1OLD', authorizedAt: '2025-03-01T10:00:00.000Z', storeName: 'Old store' };
const waitingBase = {
  status: 'waiting',
  mode: 'refresh',
  authorizationId: 'a1',
  expiresAt: AT,
  startedAt: AT,
} as const;

/** Every state in its variants (with and without a previous authentication, both origins). */
const SAMPLES: AuthState[] = [
  { status: 'not_authenticated' },
  {
    ...waitingBase,
    origin: 'desktop',
    consentUrl: 'https://cloud.example/oauth/amazon/start/a1',
    browserOpened: true,
    previous,
  },
  {
    ...waitingBase,
    origin: 'desktop',
    consentUrl: 'https://cloud.example/oauth/amazon/start/a1',
    browserOpened: false,
    mode: 'login',
    cloudUnreachableSince: AT,
  },
  { ...waitingBase, origin: 'amazon', previous, hint: { code: 'AUTH_TIMEOUT' } },
  { ...waitingBase, origin: 'amazon', mode: 'login' },
  { status: 'authenticated', ...previous },
  { status: 'seller_changed', authorizationId: 'a1', at: AT, previous, next: { sellingPartnerId: 'A2NEW' } },
  { status: 'failed', at: AT, error: { code: 'CLOUD_ERROR' } },
  { status: 'failed', at: AT, previous },
  { status: 'expired', at: AT, error: { code: 'AUTH_TIMEOUT' } },
  { status: 'expired', at: AT, previous },
  { status: 'cancelled', at: AT },
  { status: 'sign_in_required', at: AT, error: { code: 'REGION_CHANGED' }, previous },
];

const EVENTS: AuthEvent[] = [
  {
    type: 'started',
    mode: 'login',
    authorizationId: 'a2',
    consentUrl: 'https://cloud.example/oauth/amazon/start/a2',
    expiresAt: AT,
    at: AT,
  },
  { type: 'browserOpened', opened: false },
  { type: 'followed', mode: 'refresh', authorizationId: 'a3', expiresAt: AT, at: AT },
  { type: 'cloudUnreachable', at: AT },
  { type: 'cloudReachable' },
  { type: 'hintReported', code: 'NOT_AUTHENTICATED' },
  { type: 'sellerChanged', authorizationId: 'a1', at: AT, next: { sellingPartnerId: 'A2NEW' } },
  { type: 'authenticated', authorizationId: 'a1', sellingPartnerId: 'A1OLD', authorizedAt: AT },
  ...(['failed', 'expired', 'cancelled'] as const).map((status): AuthEvent => ({
    type: 'ended',
    authorizationId: 'a1',
    status,
    at: AT,
  })),
  { type: 'ended', authorizationId: 'other', status: 'failed', at: AT },
  { type: 'sellerKept', authorizationId: 'a1' },
  { type: 'sellerSwitched', authorizationId: 'a1', authorizedAt: AT },
  { type: 'regionChanged', at: AT, params: { region: 'NA' } },
  { type: 'authorizationRevoked', at: AT, code: 'REFRESH_TOKEN_REVOKED' },
  { type: 'storeNameLearned', storeName: 'New store' },
  { type: 'expiredReported', code: 'NOT_AUTHENTICATED' },
  { type: 'adopted', sellingPartnerId: 'A9', authorizedAt: AT },
  { type: 'disconnected' },
];

function arrows(): Set<string> {
  const out = new Set<string>();
  for (const [event, groups] of Object.entries(AUTH_ARROWS) as [
    AuthEventType,
    readonly { from: readonly AuthStatus[]; to: readonly AuthStatus[] }[],
  ][]) {
    for (const { from, to } of groups) for (const f of from) for (const t of to) out.add(`${f} ${event} ${t}`);
  }
  return out;
}

/** The mermaid lines of the table: one line per pair of states, its events joined. */
function diagram(): string {
  const pairs = new Map<string, AuthEventType[]>();
  for (const arrow of arrows()) {
    const [from, event, to] = arrow.split(' ') as [AuthStatus, AuthEventType, AuthStatus];
    const key = `${from} --> ${to}`;
    pairs.set(key, [...(pairs.get(key) ?? []), event]);
  }
  return [
    '    [*] --> not_authenticated',
    ...[...pairs].map(([pair, events]) => `    ${pair}: ${events.join(', ')}`),
  ].join('\n');
}

describe('auth machine', () => {
  it('takes only the arrows of its table, and every arrow of the table is taken', () => {
    const taken = new Set<string>();
    for (const auth of SAMPLES) {
      for (const event of EVENTS) {
        const next = transition(auth, event);
        if (next === auth) continue;
        const arrow = `${auth.status} ${event.type} ${next.status}`;
        expect(arrows(), arrow).toContain(arrow);
        taken.add(arrow);
      }
    }
    expect([...arrows()].filter((a) => !taken.has(a))).toEqual([]);
  });

  it('knows every status of the schema', () => {
    expect(new Set(SAMPLES.map((s) => s.status))).toEqual(new Set(AUTH_STATUSES));
  });

  it('ignores answers for another authorization and keeps the previous authentication of a cancelled refresh', () => {
    const waiting = SAMPLES[1]!;
    expect(
      transition(waiting, { type: 'authenticated', authorizationId: 'other', sellingPartnerId: 'X', authorizedAt: AT }),
    ).toBe(waiting);
    expect(transition(waiting, { type: 'ended', authorizationId: 'a1', status: 'cancelled', at: AT })).toEqual({
      status: 'authenticated',
      ...previous,
    });
    // The same seller keeps its store name; the amazon-started variant has no link to open again.
    expect(
      transition(waiting, {
        type: 'authenticated',
        authorizationId: 'a1',
        sellingPartnerId: 'A1OLD',
        authorizedAt: AT,
      }),
    ).toMatchObject({ storeName: 'Old store' });
    expect(transition(SAMPLES[3]!, { type: 'browserOpened', opened: false })).toBe(SAMPLES[3]);
  });

  it('offers the buttons of each state', () => {
    expect([...allowedActions(SAMPLES[0]!)].sort()).toEqual(['armScenario', 'login', 'pairingCode']);
    expect([...allowedActions(SAMPLES[1]!)].sort()).toEqual(['cancel', 'reopenConsent', 'reportSellerCentralError']);
    expect([...allowedActions(SAMPLES[3]!)].sort()).toEqual(['cancel', 'reportSellerCentralError']);
    expect([...allowedActions(SAMPLES[5]!)].sort()).toEqual([
      'armScenario',
      'importSettings',
      'pairingCode',
      'refresh',
    ]);
    expect(allowedActions(SAMPLES[6]!).has('resolveSellerChange')).toBe(true);
    expect([...allowedActions(SAMPLES[10]!)].sort()).toEqual([
      'armScenario',
      'importSettings',
      'pairingCode',
      'refresh',
      'reportSellerCentralError',
    ]);
  });

  it('is the diagram of docs/architecture.md', () => {
    const doc = readFileSync(join(__dirname, '..', 'docs', 'architecture.md'), 'utf8');
    const block =
      /<!-- auth-machine:begin -->\n```mermaid\nstateDiagram-v2\n([\s\S]*?)\n```\n<!-- auth-machine:end -->/.exec(
        doc,
      )?.[1];
    expect(block, `docs/architecture.md should show:\n${diagram()}`).toBe(diagram());
  });
});
