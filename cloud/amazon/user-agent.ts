// The User-Agent on every call to Amazon (LWA and SP-API). Amazon asks integrators to name their
// application, version, language and platform in it, in the form its own SDKs use
// (`<AppName>/<version> (Language=<language>; Platform=<platform>)`, docs/amazon.md §4); support can
// then find the cloud's calls in Amazon's logs.
import packageJson from '../../package.json' with { type: 'json' };

export const AMAZON_USER_AGENT = `AmazonCloudConnect/${packageJson.version} (Language=TypeScript; Platform=Node)`;
