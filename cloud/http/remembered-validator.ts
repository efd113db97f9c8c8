// The contract's request validation (zod through fastify-type-provider-zod), remembering what it
// accepted in a route's path parameters and query: a waiting desktop asks GET /v1/authorizations/:id
// with the same id and `?wait` again and again, and a zod parse of those two objects was ~10 µs of the
// status route's CPU per call (issue 26, bench/README.md). Parsing is a pure function of the input —
// every schema there is strings, coercions and pure refinements — so an input accepted before is
// accepted again with the same output: that output is kept (frozen) and handed out again.
// Only successes are kept, only objects whose values are all strings (arrays of a repeated query
// key, bodies and headers always go to zod), only short inputs, and at most MAX_ENTRIES per schema,
// oldest out first: a caller cannot grow it, nor get anything past zod that zod refuses.
import type { FastifySchemaCompiler } from 'fastify';
import type { $ZodType } from 'zod/v4/core';
import { validatorCompiler } from 'fastify-type-provider-zod';

/** Accepted inputs remembered per route part. */
export const MAX_ENTRIES = 1_000;
/** Longer inputs (the key's characters) are parsed every time. */
export const MAX_KEY_LENGTH = 512;
const REMEMBERED_PARTS = new Set(['params', 'querystring']);

/** One string for an object of strings, unambiguous (length-prefixed); undefined for anything else. */
function keyOf(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  let key = '';
  for (const name in data) {
    if (!Object.hasOwn(data, name)) return undefined;
    const value = (data as Record<string, unknown>)[name];
    if (typeof value !== 'string') return undefined;
    key += `${name.length}:${name}${value.length}:${value}`;
    if (key.length > MAX_KEY_LENGTH) return undefined;
  }
  return key;
}

/** An output made only of primitives, frozen, so handing it to several requests shares nothing mutable. */
function frozenFlat(value: unknown): Readonly<Record<string, unknown>> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  for (const v of Object.values(value)) if (v !== null && typeof v === 'object') return undefined;
  return Object.freeze(value as Record<string, unknown>);
}

export const rememberingValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) => {
  const validate = validatorCompiler(route);
  if (!route.httpPart || !REMEMBERED_PARTS.has(route.httpPart)) return validate;
  const accepted = new Map<string, Readonly<Record<string, unknown>>>();
  return (data: unknown) => {
    const key = keyOf(data);
    if (key !== undefined) {
      const known = accepted.get(key);
      if (known) return { value: known };
    }
    const result = validate(data) as { value?: unknown; error?: Error };
    if (key === undefined || result.error) return result;
    const value = frozenFlat(result.value);
    if (!value) return result;
    if (accepted.size >= MAX_ENTRIES) accepted.delete(accepted.keys().next().value!);
    accepted.set(key, value);
    return { value };
  };
};
