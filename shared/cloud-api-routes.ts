// Every route of the cloud's tenant API as data: method, path, and the zod schemas of its request parts
// and of its answers per status code. The cloud declares its routes with these entries (Fastify's zod
// type provider validates the request, serialises the answer — unknown fields are stripped — and
// @fastify/swagger turns them into GET /openapi.json); the desktop's cloud client sends to the same
// path and parses each answer with the same entry's schema. One contract, no hand-written copy.
import { z } from 'zod';
import {
  AMAZON_CALLBACK_PATH,
  AMAZON_LOGIN_PATH,
  AMAZON_START_PATH,
  authorizationQuerySchema,
  callbackSuccessSchema,
  authorizationSchema,
  cloudPlatformSchema,
  createAuthorizationRequestSchema,
  createAuthorizationResponseSchema,
  createPlatformRequestSchema,
  errorBodySchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  pairingCodeSchema,
  platformChangesQuerySchema,
  platformChangesSchema,
  platformListSchema,
  renamePlatformRequestSchema,
  sellerChangeRequestSchema,
  settingsImportResponseSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  whoamiResponseSchema,
} from './cloud-api';
import { safeText } from './safe-text';

/** Every failure answers with `{ error: { code, message } }` (shared/cloud-api.ts). */
const errors = { '4xx': errorBodySchema, '5xx': errorBodySchema } as const;

const idParams = z.object({ id: safeText().min(1).max(100) });

/** Only the header this route reads is declared; the others pass through untouched. */
const idempotencyHeaders = z.looseObject({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKeySchema.optional() });

/** The parameters of Amazon's redirect (docs/amazon.md §1.4); each checked before the state is touched. */
const callbackParam = safeText().max(4096).optional();
const callbackQuerySchema = z.object({
  state: callbackParam,
  selling_partner_id: callbackParam,
  spapi_oauth_code: callbackParam,
  mws_auth_token: callbackParam,
  error: callbackParam,
  error_description: callbackParam,
});

/**
 * The pairing-code form of the callback's page (form-encoded, docs/amazon.md §1.6): Amazon's redirect
 * parameters as they came, the sealed consent and the code the desktop shows.
 */
const callbackFormSchema = callbackQuerySchema.omit({ error: true, error_description: true }).extend({
  consent: safeText().max(4096).optional(),
  code: z.string().max(40),
});

/** The start link's signed state (the same one Amazon brings back). */
const startQuerySchema = z.object({ state: safeText().max(2048).optional() });

/** The Login URI's parameters (docs/amazon.md §1.6). Control characters are refused like any other malformed value. */
const loginParam = safeText().max(2048).optional();
const loginQuerySchema = z.object({
  amazon_callback_uri: loginParam,
  amazon_state: loginParam,
  selling_partner_id: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9]*$/)
    .optional(),
  // Amazon sends version=beta for a Draft app; the cloud answers from its own configuration (amazon.draftApp).
  version: z
    .string()
    .max(20)
    .regex(/^[a-z0-9]*$/)
    .optional(),
});

export interface CloudRouteSchemas {
  params?: z.ZodType;
  querystring?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
  /** By status code; '4xx' and '5xx' stand for every client and server error. */
  response: { [status: number]: z.ZodType; '4xx'?: z.ZodType; '5xx'?: z.ZodType };
}

export interface CloudRoute<S extends CloudRouteSchemas = CloudRouteSchemas> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The full path, with Fastify's `:param` placeholders. */
  path: string;
  summary: string;
  schema: S;
}

const route = <S extends CloudRouteSchemas>(r: CloudRoute<S>) => r;

export const CLOUD_ROUTES = {
  token: route({
    method: 'POST',
    path: '/oauth/token',
    summary:
      'A bearer token for the Client-ID and Client-Secret (HTTP Basic or form body; grant_type=client_credentials).',
    schema: { body: tokenRequestSchema, response: { 200: tokenResponseSchema, ...errors } },
  }),
  whoami: route({
    method: 'GET',
    path: '/v1/whoami',
    summary: "The tenant of the bearer token (the ERP's TESTEN button).",
    schema: { response: { 200: whoamiResponseSchema, ...errors } },
  }),
  listPlatforms: route({
    method: 'GET',
    path: '/v1/platforms',
    summary: "The tenant's platforms.",
    schema: { response: { 200: platformListSchema, ...errors } },
  }),
  createPlatform: route({
    method: 'POST',
    path: '/v1/platforms',
    summary: 'Registers a platform; a replay with the same Idempotency-Key answers the first result.',
    schema: {
      headers: idempotencyHeaders,
      body: createPlatformRequestSchema,
      response: { 201: cloudPlatformSchema, ...errors },
    },
  }),
  platformChanges: route({
    method: 'GET',
    path: '/v1/platforms/changes',
    summary: "Long-poll: sign-ins that started on Amazon's side (Login URI) after the cursor `since`.",
    schema: { querystring: platformChangesQuerySchema, response: { 200: platformChangesSchema, ...errors } },
  }),
  getPlatform: route({
    method: 'GET',
    path: '/v1/platforms/:id',
    summary: 'One platform, with the latest calls to Amazon made for it.',
    schema: { params: idParams, response: { 200: cloudPlatformSchema, ...errors } },
  }),
  renamePlatform: route({
    method: 'PATCH',
    path: '/v1/platforms/:id',
    summary: 'Renames a platform (unique within the tenant).',
    schema: { params: idParams, body: renamePlatformRequestSchema, response: { 200: cloudPlatformSchema, ...errors } },
  }),
  deletePlatform: route({
    method: 'DELETE',
    path: '/v1/platforms/:id',
    summary: 'Deletes a platform and its tokens; pending sign-ins are cancelled. Idempotent.',
    schema: { params: idParams, response: { 204: z.null().describe('No content'), ...errors } },
  }),
  acknowledgeRenameNotice: route({
    method: 'POST',
    path: '/v1/platforms/:id/rename-notice/acknowledge',
    summary:
      "The merchant has seen the rename the cloud's upgrade made (renamedByUpgrade): it is no longer listed. Idempotent.",
    schema: { params: idParams, response: { 204: z.null().describe('No content'), ...errors } },
  }),
  importSettings: route({
    method: 'POST',
    path: '/v1/platforms/:id/settings/import',
    summary: "Imports the seller's marketplaces from SP-API Sellers.",
    schema: { params: idParams, response: { 200: settingsImportResponseSchema, ...errors } },
  }),
  createPairingCode: route({
    method: 'POST',
    path: '/v1/platforms/:id/pairing-code',
    summary: 'A short single-use code the seller types at the Login URI.',
    schema: { params: idParams, response: { 201: pairingCodeSchema, ...errors } },
  }),
  createAuthorization: route({
    method: 'POST',
    path: '/v1/platforms/:id/authorizations',
    summary: 'Starts a sign-in (login or refresh): the consent URL to open.',
    schema: {
      params: idParams,
      body: createAuthorizationRequestSchema,
      response: { 201: createAuthorizationResponseSchema, ...errors },
    },
  }),
  getAuthorization: route({
    method: 'GET',
    path: '/v1/authorizations/:id',
    summary: "Long-poll: the sign-in's status, held up to `wait` seconds while it is pending.",
    schema: {
      params: idParams,
      querystring: authorizationQuerySchema,
      response: { 200: authorizationSchema, ...errors },
    },
  }),
  decideSellerChange: route({
    method: 'POST',
    path: '/v1/authorizations/:id/seller-change',
    summary: 'Keeps the previous seller or switches to the new one after a refresh brought another.',
    schema: { params: idParams, body: sellerChangeRequestSchema, response: { 200: authorizationSchema, ...errors } },
  }),
  cancelAuthorization: route({
    method: 'POST',
    path: '/v1/authorizations/:id/cancel',
    summary: 'Cancels a pending sign-in.',
    schema: { params: idParams, response: { 200: authorizationSchema, ...errors } },
  }),
  amazonCallback: route({
    method: 'GET',
    path: AMAZON_CALLBACK_PATH,
    summary:
      "Amazon's redirect after the seller's consent: the code is exchanged and stored; the browser sees raw JSON.",
    schema: { querystring: callbackQuerySchema, response: { 200: callbackSuccessSchema, ...errors } },
  }),
  amazonCallbackCode: route({
    method: 'POST',
    path: AMAZON_CALLBACK_PATH,
    summary:
      "The pairing-code form of the callback's page after a Login URI sign-in for a seller id no single platform has (form-encoded): the raw JSON as on the redirect, or the page again.",
    schema: { body: callbackFormSchema, response: { 200: callbackSuccessSchema, ...errors } },
  }),
  amazonStart: route({
    method: 'GET',
    path: `${AMAZON_START_PATH}/:id`,
    summary:
      "The consent link the desktop opens: binds the browser to the pending sign-in (short-lived HttpOnly cookie) and redirects to Seller Central's consent URL.",
    schema: { params: idParams, querystring: startQuerySchema, response: {} },
  }),
  loginUri: route({
    method: 'GET',
    path: AMAZON_LOGIN_PATH,
    summary:
      'The Login URI (Re-Authorize in Seller Central, Authorize now in the Appstore): a redirect back to Amazon with a state, alike for every seller id; an HTML page only for a request that does not lead back to Amazon.',
    schema: { querystring: loginQuerySchema, response: {} },
  }),
} as const;

export type CloudRouteName = keyof typeof CLOUD_ROUTES;

/** The schema of a route's successful answer (the one status code below 300 it declares). */
export function successSchema<N extends CloudRouteName>(name: N): SuccessSchema<N> {
  const response = CLOUD_ROUTES[name].schema.response as Record<string, z.ZodType>;
  const status = Object.keys(response).find((s) => /^2\d\d$/.test(s))!;
  return response[status] as SuccessSchema<N>;
}

type Responses<N extends CloudRouteName> = (typeof CLOUD_ROUTES)[N]['schema']['response'];
type SuccessSchema<N extends CloudRouteName> = Responses<N>[Extract<keyof Responses<N>, 200 | 201 | 204>];

/** The path with its `:param` placeholders filled in (each value URL-encoded). */
export function cloudPath(name: CloudRouteName, params: Record<string, string> = {}): string {
  return CLOUD_ROUTES[name].path.replace(/:([a-zA-Z]+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
}
