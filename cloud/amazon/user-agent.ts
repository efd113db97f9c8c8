// The User-Agent on every call to Amazon (LWA and SP-API). Amazon requires one on every request, in the
// form `AppId/AppVersionId (Language=…; Platform=…)`, at most 500 characters (docs/amazon.md §4, [UA]);
// it helps Amazon's support find the cloud's calls.
import packageJson from '../../package.json' with { type: 'json' };

export const AMAZON_USER_AGENT = `AmazonCloudConnect/${packageJson.version} (Language=TypeScript; Platform=Node)`;
