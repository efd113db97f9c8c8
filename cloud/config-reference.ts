// Every configuration key with its environment variable and default, read from the zod schema itself:
// cloud/README.md's configuration table is checked against this list (config-reference.test.ts), so
// a key added to the schema without documentation fails the tests.
import type { z } from 'zod';
import { cloudConfigSchema, ENV_KEYS } from './config';

interface ConfigKey {
  key: string;
  env?: string;
  /** JSON of the default, 'required', or undefined for an optional key without default. */
  default?: string;
}

type Def = { type: string; defaultValue?: unknown; innerType?: z.ZodType };

function describe(key: string, schema: z.ZodType, envByKey: Map<string, string>): ConfigKey[] {
  const def = (schema as unknown as { def: Def }).def;
  if (def.type === 'object') {
    const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    return Object.entries(shape).flatMap(([k, v]) => describe(key ? `${key}.${k}` : k, v, envByKey));
  }
  const env = envByKey.get(key);
  const dflt =
    def.type === 'default' ? JSON.stringify(def.defaultValue) : def.type === 'optional' ? undefined : 'required';
  return [{ key, ...(env ? { env } : {}), ...(dflt !== undefined ? { default: dflt } : {}) }];
}

export function configReference(): ConfigKey[] {
  const envByKey = new Map(Object.entries(ENV_KEYS).map(([env, key]) => [key, env]));
  return describe('', cloudConfigSchema, envByKey);
}
