import { expect, it } from 'vitest';
import { environmentSecretWarning, reloadableKeysFromEnvironment } from './secret-source';

/** An environment with the LWA secret in it, an empty next secret, and variables that are no LWA secret. */
const env = {
  CLOUD_LWA_CLIENT_SECRET: 'amzn1.oa2-cs.v1.secret',
  CLOUD_LWA_NEXT_CLIENT_SECRET: '',
  CLOUD_LWA_CLIENT_ID: 'x',
  CLOUD_SIGNING_KEY: 'k',
};

it('names the LWA secret variables set in the environment, never their values', () => {
  expect(reloadableKeysFromEnvironment(env)).toEqual(['CLOUD_LWA_CLIENT_SECRET']);
  const warning = environmentSecretWarning(env)!;
  expect(warning).toContain('CLOUD_LWA_CLIENT_SECRET set in the environment');
  expect(warning).not.toContain('amzn1.oa2-cs');
  expect(environmentSecretWarning({ CLOUD_SIGNING_KEY: 'k' })).toBeUndefined();
});
