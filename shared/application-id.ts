// A Seller Central application id (docs/amazon.md §1.1): `amzn1.sp.solution.<uuid>` for apps registered
// in the Solution Provider Portal, `amzn1.sellerapps.app.<uuid>` for older apps (Amazon's own consent-URL
// examples and public reports use both; selling-partner-api-docs #262, #265). Both are accepted wherever
// an application id is checked.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const APPLICATION_ID = new RegExp(`^amzn1\\.(?:sp\\.solution|sellerapps\\.app)\\.${UUID}$`);

export function isApplicationId(value: string): boolean {
  return APPLICATION_ID.test(value);
}
