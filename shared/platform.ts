// The platform profile as the renderer sees it (no secrets). The store keeps the same shape.
import { z } from 'zod';
import { COUNTRY_CODES } from './amazon-regions';
import { marketplaceSchema as cloudMarketplaceSchema } from './cloud-api';

export const PLATFORM_TYPES = ['amazon'] as const;

export const platformNameSchema = z
  .string()
  .trim()
  .min(1, 'NAME_REQUIRED')
  .max(80, 'NAME_TOO_LONG')
  .refine((s) => !/\p{Cc}/u.test(s), 'NAME_INVALID');

export const countryCodeSchema = z.enum(COUNTRY_CODES as [string, ...string[]]);

/** A marketplace as the cloud's settings import returns it, plus the user's choice. */
export const marketplaceSchema = cloudMarketplaceSchema.extend({
  /** Chosen by the user for use in the ERP. */
  selected: z.boolean(),
});
export type Marketplace = z.infer<typeof marketplaceSchema>;

const previousAuthSchema = z.object({ sellingPartnerId: z.string(), authorizedAt: z.string(), renewalDueAt: z.string().optional() });

export const authStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not_authenticated') }),
  z.object({
    status: z.literal('waiting'),
    mode: z.enum(['login', 'refresh']),
    authorizationId: z.string(),
    consentUrl: z.string(),
    expiresAt: z.string(),
    startedAt: z.string(),
    /** False when the system browser could not be opened: the UI then stresses "Link kopieren". */
    browserOpened: z.boolean(),
    /** Set while the cloud cannot be reached; waiting goes on with backoff until expiresAt. */
    cloudUnreachableSince: z.string().optional(),
    /** The authentication that stays valid while a refresh runs. */
    previous: previousAuthSchema.optional(),
    /** What the merchant reported Seller Central shows, when waiting goes on (e.g. a rejected one-time code). */
    hint: z.object({ code: z.string(), params: z.record(z.string(), z.string()).optional() }).optional(),
  }),
  z.object({
    status: z.literal('authenticated'),
    sellingPartnerId: z.string(),
    authorizedAt: z.string(),
    renewalDueAt: z.string().optional(),
    /** A refresh brought a different seller account than before (DESIGN: warn). */
    previousSellingPartnerId: z.string().optional(),
  }),
  z.object({
    status: z.enum(['failed', 'expired', 'cancelled']),
    at: z.string(),
    error: z.object({ code: z.string(), detail: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() }).optional(),
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
  auth: authStateSchema,
  marketplaces: z.array(marketplaceSchema).optional(),
  marketplacesImportedAt: z.string().optional(),
  /** The country the cloud platform was registered with (a region change re-registers it). */
  cloudCountryCode: countryCodeSchema.optional(),
  /** Stable per registration attempt, so a retried POST /v1/platforms is idempotent. */
  cloudIdempotencyKey: z.string().optional(),
  /** Sandbox mode: a scenario and/or seeded account support armed for this platform's next ANMELDEN. */
  sandboxArmed: z.object({ scenario: z.string().optional(), account: z.string().optional(), replayOf: z.string().optional() }).optional(),
});
export type Platform = z.infer<typeof platformSchema>;

export type ValidAuthorization = z.infer<typeof previousAuthSchema>;

/**
 * The authorization the cloud holds for this platform right now: the current one, or — while a refresh
 * runs or after it failed — the previous one, which stays valid until a new exchange succeeds.
 */
export function validAuthorization(p: Platform): ValidAuthorization | undefined {
  const auth = p.auth;
  if (auth.status === 'authenticated') {
    return { sellingPartnerId: auth.sellingPartnerId, authorizedAt: auth.authorizedAt, ...(auth.renewalDueAt ? { renewalDueAt: auth.renewalDueAt } : {}) };
  }
  return auth.status === 'not_authenticated' ? undefined : auth.previous;
}
