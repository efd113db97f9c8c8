// The remembering validator (remembered-validator.ts): the same answers as zod's, and zod asked once
// per accepted path/query input — never for a refused one, a body, a header set, a non-string value or
// a long input, which are parsed every time; the memory is bounded.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { MAX_ENTRIES, MAX_KEY_LENGTH, rememberingValidatorCompiler } from './remembered-validator';

type Result = { value?: unknown; error?: unknown };

/** A schema whose refinement counts zod's parses, compiled for `httpPart`. */
function counted(httpPart: string, shape?: z.ZodRawShape) {
  let parses = 0;
  const schema = z
    .object(shape ?? { id: z.string().min(1).max(100), wait: z.coerce.number().int().min(0).max(30).optional() })
    .refine(() => ++parses > 0);
  const route = { schema: schema as unknown as $ZodType, method: 'GET', url: '/x/:id', httpPart };
  const validate = rememberingValidatorCompiler(route) as (data: unknown) => Result;
  const plain = validatorCompiler(route) as (data: unknown) => Result;
  return { validate, plain, parses: () => parses };
}

describe('remembering validator', () => {
  it('parses an accepted path parameter or query once, with the same (frozen) output as zod', () => {
    for (const part of ['params', 'querystring']) {
      const v = counted(part);
      const first = v.validate({ id: 'auth_1', wait: '25' });
      const again = v.validate({ id: 'auth_1', wait: '25' });
      expect(first).toEqual(v.plain({ id: 'auth_1', wait: '25' }));
      expect(again.value).toEqual({ id: 'auth_1', wait: 25 });
      expect(Object.isFrozen(again.value)).toBe(true);
      // Two by the calls above, one by `plain`: the second call was not parsed.
      expect(v.parses()).toBe(2);
      // Another input is parsed; keys and values cannot run into each other.
      v.validate({ id: 'auth_12', wait: '5' });
      v.validate({ id: 'auth_1', wait: '25', x: '' });
      expect(v.parses()).toBe(4);
    }
  });

  it('parses a refused input every time and keeps refusing it', () => {
    const v = counted('params');
    for (let i = 0; i < 3; i++) expect(v.validate({ id: '' }).error).toBeDefined();
    expect(v.validate({ id: 'x', wait: '31' }).error).toBeDefined();
    // zod runs the counting refinement on a refused input too: each call was parsed.
    expect(v.parses()).toBe(4);
  });

  it('leaves bodies, headers, non-string values and long inputs to zod every time', () => {
    const body = counted('body');
    body.validate({ id: 'a' });
    body.validate({ id: 'a' });
    expect(body.parses()).toBe(2);
    const headers = counted('headers');
    headers.validate({ id: 'a' });
    headers.validate({ id: 'a' });
    expect(headers.parses()).toBe(2);
    const query = counted('querystring', { id: z.union([z.string(), z.array(z.string())]) });
    query.validate({ id: ['a', 'b'] });
    query.validate({ id: ['a', 'b'] });
    expect(query.parses()).toBe(2);
    const long = counted('params', { id: z.string() });
    const id = 'x'.repeat(MAX_KEY_LENGTH);
    expect(long.validate({ id }).value).toEqual({ id });
    long.validate({ id });
    expect(long.parses()).toBe(2);
  });

  it('keeps at most MAX_ENTRIES inputs, the oldest out first', () => {
    const v = counted('params');
    for (let i = 0; i <= MAX_ENTRIES; i++) v.validate({ id: `id_${i}` });
    expect(v.parses()).toBe(MAX_ENTRIES + 1);
    v.validate({ id: `id_${MAX_ENTRIES}` });
    expect(v.parses()).toBe(MAX_ENTRIES + 1);
    v.validate({ id: 'id_0' });
    expect(v.parses()).toBe(MAX_ENTRIES + 2);
  });
});
