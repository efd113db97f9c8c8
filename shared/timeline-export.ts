// The Protokoll export for support: a header (app version, sandbox or production, cloud host, tenant,
// platform and authorization ids, Amazon request ids, the sandbox scenario set), the final status and
// every step with its German text, local time and error code. The same schema validates an import
// (replay in the sandbox): files come from outside, so every string is bounded and free of control
// characters, every list is capped, and unknown keys are refused.
import { z } from 'zod';
import { COUNTRY_CODES, REGIONS } from './amazon-regions';
import { AUTH_STATUSES } from './auth-machine';
import { CONTROL_CHARACTER_MESSAGE, isSafeText } from './safe-text';

export const EXPORT_FORMAT = 'amazon-cloud-connect-protokoll';
export { MAX_IMPORT_CHARS } from './timeline-import-limit';

// The project's one text rule (safe-text.ts), except that a detail may span lines.
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => isSafeText(s.replace(/[\t\n]/g, ' ')), CONTROL_CHARACTER_MESSAGE);
const id = text(200);
const code = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/);

export const timelineExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  header: z.strictObject({
    exportedAt: text(40),
    timeZone: text(80),
    appVersion: text(40),
    amazon: z.enum(['sandbox', 'production']),
    cloudHost: text(300).optional(),
    tenantId: id.optional(),
    platform: z.strictObject({
      id,
      cloudPlatformId: id.optional(),
      name: text(80),
      type: z.literal('amazon'),
      countryCode: z.enum(COUNTRY_CODES as [string, ...string[]]),
      region: z.enum(REGIONS),
    }),
    authorizationIds: z.array(id).max(500),
    amazonRequestIds: z.array(id).max(1000),
    /** Sandbox only: the scenarios switched on when exported. */
    scenarios: z
      .array(
        z.strictObject({
          id: text(40),
          account: text(200).optional(),
          remaining: z.number().int().min(0).max(1e6).optional(),
          ms: z.number().int().min(0).max(1e6).optional(),
        }),
      )
      .max(100)
      .optional(),
  }),
  status: z.strictObject({
    status: z.enum(AUTH_STATUSES),
    code: code.optional(),
    params: z.record(text(40), z.union([text(200), z.number(), z.boolean()])).optional(),
    sellingPartnerId: id.optional(),
  }),
  timeline: z
    .array(
      z.strictObject({
        at: text(40),
        local: text(60),
        step: text(200),
        text: text(200),
        outcome: z.enum(['ok', 'error', 'info']),
        code: code.optional(),
        detail: text(2000).optional(),
        authorizationId: id.optional(),
      }),
    )
    .max(1000),
});
export type TimelineExport = z.infer<typeof timelineExportSchema>;

/** The most recent failure in an export: the status's code, else the last failed step's. */
export function finalErrorCode(e: TimelineExport): string | undefined {
  if (e.status.code && e.status.status !== 'authenticated') return e.status.code;
  // Authenticated: a failure after the last successful sign-in (e.g. Einstellungen importieren).
  const lastOk = e.timeline.map((x) => x.step).lastIndexOf('authenticated');
  return e.timeline
    .slice(lastOk + 1)
    .reverse()
    .find((x) => x.outcome === 'error' && x.code)?.code;
}
