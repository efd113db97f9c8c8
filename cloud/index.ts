// The cloud relay's public surface: start it in-process, or load its configuration.
export { startCloud, type StartCloudOptions, type RunningCloud } from './start-cloud';
export {
  loadConfig,
  parseConfig,
  cloudConfigSchema,
  ENV_KEYS,
  type CloudConfig,
  type CloudConfigInput,
} from './config';
export { embeddedDefaultConfig, fetchSandboxApp, loadOrCreateKeys } from './embedded-config';
export { readDevTenantFile, DEV_TENANT_NAME, type DevTenantFile } from './tenants/dev-tenant';
