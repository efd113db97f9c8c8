// Input the route schemas cannot see (Fastify validates the request's parts, contract-route.ts), such
// as the decoded HTTP Basic credentials: parsed with a zod schema; a mismatch is a 400 with the stable
// code INVALID_REQUEST and a readable message, never a stack trace.
import type { z } from 'zod';
import { CloudError } from '../cloud-error';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new CloudError('INVALID_REQUEST', `Invalid ${where}: ${issues.join('; ')}.`);
}
