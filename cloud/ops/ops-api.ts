// The operator's routes as data, like the tenant API's in shared/cloud-api-routes.ts: the cloud declares
// them from these entries (validated, serialised, listed in GET /openapi.json) and the tenant CLI's
// client of a running cloud (admin/admin-cli.ts) parses the answers with the same schemas. Cloud-only:
// the desktop never calls these.
import { z } from 'zod';
import { errorBodySchema } from '../../shared/cloud-api';
import type { CloudRoute, CloudRouteSchemas } from '../../shared/cloud-api-routes';
import { safeText } from '../../shared/safe-text';

const errors = { '4xx': errorBodySchema, '5xx': errorBodySchema } as const;
const route = <S extends CloudRouteSchemas>(r: CloudRoute<S>) => r;

/** One check of /readyz: ok, a sentence, and the facts behind it (versions, days left, …). */
const checkSchema = z.looseObject({ ok: z.boolean(), detail: z.string() });
const readinessSchema = z.object({
  ready: z.boolean(),
  checks: z.object({
    database: checkSchema,
    migrations: checkSchema,
    notifier: checkSchema,
    lwaClientSecret: checkSchema,
  }),
});

export const tenantSummarySchema = z.object({
  tenantId: z.string(),
  name: z.string(),
  clientId: z.string(),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  disabledAt: z.string().optional(),
});
/** Shown once: only the secret's hash is stored. */
export const tenantCredentialsSchema = z.object({
  tenantId: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
});
export const tenantListSchema = z.object({ tenants: z.array(tenantSummarySchema) });
export const tenantDeletedSchema = z.object({
  tenantId: z.string(),
  clientId: z.string(),
  deletedPlatforms: z.number().int(),
});
/** Who acts (recorded in admin_actions); the CLI sends its user's login name. */
export const OPERATOR_HEADER = 'x-operator';

/** A tenant as an operator names it: its id or its Client-ID. */
const refParams = z.object({ ref: safeText().min(1).max(100) });

export const OPS_ROUTES = {
  healthz: route({
    method: 'GET',
    path: '/healthz',
    summary: 'The process answers (loopback only unless opsAllowRemote).',
    schema: { response: { 200: z.object({ status: z.literal('ok') }), ...errors } },
  }),
  readyz: route({
    method: 'GET',
    path: '/readyz',
    summary:
      'May a load balancer send traffic here: database, migrations, LWA client secret (503 with the failing check).',
    schema: { response: { 200: readinessSchema, 503: readinessSchema, ...errors } },
  }),
  metrics: route({
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus metrics (text; the admin credential unless metricsWithoutToken).',
    schema: { response: {} },
  }),
  listTenants: route({
    method: 'GET',
    path: '/admin/tenants',
    summary: 'Every tenant (admin credential).',
    schema: { response: { 200: tenantListSchema, ...errors } },
  }),
  createTenant: route({
    method: 'POST',
    path: '/admin/tenants',
    summary: 'Creates a tenant; its Client-Secret is shown once (admin credential).',
    // The name's own rule (tenant-admin.ts checkTenantName) gives the operator its sentence.
    schema: { body: z.object({ name: z.string().max(1000) }), response: { 201: tenantCredentialsSchema, ...errors } },
  }),
  rotateSecret: route({
    method: 'POST',
    path: '/admin/tenants/:ref/rotate-secret',
    summary: 'A new Client-Secret for the tenant, shown once; the old one stops working (admin credential).',
    schema: { params: refParams, response: { 200: tenantCredentialsSchema, ...errors } },
  }),
  disableTenant: route({
    method: 'POST',
    path: '/admin/tenants/:ref/disable',
    summary: 'Disables a tenant: its credentials and issued tokens are refused (admin credential).',
    schema: { params: refParams, response: { 200: tenantSummarySchema, ...errors } },
  }),
  enableTenant: route({
    method: 'POST',
    path: '/admin/tenants/:ref/enable',
    summary: 'Enables a disabled tenant again (admin credential).',
    schema: { params: refParams, response: { 200: tenantSummarySchema, ...errors } },
  }),
  renameTenant: route({
    method: 'POST',
    path: '/admin/tenants/:ref/rename',
    summary: 'Renames a tenant; names are unique among the live tenants (admin credential).',
    schema: {
      params: refParams,
      body: z.object({ name: z.string().max(1000) }),
      response: { 200: tenantSummarySchema, ...errors },
    },
  }),
  deleteTenant: route({
    method: 'DELETE',
    path: '/admin/tenants/:ref',
    summary:
      'Deletes a tenant: its credentials and tokens stay refused, its platforms and their tokens are deleted (admin credential).',
    schema: { params: refParams, response: { 200: tenantDeletedSchema, ...errors } },
  }),
} as const;
