// The platform profile as the renderer sees it (no secrets). The store keeps the same shape.
import { z } from 'zod';
import { cloudMarketplaceSchema, countryCodeSchema, platformRenameNoticeSchema } from './cloud-api';
import { errorCodeSchema } from './error-codes';
import { platformNameSchema } from './platform-name-schema';

export const PLATFORM_TYPES = ['amazon'] as const;

/** The one name rule (normalisation, limit, comparison) lives in platform-name.ts. */
export { platformNameSchema } from './platform-name-schema';

/** A marketplace as the cloud's settings import returns it (CloudMarketplace), plus the user's choice. */
const marketplaceSchema = cloudMarketplaceSchema.extend({
  /** Chosen by the user for use in the ERP. */
  selected: z.boolean(),
});
export type Marketplace = z.infer<typeof marketplaceSchema>;

const previousAuthSchema = z.object({
  sellingPartnerId: z.string(),
  authorizedAt: z.string(),
  renewalDueAt: z.string().optional(),
  /** The seller's store name (SP-API Sellers), once known. */
  storeName: z.string().optional(),
});

const sellerSchema = z.object({ sellingPartnerId: z.string(), storeName: z.string().optional() });

const waitingFields = {
  status: z.literal('waiting'),
  mode: z.enum(['login', 'refresh']),
  authorizationId: z.string(),
  expiresAt: z.string(),
  startedAt: z.string(),
  /** Set while the cloud cannot be reached; waiting goes on with backoff until expiresAt. */
  cloudUnreachableSince: z.string().optional(),
  /** The authentication that stays valid while a refresh runs. */
  previous: previousAuthSchema.optional(),
  /** What the merchant reported Seller Central shows, when waiting goes on (e.g. a rejected one-time code). */
  hint: z.object({ code: errorCodeSchema, params: z.record(z.string(), z.string()).optional() }).optional(),
};

/** Who started the sign-in: ANMELDEN here (a consent link of ours), or Seller Central / the Appstore (no link to open). */
const waitingSchema = z.discriminatedUnion('origin', [
  z.object({
    ...waitingFields,
    origin: z.literal('desktop'),
    consentUrl: z.string(),
    /** False when the system browser could not be opened: the UI then stresses "Link kopieren". */
    browserOpened: z.boolean(),
  }),
  z.object({ ...waitingFields, origin: z.literal('amazon') }),
]);

/**
 * Versions before `origin` marked a sign-in started on Amazon with sentinels (`consentUrl: ''`,
 * `browserOpened: true`, `startedOnAmazon: true`); such persisted states are read as `origin: 'amazon'`.
 */
function migrateLegacyAuth(auth: unknown): unknown {
  if (typeof auth !== 'object' || auth === null || Array.isArray(auth)) return auth;
  const a = auth as Record<string, unknown>;
  if (a.status !== 'waiting' || 'origin' in a) return auth;
  const { startedOnAmazon, consentUrl, browserOpened, ...rest } = a;
  if (startedOnAmazon === true || consentUrl === '') return { ...rest, origin: 'amazon' };
  return { ...rest, origin: 'desktop', consentUrl, browserOpened };
}

const authStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not_authenticated') }),
  waitingSchema,
  z.object({
    status: z.literal('authenticated'),
    sellingPartnerId: z.string(),
    authorizedAt: z.string(),
    renewalDueAt: z.string().optional(),
    storeName: z.string().optional(),
    /** The user switched to this seller after a refresh brought it instead of this one. */
    previousSellingPartnerId: z.string().optional(),
  }),
  z.object({
    /**
     * A refresh brought another seller account. The previous authentication stays valid until the user
     * answers: keep it (the cloud drops the new token) or switch (imported marketplaces are cleared).
     */
    status: z.literal('seller_changed'),
    authorizationId: z.string(),
    at: z.string(),
    previous: previousAuthSchema,
    next: sellerSchema,
  }),
  z.object({
    /** sign_in_required: the sign-in no longer fits the platform (REGION_CHANGED); ANMELDEN, not AKTUALISIEREN. */
    status: z.enum(['failed', 'expired', 'cancelled', 'sign_in_required']),
    at: z.string(),
    error: z
      .object({
        code: errorCodeSchema,
        detail: z.string().optional(),
        params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      })
      .optional(),
    /** The last good authentication survives a failed refresh. */
    previous: previousAuthSchema.optional(),
  }),
]);
export type AuthState = z.infer<typeof authStateSchema>;

export const platformSchema = z.object({
  id: z.string(),
  type: z.enum(PLATFORM_TYPES),
  name: platformNameSchema,
  active: z.boolean(),
  useCloud: z.boolean(),
  countryCode: countryCodeSchema,
  createdAt: z.string(),
  /** The cloud's id once the platform is registered there. */
  cloudPlatformId: z.string().optional(),
  auth: z.preprocess(migrateLegacyAuth, authStateSchema),
  marketplaces: z.array(marketplaceSchema).optional(),
  /** Entries of the last import outside Amazon's marketplace table ("Non-Amazon", undocumented ids): kept, never offered. */
  otherMarketplaces: z.array(cloudMarketplaceSchema).optional(),
  marketplacesImportedAt: z.string().optional(),
  /**
   * The import the core starts by itself after the first authentication (electron/core/auto-import.ts):
   * running, or failed with the import's error. It never changes the authentication; a manual import
   * that succeeds clears it.
   */
  autoImport: z
    .discriminatedUnion('status', [
      z.object({ status: z.literal('running'), since: z.string() }),
      z.object({
        status: z.literal('failed'),
        at: z.string(),
        error: z.object({
          code: errorCodeSchema,
          params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
        }),
      }),
    ])
    .optional(),
  /** The country the cloud platform was registered with (a region change re-registers it). */
  cloudCountryCode: countryCodeSchema.optional(),
  /** Stable per registration attempt, so a retried POST /v1/platforms is idempotent. */
  cloudIdempotencyKey: z.string().optional(),
  /** The body sent with cloudIdempotencyKey, so a replay after a lost answer is the same request. */
  cloudIdempotencyRequest: z.object({ name: platformNameSchema, countryCode: countryCodeSchema }).optional(),
  /**
   * The cloud's upgrade renamed this platform in the cloud account (a name clash under the shared name
   * rule): shown on the platform until the merchant acknowledges it (electron/core/rename-notices.ts).
   */
  cloudRenameNotice: platformRenameNoticeSchema.optional(),
  /** Sandbox mode: a scenario and/or seeded account support armed for this platform's next ANMELDEN. */
  sandboxArmed: z
    .object({ scenario: z.string().optional(), account: z.string().optional(), replayOf: errorCodeSchema.optional() })
    .optional(),
});
export type Platform = z.infer<typeof platformSchema>;

export type ValidAuthorization = z.infer<typeof previousAuthSchema>;
